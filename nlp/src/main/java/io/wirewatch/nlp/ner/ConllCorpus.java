package io.wirewatch.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-format named-entity files: one token a line, the token in the first column and its tag in the last,
 * a blank line between sentences, {@code -DOCSTART-} lines between documents. Tags may be IOB1 (CoNLL-2003) or
 * IOB2/BIO: a name starts at {@code B-X} or at an {@code I-X} that does not continue a name of type X.
 */
public final class ConllCorpus {

    private ConllCorpus() {
    }

    public static List<LabelledSentence> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** @param source the name of the input, for errors */
    public static List<LabelledSentence> read(BufferedReader reader, String source) throws IOException {
        List<LabelledSentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int document = 0;
        boolean documentHasSentences = false;
        int lineNumber = 0;
        int sentenceStartLine = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                if (!tokens.isEmpty()) {
                    sentences.add(sentence(tokens, tags, document, source, sentenceStartLine));
                    documentHasSentences = true;
                    tokens.clear();
                    tags.clear();
                }
                sentenceStartLine = lineNumber + 1;
                continue;
            }
            String[] columns = trimmed.split("\\s+");
            if (columns[0].equals("-DOCSTART-")) {
                if (!tokens.isEmpty()) {
                    sentences.add(sentence(tokens, tags, document, source, sentenceStartLine));
                    tokens.clear();
                    tags.clear();
                }
                if (documentHasSentences) {
                    document++;
                    documentHasSentences = false;
                }
                continue;
            }
            if (columns.length < 2) {
                throw new IOException(source + ":" + lineNumber + ": expected a token and a tag, got '" + line + "'");
            }
            String tag = columns[columns.length - 1];
            if (!tag.equals("O") && !(tag.length() > 2 && (tag.startsWith("B-") || tag.startsWith("I-")))) {
                throw new IOException(source + ":" + lineNumber + ": tag '" + tag + "' is not O, B-X or I-X");
            }
            tokens.add(columns[0]);
            tags.add(tag);
        }
        if (!tokens.isEmpty()) {
            sentences.add(sentence(tokens, tags, document, source, sentenceStartLine));
        }
        return sentences;
    }

    private static LabelledSentence sentence(List<String> tokens, List<String> tags, int document, String source,
                                             int line) {
        try {
            return new LabelledSentence(tokens, spans(tags), document);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ":" + line + ": " + e.getMessage(), e);
        }
    }

    /** The names of an IOB1 or IOB2 tag sequence. */
    public static List<NameSpan> spans(List<String> tags) {
        List<NameSpan> spans = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            boolean inside = tag.startsWith("I-");
            String tagType = tag.equals("O") ? null : tag.substring(2);
            boolean continues = inside && type != null && type.equals(tagType);
            if (!continues && type != null) {
                spans.add(new NameSpan(start, i, type));
                type = null;
            }
            if (tagType != null && !continues) {
                start = i;
                type = tagType;
            }
        }
        return spans;
    }

    /** IOB2 tags (B- on the first token of every name) for {@code n} tokens carrying {@code spans}. */
    public static List<String> iob2(List<NameSpan> spans, int n) {
        String[] tags = new String[n];
        java.util.Arrays.fill(tags, "O");
        for (NameSpan span : spans) {
            tags[span.start()] = "B-" + span.type();
            for (int i = span.start() + 1; i < span.end(); i++) {
                tags[i] = "I-" + span.type();
            }
        }
        return List.of(tags);
    }
}
