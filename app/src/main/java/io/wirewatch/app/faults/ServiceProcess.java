package io.wirewatch.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One wirewatch command run as its own OS process ({@code java -cp <this classpath> io.wirewatch.app.Main ...}),
 * its output appended to a log file, that can be killed with SIGKILL and started again with the same arguments.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path log;
    private @Nullable Process process;
    private int starts;

    /**
     * @param heap    the child's maximum heap, e.g. {@code 768m}
     * @param args    the wirewatch command line, e.g. {@code enrich -b ...}
     */
    ServiceProcess(String name, String heap, List<String> args, Path logDir) {
        this.name = name;
        this.log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC"); // two cores shared by five JVMs: no parallel collector threads each
        command.add("-Djdk.httpclient.allowRestrictedHeaders=host");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.wirewatch.app.Main");
        command.addAll(args);
        this.command = List.copyOf(command);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** How many times the process was started. */
    int starts() {
        return starts;
    }

    /** Starts the process (again), appending to its log. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.writeString(log, "---- start " + (starts + 1) + " at " + java.time.Instant.now() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            starts++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The exit code once it has ended, else null. */
    @Nullable Integer exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? null : p.exitValue();
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + p.pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** Waits until the process prints {@code line} (in this start's part of its log), or fails. */
    void awaitLine(String line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String marker = "---- start " + starts + " at ";
        while (System.nanoTime() < deadline) {
            String text = read();
            int from = text.lastIndexOf(marker);
            if (from >= 0 && text.indexOf(line, from) >= 0) {
                return;
            }
            if (!isAlive()) {
                throw new IllegalStateException(name + " ended (exit " + exitCode() + ") before printing '" + line
                        + "'; its log: " + log);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not print '" + line + "' within " + timeout + "; its log: "
                + log);
    }

    private String read() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM, so the service stops cleanly; SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
