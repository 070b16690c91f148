package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's own short wire stories (the bundled samples' kinds): each gets the signals its kind implies. */
class FixtureStoriesTest {

    private final WeightedEscalationScorer scorer = WeightedEscalationScorer.standard();

    @Test
    void shouldReadTheDenialAsDeniedAndNegatedNotAsAnAttack() {
        List<Signal> signals = Tagging.story("stories/denial.txt");
        assertThat(signals).as(Tagging.describe(signals))
                .anyMatch(s -> s.getCategory() == PloverCategory.FIGHT && s.getModality() == Modality.DENIED
                        && "RUS".equals(s.getSource()) && "UKR".equals(s.getTarget()))
                .anyMatch(s -> s.getCategory() == PloverCategory.THREATEN && s.getModality() == Modality.NEGATED)
                .anyMatch(s -> s.getCategory() == PloverCategory.REJECT && s.getCameoCode().equals("016")
                        && "RUS".equals(s.getSource()))
                .noneMatch(s -> s.getIntensity() < 0 && s.getModality() == Modality.ASSERTED
                        && !s.getCameoCode().equals("016")); // the denial itself (CAMEO 016) is the only act
        assertThat(scorer.score(signals)).as(Tagging.describe(signals)).isLessThan(3.0);
    }

    @Test
    void shouldReadTheConditionalThreatAsConditionalFromChinaTowardTheUnitedStates() {
        List<Signal> signals = Tagging.story("stories/conditional-threat.txt");
        assertThat(signals).as(Tagging.describe(signals))
                .anyMatch(s -> s.getCategory() == PloverCategory.THREATEN && s.getModality() == Modality.CONDITIONAL
                        && "CHN".equals(s.getSource()) && "USA".equals(s.getTarget()))
                .noneMatch(s -> s.getCategory() == PloverCategory.THREATEN && s.getModality() == Modality.ASSERTED);
        assertThat(scorer.score(signals)).isGreaterThan(0.0);
    }

    @Test
    void shouldReadTheOfferOfTalksAsCooperationByIran() {
        List<Signal> signals = Tagging.story("stories/offer-of-talks.txt");
        assertThat(signals).as(Tagging.describe(signals))
                .anyMatch(s -> s.getCategory() == PloverCategory.AGREE && "IRN".equals(s.getSource()))
                .allMatch(s -> s.getIntensity() > 0);
        assertThat(scorer.score(signals)).isZero();
    }

    @Test
    void shouldReadTheDeEscalationAsAgreementAndRetreat() {
        List<Signal> signals = Tagging.story("stories/de-escalation.txt");
        assertThat(signals).as(Tagging.describe(signals))
                .anyMatch(s -> s.getCategory() == PloverCategory.AGREE && "ARM".equals(s.getSource()))
                .anyMatch(s -> s.getCategory() == PloverCategory.RETREAT)
                .allMatch(s -> s.getIntensity() > 0);
        assertThat(scorer.score(signals)).isZero();
    }

    @Test
    void shouldKeepTheUnrelatedBusinessStoryQuiet() {
        List<Signal> signals = Tagging.story("stories/business.txt");
        assertThat(signals).as(Tagging.describe(signals)).isEmpty();
        assertThat(scorer.score(signals)).isZero();
    }
}
