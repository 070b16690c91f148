package io.wirewatch.nlp.ner;

import java.util.List;

/** A statistical name finder over the tokens of one sentence. Implementations are thread-safe. */
@FunctionalInterface
public interface NameFinder {

    /** Names among {@code tokens}, in order, not overlapping. */
    List<NameSpan> find(List<String> tokens);

    /**
     * Whether {@code word}, capitalised because it opens a sentence, may be (the start of) a name; a caller can
     * skip sentences whose only capitals are such words. The default says yes, which never skips a name.
     */
    default boolean mayBeName(String sentenceInitialWord) {
        return true;
    }

    /** A finder that finds nothing, for callers that rely on the knowledge base alone. */
    static NameFinder none() {
        return tokens -> List.of();
    }
}
