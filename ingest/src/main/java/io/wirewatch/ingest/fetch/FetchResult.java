package io.wirewatch.ingest.fetch;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The outcome of one fetch: the body, "not modified since last time", or a failure with its reason. */
public sealed interface FetchResult permits FetchResult.Fetched, FetchResult.NotModified, FetchResult.Failed {

    URI url();

    /** A 2xx response; {@code url} is the final URL after redirects, {@code charset} from Content-Type if any. */
    record Fetched(URI url, int status, byte[] body, @Nullable String contentType, @Nullable String charset,
                   Validators validators) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(validators, "validators");
        }
    }

    /** A 304: the resource is unchanged since the validators were issued. */
    record NotModified(URI url) implements FetchResult {
        public NotModified {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * No body. {@code status} is the HTTP status, or -1 when there was no response (refused, timed out,
     * unreachable). {@code retriable} says whether trying again later may help (5xx, 429, timeouts) or not (4xx,
     * refused addresses, oversized bodies).
     */
    record Failed(URI url, int status, String reason, boolean retriable) implements FetchResult {
        public Failed {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
