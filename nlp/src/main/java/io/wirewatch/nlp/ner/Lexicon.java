package io.wirewatch.nlp.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the tagger remembers of its training text beyond feature weights, all as hashes (no training text is kept):
 * the names it saw with their types (a gazetteer, matched case-sensitively and lower-cased), how each word form was
 * labelled (its prior), and which words it saw written in lower case.
 */
final class Lexicon {

    static final int MAX_NAME_TOKENS = 8;
    /** Set on a gazetteer key that begins a longer name, so that matching can stop as soon as it is absent. */
    static final int PREFIX = 1 << 4;
    static final int TYPE_BITS = 0xf;
    private static final int T_GAZ_EXACT = 1;
    private static final int T_GAZ_LOWER = 2;
    private static final int T_PRIOR = 3;
    private static final int T_LOWER_SEEN = 4;

    private final LongIntMap gazetteer;
    private final LongIntMap priors;
    private final LongIntMap lowerSeen;

    private Lexicon(LongIntMap gazetteer, LongIntMap priors, LongIntMap lowerSeen) {
        this.gazetteer = gazetteer;
        this.priors = priors;
        this.lowerSeen = lowerSeen;
    }

    static Lexicon build(List<LabelledSentence> sentences) {
        LongIntMap gazetteer = new LongIntMap(1 << 14);
        LongIntMap lowerSeen = new LongIntMap(1 << 14);
        Map<String, int[]> counts = new HashMap<>();
        for (LabelledSentence sentence : sentences) {
            List<String> tokens = sentence.tokens();
            int[] classes = new int[tokens.size()];
            for (NameSpan name : sentence.names()) {
                int type = Labels.typeIndex(name.type());
                if (type < 0) {
                    continue;
                }
                for (int i = name.start(); i < name.end(); i++) {
                    classes[i] = 1 + type;
                }
                if (name.end() - name.start() <= MAX_NAME_TOKENS) {
                    gazetteer.or(exactKey(tokens, name.start(), name.end()), 1 << type);
                    gazetteer.or(lowerKey(tokens, name.start(), name.end()), 1 << type);
                    for (int end = name.start() + 1; end < name.end(); end++) {
                        gazetteer.or(exactKey(tokens, name.start(), end), PREFIX);
                        gazetteer.or(lowerKey(tokens, name.start(), end), PREFIX);
                    }
                }
            }
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                counts.computeIfAbsent(token, t -> new int[5])[classes[i]]++;
                if (Features.isLowerWord(token)) {
                    lowerSeen.put(Hashing.of(T_LOWER_SEEN, token), 1);
                }
            }
        }
        LongIntMap priors = new LongIntMap(counts.size());
        counts.forEach((word, c) -> priors.put(Hashing.of(T_PRIOR, word), encodePrior(c)));
        return new Lexicon(gazetteer, priors, lowerSeen);
    }

    private static int encodePrior(int[] c) {
        int total = 0;
        int best = 0;
        for (int k = 0; k < c.length; k++) {
            total += c[k];
            if (c[k] > c[best]) {
                best = k;
            }
        }
        double purity = (double) c[best] / total;
        int purityBucket = purity >= 0.9 ? 2 : purity >= 0.6 ? 1 : 0;
        int countBucket = total >= 5 ? 2 : total >= 2 ? 1 : 0;
        return 1 + best * 9 + purityBucket * 3 + countBucket;
    }

    private static long exactKey(List<String> tokens, int start, int end) {
        long h = Hashing.start(T_GAZ_EXACT);
        for (int i = start; i < end; i++) {
            h = Hashing.add(h, tokens.get(i));
        }
        return Hashing.finish(h);
    }

    private static long lowerKey(List<String> tokens, int start, int end) {
        long h = Hashing.start(T_GAZ_LOWER);
        for (int i = start; i < end; i++) {
            h = Hashing.add(h, tokens.get(i).toLowerCase(Locale.ROOT));
        }
        return Hashing.finish(h);
    }

    /**
     * Types (bit per type) of the gazetteer name exactly {@code words[start, end)}, or'd with {@link #PREFIX} when
     * a longer name starts with those words; 0 when neither.
     */
    int exactTypes(String[] words, int start, int end) {
        long h = Hashing.start(T_GAZ_EXACT);
        for (int i = start; i < end; i++) {
            h = Hashing.add(h, words[i]);
        }
        return gazetteer.get(Hashing.finish(h), 0);
    }

    /** As {@link #exactTypes}, for the lower-cased words {@code lower[start, end)}. */
    int lowerTypes(String[] lower, int start, int end) {
        long h = Hashing.start(T_GAZ_LOWER);
        for (int i = start; i < end; i++) {
            h = Hashing.add(h, lower[i]);
        }
        return gazetteer.get(Hashing.finish(h), 0);
    }

    /** The word's label prior as a small code (0 = unseen). */
    int prior(String word) {
        return priors.get(Hashing.of(T_PRIOR, word), 0);
    }

    boolean seenLower(String lower) {
        return lowerSeen.get(Hashing.of(T_LOWER_SEEN, lower), 0) != 0;
    }

    void write(DataOutputStream out) throws IOException {
        gazetteer.write(out);
        priors.write(out);
        lowerSeen.write(out);
    }

    static Lexicon read(DataInputStream in) throws IOException {
        return new Lexicon(LongIntMap.read(in), LongIntMap.read(in), LongIntMap.read(in));
    }

    long bytes() {
        return gazetteer.bytes() + priors.bytes() + lowerSeen.bytes();
    }
}
