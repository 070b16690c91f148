package io.wirewatch.ingest.feed;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A parsed feed: its title and link, its items in feed order, and the format it was read as. */
public record Feed(String title, @Nullable String link, String format, List<FeedItem> items) {
    public Feed {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(format, "format");
        items = List.copyOf(items);
    }
}
