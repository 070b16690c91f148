package io.wirewatch.nlp.ner;

import java.util.List;
import java.util.Locale;

/**
 * Turns the tokens of a sentence into hashed features per token: the word, its lower-cased form, shape, affixes,
 * the words and shapes around it, sentence position and case, and what the {@link Lexicon} knows (gazetteer names
 * covering the token, the word's label prior, whether the word is seen in lower case). Stateless and thread-safe.
 */
final class Features {

    /** Receives feature keys; keys are never 0. */
    interface Sink {
        void accept(int token, long feature);
    }

    private static final String START = "<S>";
    private static final String END = "</S>";
    private static final int AFFIX = 4;

    // templates: each feature key is the hash of a template number and its values
    private static final int BIAS = 100;
    private static final int WORD = 101;
    private static final int LOWER = 102;
    private static final int SHAPE = 103;
    private static final int SHORT = 104;
    private static final int PREFIX = 105;
    private static final int SUFFIX = 106;
    private static final int WORD_M1 = 107;
    private static final int WORD_P1 = 108;
    private static final int LOWER_M2 = 109;
    private static final int LOWER_P2 = 110;
    private static final int BIGRAM_M1 = 111;
    private static final int BIGRAM_P1 = 112;
    private static final int SHORT_M1 = 113;
    private static final int SHORT_P1 = 114;
    private static final int SHORT_WINDOW = 115;
    private static final int FIRST_SHORT = 116;
    private static final int CAPS_SENTENCE = 117;
    private static final int CAPS_SENTENCE_LOWER = 118;
    private static final int LOWER_SEEN = 119;
    private static final int PRIOR = 120;
    private static final int PRIOR_M1 = 121;
    private static final int PRIOR_P1 = 122;
    private static final int GAZ = 123;
    private static final int GAZ_M1 = 124;
    private static final int GAZ_P1 = 125;
    private static final int SHORT_LOWER_P1 = 126;
    private static final int LOWER_M1_SHORT = 127;
    private static final int PRIOR_LOWER = 128;
    private static final int LENGTH = 129;
    private static final int KNOWN = 130;
    private static final int KNOWN_M1 = 131;
    private static final int KNOWN_P1 = 132;

    private final Lexicon lexicon;
    private final KnownNames known;

    Features(Lexicon lexicon, KnownNames known) {
        this.lexicon = lexicon;
        this.known = known;
    }

