package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Story;
import java.net.URI;
import java.util.Locale;

/** Who published a story, for counting independent sources: its wire, else the host of its URL or source. */
public final class Sources {

    private Sources() {
    }

    public static String of(Story story) {
        if (story.getWire() != null && !story.getWire().isBlank()) {
            return story.getWire().strip().toUpperCase(Locale.ROOT);
        }
        String where = story.getUrl() != null ? story.getUrl() : story.getSource();
        try {
            String host = URI.create(where.strip()).getHost();
            if (host != null) {
                return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            }
        } catch (IllegalArgumentException e) {
            // not a URL: use it as it is
        }
        return where.strip();
    }
}
