package io.wirewatch.nlp.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * An open-addressing map from non-zero long keys to ints; grows as needed. Not thread-safe while written. Each key
 * sits beside its value in one array, so a hit costs one cache line rather than one per array (the name finder
 * looks up some thirty features per token in a table larger than the cache).
 */
final class LongIntMap {

    /** Slot {@code s} holds its key at {@code 2s} and its value at {@code 2s + 1}; key 0 marks an empty slot. */
    private long[] table;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
        table = new long[capacity * 2];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@code missing}. */
    int get(long key, int missing) {
        long[] t = table;
        int slot = slot(key);
        while (true) {
            long k = t[slot << 1];
            if (k == key) {
                return (int) t[(slot << 1) + 1];
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
        if ((size + 1) * 4 > table.length) {
            grow();
        }
        int slot = slot(key);
        while (table[slot << 1] != 0 && table[slot << 1] != key) {
            slot = (slot + 1) & mask;
        }
        if (table[slot << 1] == 0) {
            size++;
            table[slot << 1] = key;
        }
        table[(slot << 1) + 1] = value;
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
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0) {
                entry.accept(table[i], (int) table[i + 1]);
            }
        }
    }

    /** Writes the entries in key order, so that equal maps write equal bytes. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(size);
        long[] sorted = new long[size];
        int k = 0;
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0) {
                sorted[k++] = table[i];
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
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length / 2 - 1;
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }

    long bytes() {
        return 16L + table.length * 8L;
    }

    @Override
    public String toString() {
        return "LongIntMap[size=" + size + ", capacity=" + table.length / 2 + "]";
    }
}
