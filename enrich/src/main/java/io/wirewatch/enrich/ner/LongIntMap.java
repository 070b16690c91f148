package io.wirewatch.enrich.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** An open-addressing map from non-zero long keys to ints; grows as needed. Not thread-safe while written. */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@code missing}. */
    int get(long key, int missing) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == 0) {
                return missing;
            }
            slot = (slot + 1) & mask;
        }
    }

    void put(long key, int value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved for empty slots");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slot(key);
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == 0) {
            size++;
            keys[slot] = key;
        }
        values[slot] = value;
    }

    /** Ors {@code bits} into the value of {@code key} (0 when absent). */
    void or(long key, int bits) {
        put(key, get(key, 0) | bits);
    }

    /** The value of {@code key}, adding {@code next} for it when absent. */
    int getOrAdd(long key, int next) {
        int value = get(key, -1);
        if (value >= 0) {
            return value;
        }
        put(key, next);
        return next;
    }

    interface Entry {
        void accept(long key, int value);
    }

    void forEach(Entry entry) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                entry.accept(keys[i], values[i]);
            }
        }
    }

    /** Writes the entries in key order, so that equal maps write equal bytes. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(size);
        long[] sorted = new long[size];
        int k = 0;
        for (long key : keys) {
            if (key != 0) {
                sorted[k++] = key;
            }
        }
        java.util.Arrays.sort(sorted);
        for (long key : sorted) {
            out.writeLong(key);
            out.writeInt(get(key, 0));
        }
    }

    static LongIntMap read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative table size " + n);
        }
        LongIntMap map = new LongIntMap(n);
        for (int i = 0; i < n; i++) {
            map.put(in.readLong(), in.readInt());
        }
        return map;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    long bytes() {
        return 16L + keys.length * 8L + values.length * 4L;
    }

    @Override
    public String toString() {
        return "LongIntMap[size=" + size + ", capacity=" + keys.length + "]";
    }
}
