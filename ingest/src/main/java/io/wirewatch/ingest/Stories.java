package io.wirewatch.ingest;

import io.wirewatch.ingest.extract.Article;
import io.wirewatch.schema.Story;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Turns an extracted {@link Article} into the {@link Story} record that goes on {@code news.stories.raw}. */
public final class Stories {

    private Stories() {
    }

    /** The story of {@code article}, read from {@code source} (a URL or {@code file:<path>}) at {@code fetchedAt}. */
    public static Story of(Article article, String source, @Nullable String url, Instant fetchedAt) {
        String body = article.body();
        String canonical = article.canonicalUrl() != null ? article.canonicalUrl() : url;
        return Story.newBuilder()
                .setId(StoryIdentity.id(canonical, article.title(), body))
                .setSource(source)
                .setUrl(url)
                .setCanonicalUrl(article.canonicalUrl())
                .setTitle(article.title())
                .setByline(article.byline())
                .setDateline(article.dateline())
                .setWire(article.wire())
                .setLanguage(article.language())
                .setPublishedAt(article.publishedAt())
                .setModifiedAt(article.modifiedAt())
                .setPublishedLocal(article.publishedLocal())
                .setFetchedAt(fetchedAt)
                .setParagraphs(article.paragraphs())
                .setCaptions(article.captions())
                .setContentHash(StoryIdentity.contentHash(body))
                .setClusterId(null)
                .setExtractionConfidence(article.confidence())
                .setFetchStatus(null)
                .build();
    }
}
