package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Severity;
import java.util.Objects;

/** From {@code minScore} upward an alert is at least {@code severity}. */
public record SeverityBand(double minScore, Severity severity) {
    public SeverityBand {
        Objects.requireNonNull(severity, "severity");
        if (Double.isNaN(minScore)) {
            throw new IllegalArgumentException("severity band score must be a number");
        }
    }
}
