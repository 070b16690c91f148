package io.wirewatch.app.backtest;

import io.wirewatch.app.archive.ArchiveReader;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.StoryTimes;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stories a backtest runs over, and every input it did not take, by reason: the same rules for stories read
 * from files and from the archive, so that a folder and the cluster it was ingested into give the same counts.
 * A story that gives no date of its own ({@link DateSource#READ}, as {@code ingest} marks it; in stories written
 * before that mark, no publication time) stands at the time it was read: it is skipped and named, or dated by
 * {@code --date} (then {@link DateSource#FILE}).
 */
public final class BacktestInput {

    /** Why a story from a file with no date of its own is not taken, and what to do. */
    static final String UNDATED = "no publication date (give the .txt a date line under its title, e.g."
            + " \"2022-01-26\", a JSON line a \"published\" field, or name the file 2022-01-26-....txt; or pass"
            + " --date DAY to date such stories)";
    static final String OUT_OF_RANGE = "published outside --from/--to";
    static final String NO_TEXT = "archive record of a page that could not be fetched (no story text)";
    static final String DUPLICATE = "exact duplicate of a story read before (same id or text)";

    private static final int NAMED_PER_REASON = 5;

    private final Instant from;
    private final Instant to;
    private final @Nullable Instant undatedAt;
    private final List<Story> stories = new ArrayList<>();
    private final Map<String, List<String>> skipped = new LinkedHashMap<>();
    private final Map<String, List<String>> failed = new LinkedHashMap<>();

    /** @param undatedAt the publication time given to stories from files that have none, or null to skip them */
    public BacktestInput(Instant from, Instant to, @Nullable Instant undatedAt) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.undatedAt = undatedAt;
    }

    /** Takes {@code story} when it has text and a time inside the range; else counts it as skipped, and why. */
    public void offer(String source, Story story) {
        if (story.getParagraphs().isEmpty()) {
            skip(source, NO_TEXT);
            return;
        }
        if (StoryTimes.atReadTime(story)) {
            if (undatedAt == null) {
                skip(source, UNDATED);
                return;
            }
            story = Story.newBuilder(story).setPublishedAt(undatedAt).setDateSource(DateSource.FILE).build();
        }
        Instant at = Backtest.eventTime(story);
        if (at.isBefore(from) || !at.isBefore(to)) {
            skip(source, OUT_OF_RANGE);
            return;
        }
        stories.add(story);
    }

    /** Takes the stories of the archive ({@code news.stories.raw}) published inside the range. */
    public void readArchive(ArchiveReader archive) throws InterruptedException {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);
        archive.read(from, to, size -> { }, () -> { }, record -> {
            String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            try {
                offer(where, serde.decode(record.value()));
            } catch (RuntimeException e) {
                fail(where, "undecodable record: " + e.getMessage());
            }
        });
    }

    /** An input that holds no story for a reason that is not an error (a duplicate, a WARC request record). */
    void skip(String source, String reason) {
        skipped.computeIfAbsent(reason, r -> new ArrayList<>()).add(source);
    }

    /** An input that should have held a story and could not be read. */
    public void fail(String source, String reason) {
        failed.computeIfAbsent(reason, r -> new ArrayList<>()).add(source);
    }

    public List<Story> stories() {
        return List.copyOf(stories);
    }

    /** Reason → the inputs skipped for it, in the order met. */
    Map<String, List<String>> skipped() {
        return Map.copyOf(skipped);
    }

    /** Reason → the inputs that could not be read for it. */
    Map<String, List<String>> failed() {
        return Map.copyOf(failed);
    }

    int skippedCount(String reason) {
        return skipped.getOrDefault(reason, List.of()).size();
    }

    /** Prints the skipped and failed inputs, counted by reason, each reason with the first few inputs named. */
    public void printSummary(PrintWriter err) {
        print(err, "skipped", skipped);
        print(err, "could not read", failed);
        err.flush();
    }

    private static void print(PrintWriter err, String what, Map<String, List<String>> byReason) {
        for (Map.Entry<String, List<String>> entry : byReason.entrySet()) {
            List<String> sources = entry.getValue();
            err.printf("%s %d: %s%n", what, sources.size(), entry.getKey());
            sources.stream().limit(NAMED_PER_REASON).forEach(source -> err.println("    " + source));
            if (sources.size() > NAMED_PER_REASON) {
                err.println("    ... and " + (sources.size() - NAMED_PER_REASON) + " more");
            }
        }
    }
}
