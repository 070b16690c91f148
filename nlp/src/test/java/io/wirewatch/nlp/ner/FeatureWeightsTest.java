package io.wirewatch.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureWeightsTest {

    private static final int LABELS = Labels.COUNT;
    private static final int ROWS = 5_000;

    private final LongIntMap keys = new LongIntMap(ROWS);
    private final float[] dense = new float[ROWS * LABELS];
    private final Map<Long, Integer> rowOf = new HashMap<>();

    FeatureWeightsTest() {
        SplittableRandom random = new SplittableRandom(7);
        for (int row = 0; row < ROWS; row++) {
            long key;
            do {
                key = random.nextLong();
            } while (key == 0 || rowOf.containsKey(key));
            keys.put(key, row);
            rowOf.put(key, row);
            for (int y = 0; y < LABELS; y++) {
                // mostly zero, as in a trained model (3.7 of 17 labels weighted on average)
                dense[row * LABELS + y] = random.nextInt(5) == 0 ? (float) random.nextGaussian() : 0f;
            }
        }
    }

    @Test
    void everyFeatureAddsExactlyItsDenseRow() {
        FeatureWeights table = new FeatureWeights(keys, dense, LABELS);
        for (Map.Entry<Long, Integer> entry : rowOf.entrySet()) {
            float[] scores = new float[2 * LABELS];
            float[] expected = new float[2 * LABELS];
            scores[LABELS + 3] = 1.5f;
            expected[LABELS + 3] = 1.5f;
            for (int y = 0; y < LABELS; y++) {
                expected[LABELS + y] += dense[entry.getValue() * LABELS + y];
            }
            table.addTo(table.find(entry.getKey()), scores, LABELS);
            assertThat(scores).containsExactly(expected);
        }
    }

    @Test
    void keysTheModelLacksAreNotFoundEvenWhenTheirFingerprintMatchesAnEntry() {
        FeatureWeights table = new FeatureWeights(keys, dense, LABELS);
        SplittableRandom random = new SplittableRandom(11);
        int absent = 0;
        // 200,000 random keys against 12-bit fingerprints: about two hundred share one with an entry they probe
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextLong();
            if (key != 0 && !rowOf.containsKey(key)) {
                absent++;
                assertThat(table.find(key)).as("key %x", key).isEqualTo(-1);
            }
        }
        // an entry's own top bits with other low bits: same fingerprint, another key
        for (long key : rowOf.keySet()) {
            long twin = key ^ 1L;
            if (!rowOf.containsKey(twin)) {
                assertThat(table.find(twin)).isEqualTo(-1);
            }
        }
        assertThat(absent).isGreaterThan(199_000);
        assertThat(table.rows()).isEqualTo(ROWS);
    }

    @Test
    void writesTheRowsAsDenseRowsWereWritten() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeInt(ROWS);
        long[] keyOfRow = new long[ROWS];
        rowOf.forEach((key, row) -> keyOfRow[row] = key);
        for (int row = 0; row < ROWS; row++) {
            out.writeLong(keyOfRow[row]);
            int mask = 0;
            for (int y = 0; y < LABELS; y++) {
                mask |= dense[row * LABELS + y] != 0f ? 1 << y : 0;
            }
            out.writeInt(mask);
            for (int y = 0; y < LABELS; y++) {
                if ((mask & (1 << y)) != 0) {
                    out.writeFloat(dense[row * LABELS + y]);
                }
            }
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        new FeatureWeights(keys, dense, LABELS).write(new DataOutputStream(written));
        assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
    }
}
