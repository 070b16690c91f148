package io.wirewatch.alerts.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Story;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code GET /api/stories/{id}} (an enriched story with its text, entities and signals, whose spans index that text)
 * and {@code GET /api/stories?q=words&limit=} (stories holding every word, newest first, with a snippet).
 */
final class StoryEndpoints {

    private static final QueryLimit LIMIT = new QueryLimit(20, 100);
    private static final int MAX_QUERY = 200;
    private static final int MAX_WORDS = 10;
    private static final int SNIPPET_CONTEXT = 80;

    private final StoryLookup stories;

    StoryEndpoints(StoryLookup stories) {
        this.stories = Objects.requireNonNull(stories, "stories");
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
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("missing query parameter 'q' (words to find in story titles and text)");
        }
        if (q.length() > MAX_QUERY) {
            throw new IllegalArgumentException("q may be at most " + MAX_QUERY + " characters");
        }
        List<String> words = Arrays.stream(q.toLowerCase(Locale.ROOT).strip().split("\\s+"))
                .filter(w -> !w.isEmpty()).distinct().toList();
        if (words.size() > MAX_WORDS) {
            throw new IllegalArgumentException("q may hold at most " + MAX_WORDS + " words");
        }
        int limit = LIMIT.parse(ctx.queryParam("limit"));
        List<EnrichedStory> found;
        try {
            found = stories.search(words, limit);
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
            node.put("escalationScore", story.getEscalationScore());
            node.put("signals", story.getSignals().size());
            node.put("snippet", snippet(text(raw), words.get(0)));
        }
        ctx.contentType("application/json").result(AvroJson.write(array));
    }

    /** The story text the enricher's spans index: paragraphs joined by blank lines. */
    static String text(Story story) {
        return String.join("\n\n", story.getParagraphs());
    }

    /** Whether the story's title or text holds every word (lower case). */
    static boolean holdsAll(EnrichedStory story, List<String> words) {
        String haystack = (story.getStory().getTitle() + "\n" + text(story.getStory())).toLowerCase(Locale.ROOT);
        return words.stream().allMatch(haystack::contains);
    }

    private static String snippet(String text, String word) {
        int at = text.toLowerCase(Locale.ROOT).indexOf(word);
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
