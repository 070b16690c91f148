package io.wirewatch.nlp.quote;

import io.wirewatch.schema.Entity;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A direct quote: the quoted words {@code [start, end)} (inside the quotation marks) and its speaker — the entity
 * of the named person or body, also when the attribution was "he said" — or null when no speaker was found.
 *
 * @param how how the speaker was found ("said-after", "after-said", "pronoun", "paragraph", "continued")
 */
public record Quote(int start, int end, @Nullable Entity speaker, String how) {
    public Quote {
        Objects.requireNonNull(how, "how");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad quote span [" + start + ", " + end + ")");
        }
    }

    public boolean contains(int offset) {
        return start <= offset && offset < end;
    }
}
