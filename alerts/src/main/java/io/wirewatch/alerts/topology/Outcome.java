package io.wirewatch.alerts.topology;

import io.wirewatch.schema.Alert;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What judging one enriched-story record gave: a candidate alert, or a dead letter. */
sealed interface Outcome {

    /** An alert a rule raised, still to be de-duplicated. */
    record Candidate(Alert alert) implements Outcome {
        public Candidate {
            Objects.requireNonNull(alert, "alert");
        }
    }

    /** A record that could not be decoded or judged, unchanged; the reason travels in its headers. */
    record Dead(byte @Nullable [] key, byte[] value) implements Outcome {
        public Dead {
            Objects.requireNonNull(value, "value");
        }
    }
}
