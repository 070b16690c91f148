package io.wirewatch.alerts.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.StoryTimes;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code GET /api/stories/{id}} (an enriched story with its text, entities and signals, whose spans index that text)
 * and {@code GET /api/stories?q=words&actor=&from=&to=&signals=&limit=} (stories holding every word, newest first,
 * with a snippet; {@code signals=none} lists quiet stories), and {@code GET /api/stories/export} (the same as CSV
 * or JSON lines).
 */
final class StoryEndpoints {

    private static final QueryLimit LIMIT = new QueryLimit(20, 100);
    private static final int MAX_QUERY = 200;
    private static final int MAX_WORDS = 10;
    private static final int SNIPPET_CONTEXT = 80;

    private static final int MAX_EXPORT = 100_000;

    private final StoryLookup stories;
    private final ActorDirectory actors;

    StoryEndpoints(StoryLookup stories, ActorDirectory actors) {
        this.stories = Objects.requireNonNull(stories, "stories");
        this.actors = Objects.requireNonNull(actors, "actors");
    }

    void byId(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isBlank() || id.length() > MAX_QUERY || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not a story id");
        }
        EnrichedStory story;
        try {
            story = stories.byId(id);
        } catch (IllegalStateException e) {
            unavailable(ctx, e);
            return;
        }
        if (story == null) {
            ctx.status(404).contentType("application/json").result(AvroJson.write(JsonNodeFactory.instance
                    .objectNode().put("error", "no story with this id is kept (unknown, or older than the "
                            + "retention)")));
            return;
        }
        ObjectNode node = AvroJson.toTree(story);
        node.put("text", text(story.getStory()));
        ctx.contentType("application/json").result(AvroJson.write(node));
    }

    void search(Context ctx) {
        StoryQuery query = query(ctx, actors, true);
        int limit = LIMIT.parse(ctx.queryParam("limit"));
        List<EnrichedStory> found;
        try {
            found = stories.search(query, limit);
        } catch (IllegalStateException e) {
            unavailable(ctx, e);
            return;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (EnrichedStory story : found) {
            Story raw = story.getStory();
            ObjectNode node = array.addObject();
            node.put("id", raw.getId());
            node.put("title", raw.getTitle());
            node.put("url", raw.getUrl());
            node.put("wire", raw.getWire());
            node.put("publishedAt", raw.getPublishedAt() == null ? null : raw.getPublishedAt().toString());
            node.put("publishedLocal", raw.getPublishedLocal());
            node.put("storyDay", Exports.storyDay(raw.getPublishedLocal(), raw.getPublishedAt()));
            node.put("fromFeedSummary", raw.getFromFeedSummary());
            DateSource dated = StoryTimes.dateSource(raw);
            node.put("dateSource", dated == null ? null : dated.name());
            node.put("escalationScore", story.getEscalationScore());
            node.put("signals", story.getSignals().size());
            node.put("snippet", snippet(text(raw), query.words().isEmpty() ? "" : query.words().get(0)));
        }
        ctx.contentType("application/json").result(AvroJson.write(array));
    }

    /** {@code GET /api/stories/export?format=csv|jsonl} with the search's parameters: every story that matches. */
    void export(Context ctx) {
        Exports.Format format = Exports.Format.parse(ctx.queryParam("format"));
        StoryQuery query = query(ctx, actors, false);
        List<EnrichedStory> found;
        try {
            found = new ArrayList<>(stories.search(query, MAX_EXPORT));
        } catch (IllegalStateException e) {
            unavailable(ctx, e);
            return;
        }
        Collections.reverse(found);
        StringWriter out = new StringWriter();
        Exports.stories(found, format, out);
        ctx.header("Content-Disposition", "attachment; filename=\"wirewatch-stories." + format.extension() + "\"")
                .contentType(format.contentType()).result(out.toString());
    }

    /**
     * The story query of a request: {@code q} (words), {@code actor} (a code or a name), {@code from} and
     * {@code to} (days or instants), {@code signals} ({@code any}, {@code none} for quiet stories, {@code some}).
     * A search must give at least one of them; an export of every story kept needs none.
     */
    static StoryQuery query(Context ctx, ActorDirectory actors, boolean narrowing) {
        String q = ctx.queryParam("q");
        if (q != null && q.length() > MAX_QUERY) {
            throw new IllegalArgumentException("q may be at most " + MAX_QUERY + " characters");
        }
        List<String> words = q == null ? List.of() : StoryQuery.wordsOf(q).stream().distinct().toList();
        if (words.size() > MAX_WORDS) {
            throw new IllegalArgumentException("q may hold at most " + MAX_WORDS + " words");
        }
        String signals = ctx.queryParam("signals");
        StoryQuery.Signals which;
        try {
            which = signals == null || signals.isBlank() ? StoryQuery.Signals.ANY
                    : StoryQuery.Signals.valueOf(signals.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signals must be any, none (quiet stories) or some; was '" + signals
                    + "'", e);
        }
        StoryQuery query = new StoryQuery(words, AlertFilter.actors(ctx.queryParam("actor"), actors),
                AlertFilter.time("from", ctx.queryParam("from"), false), AlertFilter.time("to", ctx.queryParam("to"),
                true), which);
        if (narrowing && !query.narrows()) {
            throw new IllegalArgumentException("missing query parameter 'q' (words to find in story titles and text),"
                    + " or 'actor', 'from', 'to' or 'signals'");
        }
        return query;
    }

    /** The story text the enricher's spans index: paragraphs joined by blank lines. */
    static String text(Story story) {
        return String.join("\n\n", story.getParagraphs());
    }

    private static String snippet(String text, String word) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])"
                + java.util.regex.Pattern.quote(word) + "(?![\\p{L}\\p{N}])").matcher(text);
        int at = word.isEmpty() || !m.find() ? -1 : m.start();
        if (at < 0) {
            return text.length() <= 2 * SNIPPET_CONTEXT ? text : text.substring(0, 2 * SNIPPET_CONTEXT) + "…";
        }
        int from = Math.max(0, at - SNIPPET_CONTEXT);
        int to = Math.min(text.length(), at + word.length() + SNIPPET_CONTEXT);
        return (from > 0 ? "…" : "") + text.substring(from, to).replace("\n\n", " ") + (to < text.length() ? "…" : "");
    }

    private static void unavailable(Context ctx, IllegalStateException e) {
        ctx.status(503).contentType("application/json").result(AvroJson.write(JsonNodeFactory.instance.objectNode()
                .put("error", "stories cannot be read now (" + e.getMessage() + "); retry shortly")));
    }
}
