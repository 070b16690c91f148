package io.wirewatch.nlp.text;

import java.util.Locale;
import java.util.Objects;

/**
 * One token of story text with its span. {@link #norm()} is the lower-cased form with typographic apostrophes
 * and dashes folded, which the knowledge base and the stance patterns match on.
 */
public record Token(String text, int start, int end, String norm) {
    public Token {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(norm, "norm");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token span [" + start + ", " + end + ")");
        }
    }

    static Token of(String text, int start, int end) {
        return new Token(text, start, end, normalise(text));
    }

    /** Lower case, typographic apostrophes as {@code '}, dashes as {@code -}. */
    public static String normalise(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.indexOf('\u2019') >= 0 || lower.indexOf('\u2018') >= 0 || lower.indexOf('\u2010') >= 0
                || lower.indexOf('\u2011') >= 0) {
            lower = lower.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u2010', '-')
                    .replace('\u2011', '-');
        }
        return lower;
    }

    /** True when the first character is an upper-case letter. */
    public boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    /** True when the token has letters and all of them are upper case. */
    public boolean allCaps() {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }

    /** True when the token is a word (starts with a letter or digit), not punctuation. */
    public boolean word() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.charAt(0));
    }
}
