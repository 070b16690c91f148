package io.wirewatch.alerts.web;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Which alerts a reader wants: at least a severity, involving an actor, about stories published in a period. All
 * optional.
 *
 * @param minSeverity alerts below it are left out
 * @param actors      actor codes (e.g. RUS) of which one must be among the alert's actors or in its dyad; empty for
 *                    any
 * @param from        alerts about stories published at or after it (the raised time when the story gave none)
 * @param to          alerts about stories published before it
 */
public record AlertFilter(@Nullable Severity minSeverity, Set<String> actors, @Nullable Instant from,
                          @Nullable Instant to) implements Predicate<Alert> {

    public static final AlertFilter ALL = new AlertFilter(null, Set.of(), null, null);

    public AlertFilter {
        actors = Set.copyOf(Objects.requireNonNull(actors, "actors"));
    }

    /** From query parameters; blank means no filter; an actor must be a code. */
    public static AlertFilter parse(@Nullable String minSeverity, @Nullable String actor) {
        return parse(minSeverity, actor, null, null, ActorDirectory.CODES_ONLY);
    }

    /**
     * From query parameters or options; blank means no filter.
     *
     * @param actor a code or a name the directory knows ("Russia", "lavrov")
     * @param from  an instant (2022-02-24T00:00:00Z) or a day (2022-02-24, from its start in UTC)
     * @param to    an instant, or a day (up to its end in UTC)
     * @throws IllegalArgumentException naming the parameter, when the severity, the actor or a time is not valid;
     *                                  for an unknown actor with the closest names the directory knows
     */
    public static AlertFilter parse(@Nullable String minSeverity, @Nullable String actor, @Nullable String from,
                                    @Nullable String to, ActorDirectory directory) {
        Severity severity = null;
        if (!blank(minSeverity)) {
            try {
                severity = Severity.valueOf(minSeverity.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("minSeverity must be one of INFO, LOW, MEDIUM, HIGH, CRITICAL; was '"
                        + minSeverity + "'", e);
            }
        }
        return new AlertFilter(severity, actors(actor, directory), time("from", from, false), time("to", to, true));
    }

    /** The codes {@code actor} names; empty when blank. */
    static Set<String> actors(@Nullable String actor, ActorDirectory directory) {
        if (blank(actor)) {
            return Set.of();
        }
        ActorDirectory.Resolution resolved = directory.resolve(actor);
        if (resolved instanceof ActorDirectory.Resolution.Unknown unknown) {
            throw new IllegalArgumentException("actor: " + unknown.message());
        }
        return ((ActorDirectory.Resolution.Codes) resolved).codes();
    }

    /** An instant, or a day: its start for {@code from}, the start of the next day for {@code to}. */
    static @Nullable Instant time(String name, @Nullable String text, boolean end) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a day (2022-02-24) or an instant "
                    + "(2022-02-24T03:00:00Z); was '" + text + "'", e);
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    @Override
    public boolean test(Alert alert) {
        if (minSeverity != null && alert.getSeverity().compareTo(minSeverity) < 0) {
            return false;
        }
        Instant at = alert.getPublishedAt() != null ? alert.getPublishedAt() : alert.getRaisedAt();
        if ((from != null && at.isBefore(from)) || (to != null && !at.isBefore(to))) {
            return false;
        }
        if (!actors.isEmpty()) {
            boolean inActors = alert.getActors().stream().anyMatch(a -> actors.contains(a.toUpperCase(Locale.ROOT)));
            boolean inDyad = alert.getDyad() != null && Arrays.stream(alert.getDyad().split("->"))
                    .anyMatch(a -> actors.contains(a.toUpperCase(Locale.ROOT)));
            return inActors || inDyad;
        }
        return true;
    }
}
