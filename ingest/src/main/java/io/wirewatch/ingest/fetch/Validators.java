package io.wirewatch.ingest.fetch;

import org.jspecify.annotations.Nullable;

/** What a server said identifies its response, sent back on the next request so an unchanged page costs a 304. */
public record Validators(@Nullable String etag, @Nullable String lastModified) {

    public static final Validators NONE = new Validators(null, null);
}
