package io.wirewatch.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one ingest run did: stories read, records produced, exact duplicates skipped, every input that gave no story
 * with the reason, and the pages not read whose feed item made the story instead (with why the page was not read).
 */
public record IngestReport(int read, int produced, int duplicates, List<Failure> failures,
                           List<Failure> fromFeedSummaries) {

    public IngestReport {
        failures = List.copyOf(failures);
        fromFeedSummaries = List.copyOf(fromFeedSummaries);
    }

    public IngestReport(int read, int produced, int duplicates, List<Failure> failures) {
        this(read, produced, duplicates, failures, List.of());
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
