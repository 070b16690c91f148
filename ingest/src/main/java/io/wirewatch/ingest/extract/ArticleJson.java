package io.wirewatch.ingest.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The JSON object {@code wirewatch extract} prints for one page: every extracted field, body as one text. */
public final class ArticleJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ArticleJson() {
    }

    /** The JSON of {@code article}, read from {@code source} (a path or URL), fetched from {@code url} if known. */
    public static ObjectNode of(Article article, String source, @Nullable String url) {
        ObjectNode o = NODES.objectNode();
        o.put("source", source);
        o.put("url", url);
        o.put("canonicalUrl", article.canonicalUrl());
        o.put("title", article.title());
        o.put("byline", article.byline());
        o.put("dateline", article.dateline());
        o.put("wire", article.wire());
        o.put("language", article.language());
        o.put("publishedAt", text(article.publishedAt()));
        o.put("publishedLocal", article.publishedLocal());
        o.put("dateConfidence", Math.round(article.dateConfidence() * 100) / 100.0);
        o.put("modifiedAt", text(article.modifiedAt()));
        o.put("body", article.body());
        ArrayNode paragraphs = o.putArray("paragraphs");
        article.paragraphs().forEach(paragraphs::add);
        ArrayNode captions = o.putArray("captions");
        article.captions().forEach(captions::add);
        o.put("confidence", Math.round(article.confidence() * 1000) / 1000.0);
        return o;
    }

    /** The JSON line for a page that gave no article. */
    public static ObjectNode error(String source, String error) {
        ObjectNode o = NODES.objectNode();
        o.put("source", source);
        o.put("error", error);
        return o;
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
