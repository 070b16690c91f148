package io.wirewatch.ingest.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the ScrapingHub benchmark metric, edge cases included. */
class ShingleMetricTest {

    @Test
    void shouldCountFourTokenShinglesAndNormaliseThemPerPage() {
        // truth shingles: (a b c d), (b c d e); predicted: (a b c d)
        ShingleMetric.Counts c = ShingleMetric.match("a b, c d e", "A? a b c d");
        // predicted tokens A a b c d -> (A a b c), (a b c d): one match, one false positive, one missed
        assertThat(c.tp()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(c.fp()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(c.fn()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void shouldCountRepeatedShinglesWithMultiplicity() {
        ShingleMetric.Counts c = ShingleMetric.match("w x y z w x y z", "w x y z");
        // truth: wxyz twice, xyzw, yzwx, zwxy; predicted: wxyz once
        assertThat(c.tp()).isCloseTo(1 / 5.0, within(1e-9));
        assertThat(c.fn()).isCloseTo(4 / 5.0, within(1e-9));
    }

    @Test
    void shouldTreatATextShorterThanFourTokensAsOneShingle() {
        assertThat(ShingleMetric.match("hello world", "hello world").tp()).isEqualTo(1.0);
        assertThat(ShingleMetric.match("hello world", "hello there").fp()).isEqualTo(0.5);
    }

    @Test
    void shouldUseUnicodeWordCharacters() {
        assertThat(ShingleMetric.tokens("Übergriff auf Kyjiw—Київ, 2022: l’été")).containsExactly(
                "Übergriff", "auf", "Kyjiw", "Київ", "2022", "l", "été");
    }

    @Test
    void shouldAverageOnlyDefinedPrecisionsAndTakeF1FromTheMeans() {
        ShingleMetric.Counts half = ShingleMetric.match("a b c d e", "a b c d"); // P 1, R 0.5
        ShingleMetric.Counts empty = ShingleMetric.match("a b c d e", ""); // no precision, R 0
        ShingleMetric.Score score = ShingleMetric.score(List.of(half, empty));
        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isCloseTo(0.25, within(1e-9));
        assertThat(score.f1()).isCloseTo(0.4, within(1e-9));
    }
}
