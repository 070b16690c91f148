package io.wirewatch.nlp.ner;

/** 64-bit FNV-1a over chars, with a final mix, for feature keys that are never built as strings. */
final class Hashing {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Hashing() {
    }

    static long start(int template) {
        return (OFFSET ^ template) * PRIME;
    }

    static long add(long h, CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return (h ^ 0x1f) * PRIME;
    }

    /** Adds {@code s[from, to)}, the same as adding {@code s.subSequence(from, to)}. */
    static long add(long h, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return (h ^ 0x1f) * PRIME;
    }

    static long add(long h, int value) {
        h = (h ^ (value & 0xffff)) * PRIME;
        h = (h ^ (value >>> 16)) * PRIME;
        return (h ^ 0x1e) * PRIME;
    }

    /** The final key: never 0, which the tables use for an empty slot. */
    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    static long of(int template, CharSequence s) {
        return finish(add(start(template), s));
    }
}
