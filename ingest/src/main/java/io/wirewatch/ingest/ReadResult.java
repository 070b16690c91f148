package io.wirewatch.ingest;

import io.wirewatch.schema.Story;
import java.nio.file.Path;
import java.util.Objects;

/** The outcome of reading one file: a story, or the reason there is none. */
public sealed interface ReadResult permits ReadResult.Read, ReadResult.Unreadable {

    Path path();

    /** The file held a story. */
    record Read(Path path, Story story) implements ReadResult {
        public Read {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(story, "story");
        }
    }

    /** The file could not be read or held no story; {@code reason} says why. */
    record Unreadable(Path path, String reason) implements ReadResult {
        public Unreadable {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
