package io.wirewatch.ingest.extract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What extraction found in one page or text: the body as paragraphs (furniture removed), captions apart, and
 * the metadata around it. {@code confidence} is between 0 and 1: how sure the extractor is that the paragraphs
 * are the article. {@code publishedLocal} is the publication date as the page gave it, on the publisher's own
 * clock (ISO 8601: {@code 2020-05-03T23:30:00-04:00}, or without offset or time when the page gave none), and
 * {@code dateConfidence} how far the evidence for it is to be trusted (0 when there is no date).
 */
public record Article(String title, @Nullable String byline, @Nullable String dateline, @Nullable String wire,
                      @Nullable String language, @Nullable String canonicalUrl, @Nullable Instant publishedAt,
                      @Nullable Instant modifiedAt, @Nullable String publishedLocal, float dateConfidence,
                      List<String> paragraphs, List<String> captions, float confidence) {

    public Article {
        Objects.requireNonNull(title, "title");
        if (!(dateConfidence >= 0f && dateConfidence <= 1f)) {
            throw new IllegalArgumentException("dateConfidence must be in [0, 1], was " + dateConfidence);
        }
        paragraphs = List.copyOf(paragraphs);
        captions = List.copyOf(captions);
        if (!(confidence >= 0f && confidence <= 1f)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }

    /** This article with another title. */
    public Article withTitle(String newTitle) {
        return new Article(newTitle, byline, dateline, wire, language, canonicalUrl, publishedAt, modifiedAt,
                publishedLocal, dateConfidence, paragraphs, captions, confidence);
    }

    /** The body text: the paragraphs joined by blank lines. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
