package io.wirewatch.ingest;

import io.wirewatch.ingest.extract.Article;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Turns an extracted {@link Article} into the {@link Story} record that goes on {@code news.stories.raw}. */
public final class Stories {

    private Stories() {
    }

    /**
     * The story of {@code article}, read from {@code source} (a URL or {@code file:<path>}) at {@code fetchedAt}:
     * dated {@link DateSource#PUBLISHED} when the page gave a date, else {@link DateSource#READ} (it stands at
     * {@code fetchedAt}) until a caller finds a date elsewhere ({@link #date}).
     */
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
                .setDateSource(article.publishedAt() != null ? DateSource.PUBLISHED : DateSource.READ)
                .build();
    }

    /**
     * Dates {@code story} at {@code at} ({@code local}: the same time as the source wrote it, or null), found in
     * {@code source}: a feed item's date, a file's date line or name, a WARC capture time, or {@code --date}.
     */
    public static void date(Story story, Instant at, @Nullable String local, DateSource source) {
        story.setPublishedAt(at);
        story.setPublishedLocal(local);
        story.setDateSource(source);
    }
}
