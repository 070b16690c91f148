package io.wirewatch.alerts.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force, read from a file and re-read when it changes. A changed file that does not load, for
 * whatever reason, is refused (logged with file, line and reason, and kept in {@link #lastError()}); the rules in
 * force stay, and the file goes on being watched.
 *
 * <p>The file's content is compared every {@code interval}; polling rather than a WatchService, because watch
 * events are unreliable on mounted and container filesystems and editors replace files in several ways.
 */
public final class RulesWatcher implements Supplier<RuleSet>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);

    private final Path file;
    private final BiFunction<String, String, RuleSet> parser;
    private final AtomicReference<RuleSet> current;
    private final ScheduledExecutorService timer;
    private byte[] lastContent;
    private volatile @Nullable String lastError;
    private volatile long reloads;

    private RulesWatcher(Path file, BiFunction<String, String, RuleSet> parser, RuleSet initial, byte[] content,
                         Duration interval) {
        this.file = file;
        this.parser = parser;
        this.current = new AtomicReference<>(initial);
        this.lastContent = content;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rules-watcher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkAndCarryOn, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Loads {@code file} and watches it.
     *
     * @throws RulesFileException when the file cannot be read or is not a valid rules file
     */
    public static RulesWatcher watch(Path file, Duration interval) {
        return watch(file, interval, RulesFile::parse);
    }

    /** As {@link #watch(Path, Duration)}, parsing (text, origin) with {@code parser}. */
    static RulesWatcher watch(Path file, Duration interval, BiFunction<String, String, RuleSet> parser) {
        Objects.requireNonNull(file, "file");
        byte[] content = read(file);
        RuleSet initial = parser.apply(new String(content, java.nio.charset.StandardCharsets.UTF_8),
                file.toString());
        LOG.info("Loaded {} rules from {}", initial.rules().size(), file);
        return new RulesWatcher(file, parser, initial, content, interval);
    }

    @Override
    public RuleSet get() {
        return current.get();
    }

    /** Why the last changed file was refused, or null when the file in force is the file on disk. */
    public @Nullable String lastError() {
        return lastError;
    }

    /** How many times new rules came into force since start. */
    public long reloads() {
        return reloads;
    }

    /**
     * The timer's task. A task that throws is never run again by a ScheduledExecutorService, so nothing may
     * escape: a failure is refused like a bad file, and the next change is still seen.
     */
    private void checkAndCarryOn() {
        try {
            check();
        } catch (RuntimeException | Error e) {
            lastError = file + ": cannot load: " + e;
            LOG.error("Checking the rules file {} failed; the rules in force stay", file, e);
        }
    }

    /** Checks the file now (the timer also does it). */
    synchronized void check() {
        byte[] content;
        try {
            content = read(file);
        } catch (RulesFileException e) {
            if (!Objects.equals(lastError, e.getMessage())) {
                LOG.error("Keeping the rules in force: {}", e.getMessage());
            }
            lastError = e.getMessage();
            return;
        }
        if (Arrays.equals(content, lastContent)) {
            return;
        }
        lastContent = content;
        try {
            RuleSet rules = parser.apply(new String(content, java.nio.charset.StandardCharsets.UTF_8),
                    file.toString());
            current.set(rules);
            lastError = null;
            reloads++;
            LOG.info("Reloaded {} rules from {}: {}", rules.rules().size(), file,
                    rules.rules().stream().map(r -> r.id() + " v" + r.version()).toList());
        } catch (RulesFileException e) {
            lastError = e.getMessage();
            LOG.error("Refused the changed rules file, the rules in force stay: {}", e.getMessage());
        } catch (RuntimeException e) {
            lastError = file + ": cannot load: " + e;
            LOG.error("Refused the changed rules file {}, the rules in force stay", file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RulesFileException(file.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new RulesFileException(file.toString(), 0, "cannot read: " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
