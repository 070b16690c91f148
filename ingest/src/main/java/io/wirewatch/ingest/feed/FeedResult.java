package io.wirewatch.ingest.feed;

import java.util.Objects;

/** The outcome of parsing a feed document: a feed (possibly recovered from broken markup) or why there is none. */
public sealed interface FeedResult permits FeedResult.Parsed, FeedResult.Malformed {

    /** The document was a feed; {@code recovered} is true when it was not well-formed and was read leniently. */
    record Parsed(Feed feed, boolean recovered) implements FeedResult {
        public Parsed {
            Objects.requireNonNull(feed, "feed");
        }
    }

    /** The document is not a feed, or is too broken to yield any item; {@code reason} says why. */
    record Malformed(String reason) implements FeedResult {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
