package io.wirewatch.alerts.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.DyadWindow;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/dyads/timeline}: checks the parameters, then reads the pair's closed windows from the store the
 * alerts service keeps of {@code news.dyads.escalation} ({@link DyadTimelines}) and answers them as a JSON array,
 * oldest first. Answers 400 for bad parameters and 503 when the windows cannot be read now.
 */
final class DyadTimelineEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(DyadTimelineEndpoint.class);
    private static final Pattern ACTOR = Pattern.compile("[A-Z0-9][A-Z0-9:_.\\-]{0,63}");
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final Duration MAX_SPAN = Duration.ofDays(366);

    /** What the endpoint answers: a status and a JSON body. */
    record Answer(int status, String json) {
    }

    private final DyadTimelines timelines;
    private final Clock clock;

    DyadTimelineEndpoint(DyadTimelines timelines, Clock clock) {
        this.timelines = timelines;
        this.clock = clock;
    }

    /** The timeline of {@code source->target}; every parameter but source and target may be null. */
    Answer timeline(@Nullable String source, @Nullable String target, @Nullable String window,
                    @Nullable String from, @Nullable String to) {
        String src = actor("source", source);
        String tgt = actor("target", target);
        String size = window == null || window.isBlank() ? "DAY" : window.strip().toUpperCase(Locale.ROOT);
        if (!size.equals("DAY") && !size.equals("HOUR")) {
            throw new IllegalArgumentException("window must be DAY or HOUR, was '" + window + "'");
        }
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
        Instant start;
        try {
            start = from == null || from.isBlank() ? end.minus(DEFAULT_SPAN) : instant("from", from);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("to " + end + " is too early to look back "
                    + DEFAULT_SPAN.toDays() + " days from", e);
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("from must be before to (from " + start + ", to " + end + ")");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("from..to may span at most " + MAX_SPAN.toDays() + " days");
        }
        ArrayNode windows = JsonNodeFactory.instance.arrayNode();
        try {
            for (DyadWindow kept : timelines.windows(src, tgt, size, start, end)) {
                windows.add(AvroJson.toTree(kept));
            }
        } catch (IllegalStateException e) {
            LOG.debug("Dyad timeline {}->{} not readable: {}", src, tgt, e.toString());
            return new Answer(503, error("the dyad windows cannot be read now: " + e.getMessage()));
        }
        return new Answer(200, AvroJson.write(windows));
    }

    private static String actor(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing query parameter '" + name + "' (an actor id, e.g. RUS)");
        }
        String actor = value.strip().toUpperCase(Locale.ROOT);
        if (!ACTOR.matcher(actor).matches()) {
            throw new IllegalArgumentException(name + " must be an actor id (e.g. RUS, NATO, PER:SERGEI_LAVROV)");
        }
        return actor;
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2022-01-26T00:00:00Z, was '"
                    + value + "'", e);
        }
    }

    private static String error(String message) {
        return AvroJson.write(JsonNodeFactory.instance.objectNode().put("error", message));
    }
}
