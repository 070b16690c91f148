package io.wirewatch.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule-based sentence splitter for wire copy. A sentence ends at {@code . ! ?} (with any closing quotes or
 * brackets after it) followed by space and a capital, a digit or an opening quote — but not after a title or
 * other abbreviation ("Gen.", "Sec.", "Jan."), an initial ("John F. Kennedy"), or an initialism such as "U.S."
 * unless a typical sentence opener follows. A period followed by a lower-case word (as machine-translated copy
 * writes "addressed. provided it") does not end a sentence. Paragraphs always end sentences, and stray
 * punctuation ("ground.” .") joins the sentence before it, so every non-blank character is in one sentence.
 */
public final class WireSentenceSplitter implements SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt",
            "sec", "secy", "sen", "rep", "gov", "pres", "amb", "hon", "rev", "st", "mt", "ft", "jr", "sr", "messrs",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "no", "nos", "vs", "v", "etc", "inc", "corp", "co", "ltd", "bros", "dept", "est", "approx", "fig",
            "ave", "blvd", "rd", "univ", "assn", "gov't", "govt", "u.s", "u.n", "e.u", "u.k");

    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this",
            "that", "these", "those", "there", "his", "her", "its", "their", "our", "as", "if", "when", "while",
            "after", "before", "however", "meanwhile", "officials", "some", "many", "no", "for", "to", "what");

    private WireSentenceSplitter() {
    }

    /** The standard splitter. */
    public static WireSentenceSplitter standard() {
        return new WireSentenceSplitter();
    }

    @Override
    public List<Sentence> split(String text, List<Integer> paragraphStarts) {
        List<Sentence> sentences = new ArrayList<>();
        List<Integer> starts = paragraphStarts.isEmpty() && !text.isEmpty() ? List.of(0) : paragraphStarts;
        for (int p = 0; p < starts.size(); p++) {
            int from = starts.get(p);
            int to = p + 1 < starts.size() ? starts.get(p + 1) : text.length();
            splitParagraph(text, Math.min(from, text.length()), Math.min(to, text.length()), p, sentences);
        }
        return sentences;
    }

    private void splitParagraph(String text, int from, int to, int paragraph, List<Sentence> out) {
        int sentenceStart = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < to && text.charAt(i + 1) == '\n') {
                add(text, sentenceStart, i, paragraph, out);
                sentenceStart = i + 2;
                i += 2;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                int end = i + 1;
                while (end < to && (isTerminator(text.charAt(end)) || isCloser(text.charAt(end)))) {
                    end++;
                }
                if (endsSentence(text, i, end, to)) {
                    add(text, sentenceStart, end, paragraph, out);
                    sentenceStart = end;
                }
                i = end;
                continue;
            }
            i++;
        }
        add(text, sentenceStart, to, paragraph, out);
    }

    private boolean endsSentence(String text, int terminator, int end, int to) {
        int next = end;
        while (next < to && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next >= to) {
            return true;
        }
        if (next == end) {
            return false; // "3.5", "e.g.x", "Yahoo!News": no space after the terminator
        }
        char following = text.charAt(next);
        if (Character.isLowerCase(following)) {
            return false;
        }
        if (!(Character.isUpperCase(following) || Character.isDigit(following) || isOpener(following)
                || Character.isLetter(following))) {
            return !Character.isLetterOrDigit(following) && following != ',' && following != ';';
        }
        if (text.charAt(terminator) != '.' || end > terminator + 1) {
            return true;
        }
        String word = wordBefore(text, terminator);
        if (word.isEmpty()) {
            return true;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return false; // an initial
        }
        if (lower.indexOf('.') >= 0 || ABBREVIATIONS.contains(lower) && (lower.equals("u.s") || lower.equals("u.n")
                || lower.equals("e.u") || lower.equals("u.k") || lower.equals("no") || lower.equals("co")
                || lower.equals("inc") || lower.equals("corp") || lower.equals("ltd") || lower.equals("etc"))) {
            return SENTENCE_OPENERS.contains(wordAfter(text, next).toLowerCase(Locale.ROOT))
                    || isOpener(following);
        }
        return !ABBREVIATIONS.contains(lower);
    }

    private static String wordBefore(String text, int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.'
                || text.charAt(start - 1) == '\'')) {
            start--;
        }
        return text.substring(start, dot);
    }

    private static String wordAfter(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(from, end);
    }

    private static void add(String text, int start, int end, int paragraph, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return;
        }
        if (!hasWord(text, start, end) && !out.isEmpty() && out.get(out.size() - 1).paragraph() == paragraph) {
            Sentence previous = out.remove(out.size() - 1);
            out.add(new Sentence(previous.index(), paragraph, previous.start(), end,
                    text.substring(previous.start(), end)));
            return;
        }
        out.add(new Sentence(out.size(), paragraph, start, end, text.substring(start, end)));
    }

    private static boolean hasWord(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201d' || c == '\u2019' || c == ')' || c == ']' || c == '\u00bb';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\u201c' || c == '\u2018' || c == '(' || c == '[' || c == '\u00ab' || c == '\'';
    }
}
