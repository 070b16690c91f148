package io.wirewatch.nlp.text;

import java.util.List;

/** Splits story text into sentences. Implementations must cover every non-blank character with one sentence. */
@FunctionalInterface
public interface SentenceSplitter {

    /**
     * @param text the story text (paragraphs joined by {@link TextDocument#PARAGRAPH_SEPARATOR})
     * @param paragraphStarts the offset of each paragraph in {@code text}
     */
    List<Sentence> split(String text, List<Integer> paragraphStarts);
}
