package io.wirewatch.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 64-bit SimHash of a text over its 3-word shingles (lower-cased, Unicode words). Two copies of one story that
 * differ by a headline, a dateline or a sentence of furniture differ in few bits; different stories in about half.
 */
public final class SimHash {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 3;

    private SimHash() {
    }

    /** The fingerprint of {@code text}; 0 for a text with no words. */
    public static long of(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return 0L;
        }
        int[] weights = new int[64];
        int n = Math.max(1, words.size() - SHINGLE + 1);
        for (int i = 0; i < n; i++) {
            String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE)));
            long h = hash(shingle);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += (h >>> bit & 1L) == 1L ? 1 : -1;
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** The number of bits in which two fingerprints differ. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static List<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normal);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** FNV-1a 64 followed by a final mix, so that every bit depends on every input byte. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
