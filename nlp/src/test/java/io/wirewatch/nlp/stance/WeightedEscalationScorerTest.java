package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedEscalationScorerTest {

    private final WeightedEscalationScorer scorer = WeightedEscalationScorer.standard();

    private static Signal signal(double intensity, Modality modality) {
        return Signal.newBuilder().setCategory(intensity < 0 ? PloverCategory.THREATEN : PloverCategory.AGREE).setIntensity(intensity)
                .setModality(modality).setEvidence("e").setSentence("s").setStart(0).setEnd(1).build();
    }

    @Test
    void shouldCountAssertedConflictFully() {
        assertThat(scorer.score(List.of(signal(-4.4, Modality.ASSERTED)))).isEqualTo(4.4);
    }

    @Test
    void shouldCountNegatedAndDeniedConflictAsNothing() {
        assertThat(scorer.score(List.of(signal(-10, Modality.DENIED), signal(-4.4, Modality.NEGATED)))).isZero();
    }

    @Test
    void shouldDiscountConditionalAndSpeculativeConflict() {
        assertThat(scorer.score(List.of(signal(-10, Modality.CONDITIONAL)))).isEqualTo(5.0);
        assertThat(scorer.score(List.of(signal(-10, Modality.SPECULATIVE)))).isEqualTo(3.0);
        assertThat(scorer.score(List.of(signal(-10, Modality.FUTURE)))).isEqualTo(8.0);
    }

    @Test
    void shouldIgnoreCooperationAndScoreAQuietStoryZero() {
        assertThat(scorer.score(List.of(signal(7.0, Modality.ASSERTED)))).isZero();
        assertThat(scorer.score(List.of())).isZero();
    }
}
