package io.wirewatch.ingest;

import io.wirewatch.schema.DateSource;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one ingest run did: stories read, records produced, exact duplicates skipped, every input that gave no story
 * with the reason, the pages not read whose feed item made the story instead (with why the page was not read), the
 * stories written without a publication date (placed at the time they were read, {@link DateSource#READ}), how
 * many stories written took their time from each {@link DateSource}, and the span of event times written (null
 * when nothing was).
 */
public record IngestReport(int read, int produced, int duplicates, List<Failure> failures,
                           List<Failure> fromFeedSummaries, List<Failure> undated,
                           Map<DateSource, Integer> dateSources, @Nullable Span eventTimes) {

    public IngestReport {
        failures = List.copyOf(failures);
        fromFeedSummaries = List.copyOf(fromFeedSummaries);
        undated = List.copyOf(undated);
        EnumMap<DateSource, Integer> bySource = new EnumMap<>(DateSource.class);
        bySource.putAll(dateSources);
        dateSources = Collections.unmodifiableMap(bySource);
    }

    public IngestReport(int read, int produced, int duplicates, List<Failure> failures) {
        this(read, produced, duplicates, failures, List.of(), List.of(), Map.of(), null);
    }

    /** The earliest and latest event time (publication time, else read time) of the stories written. */
    public record Span(Instant earliest, Instant latest) {
        public Span {
            Objects.requireNonNull(earliest, "earliest");
            Objects.requireNonNull(latest, "latest");
        }
    }

    /** How many inputs failed for each kind of reason ("HTTP 403", "timed out", "refused", ...), most first. */
    public Map<String, Integer> failuresByReason() {
        return byReason(failures);
    }

    /** As {@link #failuresByReason()}, for the pages whose feed item made the story. */
    public Map<String, Integer> summariesByReason() {
        return byReason(fromFeedSummaries);
    }

    private static Map<String, Integer> byReason(List<Failure> failures) {
        Map<String, Integer> counts = new TreeMap<>();
        failures.forEach(f -> counts.merge(kind(f.reason()), 1, Integer::sum));
        return counts;
    }

    /** The kind of a reason: its words before the first colon or parenthesis ("timed out: ..." → "timed out"). */
    static String kind(String reason) {
        String r = reason.strip();
        int cut = r.length();
        for (char c : new char[] {':', '(', ';'}) {
            int at = r.indexOf(c);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        return r.substring(0, cut).strip();
    }

    /** One input (a path or URL) that gave no story, and why. */
    public record Failure(String source, String reason) {
        public Failure {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return source + ": " + reason;
        }
    }
}
