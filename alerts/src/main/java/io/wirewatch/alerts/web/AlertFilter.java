package io.wirewatch.alerts.web;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.Severity;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Which alerts a reader wants: at least a severity, and involving an actor. Both optional.
 *
 * @param minSeverity alerts below it are left out
 * @param actor       an actor id (e.g. RUS) that must be among the alert's actors or in its dyad
 */
public record AlertFilter(@Nullable Severity minSeverity, @Nullable String actor) implements Predicate<Alert> {

    public static final AlertFilter ALL = new AlertFilter(null, null);

    /**
     * From query parameters; blank means no filter.
     *
     * @throws IllegalArgumentException when the severity is not one of INFO, LOW, MEDIUM, HIGH, CRITICAL
     */
    public static AlertFilter parse(@Nullable String minSeverity, @Nullable String actor) {
        Severity severity = null;
        if (minSeverity != null && !minSeverity.isBlank()) {
            try {
                severity = Severity.valueOf(minSeverity.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("minSeverity must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL; was '"
                        + minSeverity + "'", e);
            }
        }
        String who = actor == null || actor.isBlank() ? null : actor.strip().toUpperCase(Locale.ROOT);
        return new AlertFilter(severity, who);
    }

    @Override
    public boolean test(Alert alert) {
        if (minSeverity != null && alert.getSeverity().compareTo(minSeverity) < 0) {
            return false;
        }
        if (actor != null) {
            boolean inActors = alert.getActors().stream().anyMatch(a -> a.equalsIgnoreCase(actor));
            boolean inDyad = alert.getDyad() != null && java.util.Arrays.stream(alert.getDyad().split("->"))
                    .anyMatch(a -> a.equalsIgnoreCase(actor));
            return inActors || inDyad;
        }
        return true;
    }
}
