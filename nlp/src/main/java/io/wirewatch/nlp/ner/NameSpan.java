package io.wirewatch.nlp.ner;

import java.util.Objects;

/** A name found over tokens: tokens {@code [start, end)} of the given CoNLL type (PER, ORG, LOC, MISC). */
public record NameSpan(int start, int end, String type) {
    public NameSpan {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad token span [" + start + ", " + end + ")");
        }
    }
}
