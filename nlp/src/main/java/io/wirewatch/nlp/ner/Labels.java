package io.wirewatch.nlp.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * The BILOU label set over the four CoNLL types: label 0 is O; type {@code t} has B, I, L, U at
 * {@code 1 + 4t} to {@code 4 + 4t}. The tagger decodes only label sequences that are valid BILOU.
 */
final class Labels {

    static final List<String> TYPES = List.of("PER", "ORG", "LOC", "MISC");
    static final int O = 0;
    static final int COUNT = 1 + 4 * 4;
    static final int B = 0;
    static final int I = 1;
    static final int L = 2;
    static final int U = 3;

    private static final boolean[][] ALLOWED = new boolean[COUNT + 1][COUNT];

    static {
        for (int prev = -1; prev < COUNT; prev++) {
            for (int cur = 0; cur < COUNT; cur++) {
                ALLOWED[prev + 1][cur] = computeAllowed(prev, cur);
            }
        }
    }

    private Labels() {
    }

    static int label(int type, int kind) {
        return 1 + 4 * type + kind;
    }

    static int type(int label) {
        return (label - 1) / 4;
    }

    static int kind(int label) {
        return (label - 1) % 4;
    }

    /** The index of a CoNLL type, or -1 when the type is not one of PER, ORG, LOC, MISC. */
    static int typeIndex(String type) {
        return TYPES.indexOf(type);
    }

    /** Whether {@code cur} may follow {@code prev} ({@code prev} -1 is the sentence start). */
    static boolean allowed(int prev, int cur) {
        return ALLOWED[prev + 1][cur];
    }

    /** Whether a sentence may end on {@code last}. */
    static boolean allowedEnd(int last) {
        return last == O || kind(last) == L || kind(last) == U;
    }

    private static boolean computeAllowed(int prev, int cur) {
        boolean open = prev > 0 && (kind(prev) == B || kind(prev) == I);
        if (open) {
            return cur > 0 && type(cur) == type(prev) && (kind(cur) == I || kind(cur) == L);
        }
        return cur == O || kind(cur) == B || kind(cur) == U;
    }

    /** BILOU labels of {@code n} tokens carrying {@code spans}. */
    static int[] encode(List<NameSpan> spans, int n) {
        int[] labels = new int[n];
        for (NameSpan span : spans) {
            int type = typeIndex(span.type());
            if (type < 0) {
                continue;
            }
            if (span.end() - span.start() == 1) {
                labels[span.start()] = label(type, U);
            } else {
                labels[span.start()] = label(type, B);
                for (int i = span.start() + 1; i < span.end() - 1; i++) {
                    labels[i] = label(type, I);
                }
                labels[span.end() - 1] = label(type, L);
            }
        }
        return labels;
    }

    /** The spans of a valid BILOU label sequence. */
    static List<NameSpan> decode(int[] labels) {
        List<NameSpan> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label == O) {
                start = -1;
                continue;
            }
            int kind = kind(label);
            if (kind == U) {
                spans.add(new NameSpan(i, i + 1, TYPES.get(type(label))));
                start = -1;
            } else if (kind == B) {
                start = i;
            } else if (kind == L && start >= 0) {
                spans.add(new NameSpan(start, i + 1, TYPES.get(type(label))));
                start = -1;
            }
        }
        return spans;
    }
}
