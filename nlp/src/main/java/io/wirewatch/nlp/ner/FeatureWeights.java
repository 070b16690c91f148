package io.wirewatch.nlp.ner;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The name finder's feature weights in a table that fits the processor's caches: a slot array of ints (a few
 * bits of the key as a fingerprint beside the row's offset) over one int array of rows, each row its full key,
 * a bit mask of the labels whose weight is not zero and those weights only. A model's 94,072 rows of 17 labels
 * hold 3.7 non-zero weights on average, so the rows take 2.5 MB and the slots 0.5 MB, where a map of 16-byte
 * slots beside dense rows took 10.4 MB. Exact: a fingerprint match is confirmed against the row's full key, and
 * scores add the same weights in the same order as dense rows do (a zero weight adds nothing). Immutable.
 */
final class FeatureWeights {

    private static final int HEADER = 3; // key (low, high), label mask

    private final int labels;
    private final int rows;
    /** 0 for an empty slot; else the fingerprint in the high bits and 1 + the row's offset in the low bits. */
    private final int[] slots;
    private final int slotMask;
    private final int offsetBits;
    private final int offsetMask;
    private final int[] data;

    /**
     * The table of {@code keys} (feature key → row) and dense {@code weights} ({@code labels} per row, row-major).
     */
    FeatureWeights(LongIntMap keys, float[] weights, int labels) {
        if (labels > 31) {
            throw new IllegalArgumentException(labels + " labels do not fit a row's label mask of 31 bits");
        }
        this.labels = labels;
        this.rows = keys.size();
        long[] keyOfRow = new long[rows];
        keys.forEach((key, row) -> keyOfRow[row] = key);
        int[] offsetOfRow = new int[rows];
        int length = 0;
        for (int row = 0; row < rows; row++) {
            offsetOfRow[row] = length;
            length += HEADER + Integer.bitCount(mask(weights, row));
        }
        data = new int[length];
        for (int row = 0; row < rows; row++) {
            int p = offsetOfRow[row];
            int mask = mask(weights, row);
            data[p++] = (int) keyOfRow[row];
            data[p++] = (int) (keyOfRow[row] >>> 32);
            data[p++] = mask;
            for (int y = 0; y < labels; y++) {
                if ((mask & (1 << y)) != 0) {
                    data[p++] = Float.floatToRawIntBits(weights[row * labels + y]);
                }
            }
        }
        offsetBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(length + 1));
        if (offsetBits > 31) {
            throw new IllegalArgumentException("a table of " + length + " ints is too large");
        }
        offsetMask = (int) ((1L << offsetBits) - 1);
        // at most three quarters full, so that a miss stops within a few slots
        int capacity = Integer.highestOneBit(Math.max(4, rows + rows / 3) - 1) << 1;
        slots = new int[capacity];
        slotMask = capacity - 1;
        for (int row = 0; row < rows; row++) {
            long key = keyOfRow[row];
            int slot = home(key);
            while (slots[slot] != 0) {
                slot = (slot + 1) & slotMask;
            }
            slots[slot] = fingerprint(key) | (offsetOfRow[row] + 1);
        }
    }

    private int mask(float[] weights, int row) {
        int mask = 0;
        for (int y = 0; y < labels; y++) {
            if (weights[row * labels + y] != 0f) {
                mask |= 1 << y;
            }
        }
        return mask;
    }

    private int home(long key) {
        return (int) (key ^ (key >>> 32)) & slotMask;
    }

    /** The key's top bits, placed above the offset bits (none when the offsets need all 31 bits). */
    private int fingerprint(long key) {
        return offsetBits >= 31 ? 0 : (int) (key >>> (32 + offsetBits)) << offsetBits;
    }

    int rows() {
        return rows;
    }

    /** The offset of {@code key}'s row in the table, or -1 when the model has no such feature. */
    int find(long key) {
        int[] s = slots;
        int[] d = data;
        int print = fingerprint(key);
        int low = (int) key;
        int high = (int) (key >>> 32);
        int slot = home(key);
        while (true) {
            int entry = s[slot];
            if (entry == 0) {
                return -1;
            }
            if ((entry & ~offsetMask) == print) {
                int offset = (entry & offsetMask) - 1;
                if (d[offset] == low && d[offset + 1] == high) {
                    return offset;
                }
            }
            slot = (slot + 1) & slotMask;
        }
    }

    /**
     * Adds the row at {@code offset} (from {@link #find}) to {@code scores[to, to + labels)}, label by label in
     * label order.
     */
    void addTo(int offset, float[] scores, int to) {
        int[] d = data;
        int mask = d[offset + 2];
        int p = offset + HEADER;
        while (mask != 0) {
            int y = Integer.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            scores[to + y] += Float.intBitsToFloat(d[p++]);
        }
    }

    /**
     * Writes the rows in row order as model format 2 and 3 hold them: the key, the mask of non-zero labels and
     * those weights.
     */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(rows);
        int p = 0;
        for (int row = 0; row < rows; row++) {
            out.writeLong((data[p] & 0xffffffffL) | ((long) data[p + 1] << 32));
            int mask = data[p + 2];
            out.writeInt(mask);
            p += HEADER;
            for (int k = Integer.bitCount(mask); k > 0; k--) {
                out.writeFloat(Float.intBitsToFloat(data[p++]));
            }
        }
    }

    long bytes() {
        return 32L + slots.length * 4L + data.length * 4L;
    }
}
