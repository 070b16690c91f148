package io.wirewatch.ingest.extract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What extraction found in one page or text: the body as paragraphs (furniture removed), captions apart, and
 * the metadata around it. {@code confidence} is between 0 and 1: how sure the extractor is that the paragraphs
 * are the article.
 */
public record Article(String title, @Nullable String byline, @Nullable String dateline, @Nullable String wire,
                      @Nullable String language, @Nullable String canonicalUrl, @Nullable Instant publishedAt,
                      @Nullable Instant modifiedAt, List<String> paragraphs, List<String> captions,
                      float confidence) {

    public Article {
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
        captions = List.copyOf(captions);
        if (!(confidence >= 0f && confidence <= 1f)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }

    /** The body text: the paragraphs joined by blank lines. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
