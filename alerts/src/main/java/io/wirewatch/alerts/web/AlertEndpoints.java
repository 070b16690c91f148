package io.wirewatch.alerts.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code GET /api/alerts} (the newest alerts of a filter), {@code /api/alerts/{id}} (one alert),
 * {@code /api/alerts/export} (a filter's alerts as CSV or JSON lines) and the actor names filters accept
 * ({@code /api/actors}, {@code /api/actors/resolve}).
 */
final class AlertEndpoints {

    private static final QueryLimit LIMIT = new QueryLimit(100, 1000);
    private static final Pattern ALERT_ID = Pattern.compile("[A-Za-z0-9._:~-]+");

    private final AlertFeed feed;
    private final ActorDirectory actors;

    AlertEndpoints(AlertFeed feed, ActorDirectory actors) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.actors = Objects.requireNonNull(actors, "actors");
    }

    static AlertFilter filter(Context ctx, ActorDirectory actors) {
        return AlertFilter.parse(ctx.queryParam("minSeverity"), ctx.queryParam("actor"), ctx.queryParam("from"),
                ctx.queryParam("to"), actors);
    }

    void list(Context ctx) {
        int limit = LIMIT.parse(ctx.queryParam("limit"));
        AlertFilter filter = filter(ctx, actors);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (AlertFeed.Entry entry : feed.newest(limit, filter)) {
            ObjectNode node = AvroJson.toTree(entry.alert());
            node.put("offset", entry.offset());
            array.add(node);
        }
        ctx.contentType("application/json").result(AvroJson.write(array));
    }

    /** Every alert the feed holds that passes the filter, oldest first, as a CSV or JSON-lines download. */
    void export(Context ctx) {
        Exports.Format format = Exports.Format.parse(ctx.queryParam("format"));
        List<Alert> alerts = new ArrayList<>(feed.newest(Integer.MAX_VALUE, filter(ctx, actors)).stream()
                .map(AlertFeed.Entry::alert).toList());
        Collections.reverse(alerts);
        StringWriter out = new StringWriter();
        Exports.alerts(alerts, format, out);
        ctx.header("Content-Disposition", "attachment; filename=\"wirewatch-alerts." + format.extension() + "\"")
                .contentType(format.contentType()).result(out.toString());
    }

    /** {@code GET /api/alerts/{id}}: one alert the feed holds, as JSON with its offset; 404 when not held. */
    void one(Context ctx) {
        String id = alertId(ctx.pathParam("id"));
        Optional<AlertFeed.Entry> found = feed.newest(Integer.MAX_VALUE, a -> a.getId().equals(id)).stream()
                .findFirst();
        if (found.isEmpty()) {
            ctx.status(404).contentType("application/json").result(AvroJson.write(JsonNodeFactory.instance
                    .objectNode().put("error", "no alert " + id + " is held (unknown, or older than the feed keeps)")));
            return;
        }
        ObjectNode node = AvroJson.toTree(found.get().alert());
        node.put("offset", found.get().offset());
        ctx.contentType("application/json").result(AvroJson.write(node));
    }

    static String alertId(String id) {
        if (id.isBlank() || id.length() > 200 || !ALERT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an alert id: '" + id + "'");
        }
        return id;
    }

    /** {@code GET /api/actors/resolve?name=}: the codes a name or code stands for; 400 with the closest names. */
    void resolveActor(Context ctx) {
        String name = ctx.queryParam("name");
        ArrayNode codes = JsonNodeFactory.instance.arrayNode();
        new TreeSet<>(AlertFilter.actors(name == null ? "" : name, actors)).forEach(codes::add);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("codes", codes);
        ctx.contentType("application/json").result(AvroJson.write(node));
    }

    /** {@code GET /api/actors?q=prefix}: actors whose name, a word of it or code starts with the prefix. */
    void suggestActors(Context ctx) {
        String q = ctx.queryParam("q");
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (ActorDirectory.Actor actor : actors.suggest(q == null ? "" : q, LIMIT.parse(ctx.queryParam("limit")))) {
            array.addObject().put("code", actor.code()).put("name", actor.name());
        }
        ctx.contentType("application/json").result(AvroJson.write(array));
    }
}
