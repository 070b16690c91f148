package io.wirewatch.nlp.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into word and punctuation tokens for wire copy: keeps abbreviations with inner periods ("U.S.")
 * and hyphenated or elided words ("Secretary-General", "won't") whole, splits the possessive ("Moscow’s" →
 * "Moscow", "’s"), keeps a name's initial with its period ("M. Waugh", "George W. Bush"), the period of the
 * abbreviations names carry ("Corp.", "Inc.", "St.", "Fla.") and a currency with its country ("C$", "HK$"), and stops a word at mojibake ("â€™") so a broken apostrophe does not glue words together.
 * Linear in the length of the text; never fails on any input.
 */
public final class Tokenizer {

    /** Abbreviations that end a name or open one, kept with their period, as written (capitalised). */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
            "Corp", "CORP", "Inc", "INC", "Ltd", "LTD", "Co", "CO", "Cos", "Bros", "Plc", "Jr", "Sr", "St", "ST", "Mt",
            "Ft", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Sen", "Rep",
            "Gov", "Prof", "Rev", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
            "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
            "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo");

    private Tokenizer() {
    }

    /** The tokens of {@code text}. */
    public static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    /** The tokens of {@code text} between {@code from} (inclusive) and {@code to} (exclusive). */
    public static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>(Math.max(4, (to - from) / 5));
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetterOrDigit(c)) {
                i = wordEnd(text, i, to);
            } else if (isApostrophe(c) && i + 1 < to && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 >= to || !Character.isLetterOrDigit(text.charAt(i + 2))) && i > from
                    && Character.isLetterOrDigit(text.charAt(i - 1))) {
                i += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to) {
                i += 2;
            } else {
                i++;
            }
            tokens.add(Token.of(text.substring(start, i), start, i));
        }
        return tokens;
    }

    private static int wordEnd(String text, int start, int to) {
        int i = start;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\u00e2' && i + 1 < to && text.charAt(i + 1) == '\u20ac') {
                return i == start ? i + 1 : i; // mojibake of a typographic quote: end the word here
            }
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
                continue;
            }
            if (i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1))) {
                if (c == '-' || c == '\u2010' || c == '\u2011' || c == '&') {
                    i++;
                    continue;
                }
                if (isApostrophe(c)) {
                    char next = text.charAt(i + 1);
                    boolean possessive = (next == 's' || next == 'S')
                            && (i + 2 >= to || !Character.isLetterOrDigit(text.charAt(i + 2)));
                    if (possessive) {
                        return i;
                    }
                    i++;
                    continue;
                }
                if ((c == '.' || c == ',') && Character.isDigit(text.charAt(i + 1)) && i > start
                        && Character.isDigit(text.charAt(i - 1))) {
                    i++; // 100,000 and 2.5
                    continue;
                }
                if (c == '.' && isInitialism(text, start, i, to)) {
                    i++;
                    continue;
                }
            }
            if (c == '.' && i - start >= 1 && isInitialism(text, start, i, to) && i > start + 1
                    && text.charAt(i - 2) == '.') {
                if (i + 2 < to && text.charAt(i + 1) == '-' && Character.isLetter(text.charAt(i + 2))) {
                    i += 2; // "U.S.-led": the compound goes on
                    continue;
                }
                return i + 1; // the final period of "U.S."
            }
            if (c == '.' && i == start + 1 && Character.isUpperCase(text.charAt(start))
                    && followedByCapitalisedWord(text, i + 1, to)) {
                return i + 1; // a name's initial: "M. Waugh"
            }
            if (c == '.' && ABBREVIATIONS.contains(text.substring(start, i))) {
                return i + 1; // "Corp.", "Fla."
            }
            if (c == '$' && i - start <= 3 && allUpperCase(text, start, i)) {
                return i + 1; // "C$", "A$", "HK$", "US$"
            }
            return i;
        }
        return i;
    }

    /** True when the word so far is single letters separated by periods ("U", "U.S") and a letter follows. */
    private static boolean isInitialism(String text, int start, int dot, int to) {
        for (int k = start; k < dot; k++) {
            boolean letterSlot = (k - start) % 2 == 0;
            char ch = text.charAt(k);
            if (letterSlot ? !Character.isLetter(ch) : ch != '.') {
                return false;
            }
        }
        if ((dot - start) % 2 == 0) {
            return false;
        }
        if (dot + 1 < to && Character.isLetter(text.charAt(dot + 1))) {
            return dot + 2 >= to || !Character.isLetter(text.charAt(dot + 2));
        }
        return dot - start >= 3;
    }

    /** One space, then a capital letter and a lower-case one: the rest of a name after its initial. */
    private static boolean followedByCapitalisedWord(String text, int from, int to) {
        return from + 2 < to && text.charAt(from) == ' ' && Character.isUpperCase(text.charAt(from + 1))
                && Character.isLowerCase(text.charAt(from + 2));
    }

    private static boolean allUpperCase(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isUpperCase(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }
}
