package io.wirewatch.nlp.ner;

import java.util.List;
import java.util.Objects;

/**
 * One annotated sentence: its tokens, the gold names over them, and the document it belongs to (CoNLL files mark
 * documents with {@code -DOCSTART-}; files without those marks are one document).
 */
public record LabelledSentence(List<String> tokens, List<NameSpan> names, int document) {
    public LabelledSentence {
        tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        for (NameSpan name : names) {
            if (name.end() > tokens.size()) {
                throw new IllegalArgumentException(
                        "name " + name + " runs past the sentence's " + tokens.size() + " tokens");
            }
        }
    }
}