    void extract(List<String> tokens, Sink sink) {
        int n = tokens.size();
        if (n == 0) {
            return;
        }
        String[] words = new String[n];
        String[] lower = new String[n];
        String[] shapes = new String[n];
        String[] shorts = new String[n];
        int[] priors = new int[n];
        int letters = 0;
        int upperLetters = 0;
        for (int i = 0; i < n; i++) {
            String w = normalise(tokens.get(i));
            words[i] = w;
            lower[i] = w.toLowerCase(Locale.ROOT);
            shapes[i] = shape(w, 4);
            shorts[i] = shape(w, 1);
            priors[i] = lexicon.prior(w);
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upperLetters++;
                    }
                }
            }
        }
        boolean capsSentence = letters >= 4 && upperLetters * 10 >= letters * 9;
        int[] gaz = gazetteer(words, lower);
        int[] knownBits = known.isEmpty() ? null : known(words, lower);

        for (int i = 0; i < n; i++) {
            String w = words[i];
            String lw = lower[i];
            String wm1 = i > 0 ? words[i - 1] : START;
            String wp1 = i + 1 < n ? words[i + 1] : END;
            String lm1 = i > 0 ? lower[i - 1] : START;
            String lp1 = i + 1 < n ? lower[i + 1] : END;
            String lm2 = i > 1 ? lower[i - 2] : START;
            String lp2 = i + 2 < n ? lower[i + 2] : END;
            String sm1 = i > 0 ? shorts[i - 1] : START;
            String sp1 = i + 1 < n ? shorts[i + 1] : END;

            sink.accept(i, Hashing.finish(Hashing.start(BIAS)));
            sink.accept(i, Hashing.of(WORD, w));
            sink.accept(i, Hashing.of(LOWER, lw));
            sink.accept(i, Hashing.of(SHAPE, shapes[i]));
            sink.accept(i, Hashing.of(SHORT, shorts[i]));
            int len = w.length();
            for (int k = 1; k <= AFFIX && k < len; k++) {
                sink.accept(i, Hashing.finish(Hashing.add(Hashing.start(PREFIX), w, 0, k)));
                sink.accept(i, Hashing.finish(Hashing.add(Hashing.start(SUFFIX), w, len - k, len)));
            }
            sink.accept(i, Hashing.finish(Hashing.add(Hashing.start(LENGTH), Math.min(len, 12))));
            sink.accept(i, Hashing.of(WORD_M1, wm1));
            sink.accept(i, Hashing.of(WORD_P1, wp1));
            sink.accept(i, Hashing.of(LOWER_M2, lm2));
            sink.accept(i, Hashing.of(LOWER_P2, lp2));
            sink.accept(i, Hashing.finish(Hashing.add(Hashing.add(Hashing.start(BIGRAM_M1), lm1), lw)));
            sink.accept(i, Hashing.finish(Hashing.add(Hashing.add(Hashing.start(BIGRAM_P1), lw), lp1)));
            sink.accept(i, Hashing.of(SHORT_M1, sm1));
            sink.accept(i, Hashing.of(SHORT_P1, sp1));
            sink.accept(i, Hashing.finish(
                    Hashing.add(Hashing.add(Hashing.add(Hashing.start(SHORT_WINDOW), sm1), shorts[i]), sp1)));
            sink.accept(i, Hashing.finish(Hashing.add(Hashing.add(Hashing.start(SHORT_LOWER_P1), shorts[i]), lp1)));
            sink.accept(i, Hashing.finish(Hashing.add(Hashing.add(Hashing.start(LOWER_M1_SHORT), lm1), shorts[i])));
            if (i == 0) {
                sink.accept(i, Hashing.of(FIRST_SHORT, shorts[i]));
            }
            if (capsSentence) {
                sink.accept(i, Hashing.finish(Hashing.start(CAPS_SENTENCE)));
                sink.accept(i, Hashing.of(CAPS_SENTENCE_LOWER, lw));
            }
            if (!lw.equals(w)) {
                int seen = lexicon.seenLower(lw) ? 1 : 0;
                int first = i == 0 ? 2 : 0;
                int caps = capsSentence ? 4 : 0;
                sink.accept(i, Hashing.finish(Hashing.add(Hashing.start(LOWER_SEEN), seen | first | caps)));
            }
            sink.accept(i, Hashing.finish(Hashing.add(Hashing.start(PRIOR), priors[i])));
            if (priors[i] == 0 && !lw.equals(w)) {
                int lowerPrior = lexicon.prior(capitalised(lw));
                sink.accept(i, Hashing.finish(Hashing.add(Hashing.start(PRIOR_LOWER), lowerPrior)));
            }
            sink.accept(i, Hashing.finish(Hashing.add(Hashing.start(PRIOR_M1), i > 0 ? priors[i - 1] : -1)));
            sink.accept(i, Hashing.finish(Hashing.add(Hashing.start(PRIOR_P1), i + 1 < n ? priors[i + 1] : -1)));
            emitBits(i, GAZ, gaz[i], sink);
            if (i > 0) {
                emitBits(i, GAZ_M1, gaz[i - 1], sink);
            }
            if (i + 1 < n) {
                emitBits(i, GAZ_P1, gaz[i + 1], sink);
            }
            if (knownBits != null) {
                int capitalised = lw.equals(w) ? 0 : 1;
                emitBits(i, KNOWN, knownBits[i], capitalised, sink);
                if (i > 0) {
                    emitBits(i, KNOWN_M1, knownBits[i - 1], capitalised, sink);
                }
                if (i + 1 < n) {
                    emitBits(i, KNOWN_P1, knownBits[i + 1], capitalised, sink);
                }
            }
        }
    }

    private static void emitBits(int token, int template, int bits, Features.Sink sink) {
        while (bits != 0) {
            int bit = Integer.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            sink.accept(token, Hashing.finish(Hashing.add(Hashing.start(template), bit)));
        }
    }

    /** As {@link #emitBits(int, int, int, Sink)}, each bit together with a small code ({@code with}). */
    private static void emitBits(int token, int template, int bits, int with, Features.Sink sink) {
        while (bits != 0) {
            int bit = Integer.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            sink.accept(token, Hashing.finish(Hashing.add(Hashing.add(Hashing.start(template), bit), with)));
        }
    }

    /**
     * Per token, one bit per (type, BILOU position) of every {@link KnownNames known name} covering it, matched on
     * the lower-cased words.
     */
    private int[] known(String[] words, String[] lower) {
        int n = words.length;
        int[] bits = new int[n];
        for (int start = 0; start < n; start++) {
            if (!hasLetterOrDigit(words[start])) {
                continue;
            }
            int maxEnd = Math.min(n, start + Lexicon.MAX_NAME_TOKENS);
            for (int end = start + 1; end <= maxEnd; end++) {
                int types = known.types(lower, start, end);
                mark(bits, start, end, types & Lexicon.TYPE_BITS, 0);
                if ((types & Lexicon.PREFIX) == 0) {
                    break;
                }
            }
        }
        return bits;
    }

    /**
     * Per token, one bit per (exact or lower-case match, type, BILOU position) of every gazetteer name covering it;
     * exact matches in bits 0-15, lower-case matches in bits 16-31.
     */
    private int[] gazetteer(String[] words, String[] lower) {
        int n = words.length;
        int[] bits = new int[n];
        for (int start = 0; start < n; start++) {
            if (!hasLetterOrDigit(words[start])) {
                continue;
            }
            int maxEnd = Math.min(n, start + Lexicon.MAX_NAME_TOKENS);
            boolean exactAlive = true;
            boolean lowerAlive = true;
            for (int end = start + 1; end <= maxEnd && (exactAlive || lowerAlive); end++) {
                if (exactAlive) {
                    int exact = lexicon.exactTypes(words, start, end);
                    mark(bits, start, end, exact & Lexicon.TYPE_BITS, 0);
                    exactAlive = (exact & Lexicon.PREFIX) != 0;
                }
                if (lowerAlive) {
                    int lowered = lexicon.lowerTypes(lower, start, end);
                    mark(bits, start, end, lowered & Lexicon.TYPE_BITS, 16);
                    lowerAlive = (lowered & Lexicon.PREFIX) != 0;
                }
            }
        }
        return bits;
    }

    private static void mark(int[] bits, int start, int end, int types, int offset) {
        if (types == 0) {
            return;
        }
        for (int type = 0; type < 4; type++) {
            if ((types & (1 << type)) == 0) {
                continue;
            }
            if (end - start == 1) {
                bits[start] |= 1 << (offset + type * 4 + Labels.U);
            } else {
                bits[start] |= 1 << (offset + type * 4 + Labels.B);
                for (int i = start + 1; i < end - 1; i++) {
                    bits[i] |= 1 << (offset + type * 4 + Labels.I);
                }
                bits[end - 1] |= 1 << (offset + type * 4 + Labels.L);
            }
        }
    }

    /**
     * The token as CoNLL text would spell it: typographic quotes and apostrophes made plain, and a possessive
     * {@code 's} left attached by a tokenizer dropped ("Russia’s" is seen as "Russia"; CoNLL splits "'s" off).
     */
    static String normalise(String token) {
        int n = token.length();
        boolean typographic = false;
        for (int k = 0; k < n; k++) {
            char c = token.charAt(k);
            if (c == '\u2018' || c == '\u2019' || c == '\u201c' || c == '\u201d' || c == '\u201e') {
                typographic = true;
                break;
            }
        }
        String w = token;
        if (typographic) {
            w = w.replace('\u2018', '\'').replace('\u2019', '\'')
                    .replace('\u201c', '"').replace('\u201d', '"').replace('\u201e', '"');
        }
        if (w.length() > 3 && w.endsWith("'s") && Character.isUpperCase(w.charAt(0))) {
            w = w.substring(0, w.length() - 2);
        }
        return w;
    }

    /** The word's shape: X for upper case, x for lower case, d for digits, other chars kept; runs cut to maxRun. */
    static String shape(String word, int maxRun) {
        int n = Math.min(word.length(), 40);
        StringBuilder out = new StringBuilder(n);
        char last = 0;
        int run = 0;
        for (int k = 0; k < n; k++) {
            char c = word.charAt(k);
            char s;
            if (Character.isUpperCase(c)) {
                s = 'X';
            } else if (Character.isLowerCase(c)) {
                s = 'x';
            } else if (Character.isDigit(c)) {
                s = 'd';
            } else if (Character.isLetter(c)) {
                s = 'L';
            } else {
                s = c;
            }
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= maxRun) {
                out.append(s);
            }
        }
        return out.toString();
    }

    static boolean isLowerWord(String word) {
        boolean letter = false;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (Character.isUpperCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (Character.isLetterOrDigit(word.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static String capitalised(String lower) {
        if (lower.isEmpty()) {
            return lower;
        }
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
