package io.wirewatch.ingest.feed;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One entry of a feed: where the story is, what it is called, and when it was published. */
public record FeedItem(String title, @Nullable String link, @Nullable String guid, @Nullable Instant published,
                       @Nullable String summary) {
    public FeedItem {
        Objects.requireNonNull(title, "title");
    }
}
