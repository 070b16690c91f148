package io.wirewatch.alerts.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.wirewatch.schema.AvroJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/dyads/timeline}: checks the parameters, then asks the enrichment service's dyad query server
 * ({@code GET <base>/dyads/timeline}, which forwards to the instance holding the dyad) and passes its JSON array on.
 * Answers 400 for bad parameters, 503 when no query service is configured or it says its store is not ready, and
 * 502 when it does not answer in time or answers something else than a JSON array.
 */
final class DyadTimelineProxy {

    private static final Logger LOG = LoggerFactory.getLogger(DyadTimelineProxy.class);
    private static final Pattern ACTOR = Pattern.compile("[A-Z0-9][A-Z0-9:_.\\-]{0,63}");
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final Duration MAX_SPAN = Duration.ofDays(366);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What the proxy answers: a status and a JSON body. */
    record Answer(int status, String json) {
    }

    private final Supplier<@Nullable URI> base;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    DyadTimelineProxy(Supplier<@Nullable URI> base, Clock clock) {
        this.base = base;
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
        URI where = base.get();
        if (where == null) {
            return new Answer(503, error("no enrichment query service is configured: start alerts with "
                    + "--enrich-url (the enrich service's query address), or run everything with wirewatch run"));
        }
        URI uri = where.resolve("dyads/timeline?source=" + encode(src) + "&target=" + encode(tgt) + "&window=" + size
                + "&from=" + encode(start.toString()) + "&to=" + encode(end.toString()));
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Answer(502, error("the enrichment query service at " + where + " did not answer within "
                    + TIMEOUT.toSeconds() + " s"));
        } catch (IOException e) {
            LOG.debug("Dyad query {} failed: {}", uri, e.toString());
            return new Answer(502, error("the enrichment query service at " + where + " did not answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, error("interrupted while asking " + where));
        }
        if (response.statusCode() == 200) {
            try {
                JsonNode body = AvroJson.mapper().readTree(response.body());
                if (body != null && body.isArray()) {
                    return new Answer(200, AvroJson.write(body));
                }
            } catch (IOException e) {
                // falls through: not JSON
            }
            return new Answer(502, error("the enrichment query service at " + where
                    + " answered something other than a JSON array"));
        }
        String reason = reason(response.body());
        if (response.statusCode() == 503) {
            return new Answer(503, error("the enrichment query service is not ready: " + reason));
        }
        return new Answer(502, error("the enrichment query service at " + where + " answered HTTP "
                + response.statusCode() + ": " + reason));
    }

    private static String reason(String body) {
        try {
            JsonNode node = AvroJson.mapper().readTree(body);
            if (node != null && node.hasNonNull("error")) {
                return node.get("error").asText();
            }
        } catch (IOException e) {
            // not JSON: quote a little of it
        }
        String text = body == null ? "" : body.strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String error(String message) {
        return AvroJson.write(JsonNodeFactory.instance.objectNode().put("error", message));
    }
}
