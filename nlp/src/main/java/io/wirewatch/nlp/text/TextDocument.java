package io.wirewatch.nlp.text;

import io.wirewatch.schema.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The text of a story as enrichment sees it: paragraphs joined by blank lines (so every span is an offset into
 * {@link #text()}), the start offset of each paragraph, the sentences and their tokens.
 *
 * @param asOf the story's publication time, used to resolve dated roles ("the Secretary of State" in 2022);
 *     null when unknown
 * @param sentenceTokens the tokens of each sentence ({@link Tokenizer} over its span), tokenised once for every
 *     stage that reads them; shared, so callers must not change them (plain lists, not read-only views: every
 *     token list is then one class, which keeps the stages' hot {@code get} calls inlined)
 */
public record TextDocument(String title, String text, List<Integer> paragraphStarts, List<Sentence> sentences,
                           @Nullable Instant asOf, List<List<Token>> sentenceTokens) {

    public static final String PARAGRAPH_SEPARATOR = "\n\n";

    public TextDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        paragraphStarts = List.copyOf(paragraphStarts);
        sentences = List.copyOf(sentences);
        sentenceTokens = List.copyOf(sentenceTokens);
        if (sentenceTokens.size() != sentences.size()) {
            throw new IllegalArgumentException(sentenceTokens.size() + " token lists for " + sentences.size()
                    + " sentences");
        }
    }

    /** The document of these sentences, each tokenised here. */
    public TextDocument(String title, String text, List<Integer> paragraphStarts, List<Sentence> sentences,
                        @Nullable Instant asOf) {
        this(title, text, paragraphStarts, sentences, asOf, tokenize(text, sentences));
    }

    private static List<List<Token>> tokenize(String text, List<Sentence> sentences) {
        List<List<Token>> tokens = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            tokens.add(Tokenizer.tokenize(text, sentence.start(), sentence.end()));
        }
        return tokens;
    }

    /**
     * The tokens of {@code sentence}: those tokenised with the document when it is one of its sentences, else (a
     * piece of one) tokenised now.
     */
    public List<Token> tokens(Sentence sentence) {
        int i = sentence.index();
        if (i >= 0 && i < sentences.size()) {
            Sentence own = sentences.get(i);
            if (own.start() == sentence.start() && own.end() == sentence.end()) {
                return sentenceTokens.get(i);
            }
        }
        return Tokenizer.tokenize(text, sentence.start(), sentence.end());
    }

    /** The document of a story's body, split into sentences by {@code splitter}. */
    public static TextDocument of(Story story, SentenceSplitter splitter) {
        return of(story.getTitle(), story.getParagraphs(), story.getPublishedAt(), splitter);
    }

    /** The document of the given paragraphs. */
    public static TextDocument of(String title, List<String> paragraphs, @Nullable Instant asOf,
                                  SentenceSplitter splitter) {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>(paragraphs.size());
        for (String paragraph : paragraphs) {
            if (!text.isEmpty()) {
                text.append(PARAGRAPH_SEPARATOR);
            }
            starts.add(text.length());
            text.append(paragraph);
        }
        String body = text.toString();
        return new TextDocument(title, body, starts, splitter.split(body, starts), asOf);
    }

    /** The paragraph that holds character {@code offset}. */
    public int paragraphAt(int offset) {
        int low = 0;
        int high = paragraphStarts.size() - 1;
        int index = 0;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (paragraphStarts.get(mid) <= offset) {
                index = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return index;
    }

    /** The sentence that holds character {@code offset}, or null when the offset falls between sentences. */
    public @Nullable Sentence sentenceAt(int offset) {
        int index = Spans.indexAt(sentences, offset, Sentence::start, Sentence::end);
        return index < 0 ? null : sentences.get(index);
    }
}
