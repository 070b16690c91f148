package io.wirewatch.nlp.text;

import java.util.Objects;

/** One sentence of a story: its index, the paragraph it is in, and its span in the story text. */
public record Sentence(int index, int paragraph, int start, int end, String text) {
    public Sentence {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad sentence span [" + start + ", " + end + ")");
        }
    }
}
