package io.wirewatch.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What one ingest run did: stories read, records produced, exact duplicates skipped, and every input that gave
 * no story, with the reason.
 */
public record IngestReport(int read, int produced, int duplicates, List<Failure> failures) {

    public IngestReport {
        failures = List.copyOf(failures);
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
