package io.wirewatch.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalienceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldHeadTheSeedWithLavrovsThreatNotAPassingDeployment() {
        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.seedAsTagged(), NOW).get(0);

        assertThat(alert.getTitle()).isEqualTo("Sergei Lavrov (RUS) threatened the West: 'retaliatory measures'");
        assertThat(alert.getDyad()).isEqualTo("RUS->WST");
        assertThat(alert.getEvidence()).extracting(Signal::getEvidence).as("most salient first").containsExactly(
                "retaliatory measures", "heavy economic costs", "should also withdraw",
                "withdraw some of their diplomats", "no concessions");
    }

    @Test
    void shouldHeadTheConditionalThreatSampleWithRussiasThreatNotStoltenbergsDemand() {
        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.conditionalThreat(), NOW).get(0);

        assertThat(alert.getTitle()).isEqualTo("Government of Russia (RUS) threatened NATO: 'countermeasures'");
        assertThat(alert.getEvidence()).extracting(Signal::getCategory).containsExactly(PloverCategory.THREATEN,
                PloverCategory.DEMAND, PloverCategory.REJECT);
    }

    @Test
    void shouldRankCategoryThenModalityThenAttributionThenSpeaker() {
        EnrichedStory seed = Stories.seedAsTagged();
        Salience salience = Salience.in(seed);
        List<Signal> signals = seed.getSignals();
        Signal noConcessions = signals.get(0);
        Signal invasion = signals.get(1);
        Signal economicCosts = signals.get(2);
        Signal deployed = signals.get(4);
        Signal lavrov = signals.get(5);
        Signal deniedAttack = signals.get(7);

        assertThat(salience.score(economicCosts)).as("a threat over a rejection")
                .isGreaterThan(salience.score(noConcessions));
        assertThat(salience.score(noConcessions)).as("a rejection over a mobilisation")
                .isGreaterThan(salience.score(deployed));
        assertThat(salience.score(economicCosts)).as("a conditional threat over a speculative attack")
                .isGreaterThan(salience.score(invasion));
        assertThat(salience.score(lavrov)).as("a quoted threat over a reported one")
                .isGreaterThan(salience.score(economicCosts));
        assertThat(salience.score(deniedAttack)).as("denied: never a headline").isEqualTo(Salience.NEVER);
        Signal unattributed = Signal.newBuilder(lavrov).setTarget(null).build();
        assertThat(salience.score(unattributed)).isLessThan(salience.score(lavrov));
        Signal anonymous = Signal.newBuilder(economicCosts).setSpeaker(null).build();
        assertThat(salience.score(anonymous)).isLessThan(salience.score(economicCosts));
    }

    @Test
    void shouldNeverHeadWithANegatedSignalEvenWhenItIsTheHardest() {
        String s = "Officials said Moscow would not attack, but demanded that NATO pull back.";
        EnrichedStory story = Stories.enriched(Stories.story("neg-1", "Moscow demands", null, s), List.of(),
                List.of(Stories.signal("ASSAULT", -10.0, Modality.NEGATED, "RUS", "UKR", null, "would not attack", s),
                        Stories.signal("DEMAND", -5.0, Modality.ASSERTED, "RUS", "NATO", null, "demanded", s)),
                0.0);
        List<Signal> sorted = story.getSignals().stream().sorted(Salience.in(story).mostSalientFirst()).toList();

        assertThat(sorted).extracting(Signal::getEvidence).containsExactly("demanded", "would not attack");
    }

    @Test
    void shouldOrderTiesByIntensityThenPlaceSoTheOrderIsDeterministic() {
        EnrichedStory story = Stories.seedAsTagged();
        List<Signal> forward = story.getSignals().stream().sorted(Salience.in(story).mostSalientFirst()).toList();
        List<Signal> reversed = new java.util.ArrayList<>(story.getSignals());
        java.util.Collections.reverse(reversed);

        assertThat(reversed.stream().sorted(Salience.in(story).mostSalientFirst()).toList()).isEqualTo(forward);
    }

    @Test
    void shouldSeeWordsInsideQuotationMarksAsAQuote() {
        assertThat(Salience.quoted("retaliatory measures", "Moscow would take \u201Cretaliatory measures\u201D soon"))
                .isTrue();
        assertThat(Salience.quoted("measures", "\u201CWe will act,\u201D he said of the measures")).isFalse();
        assertThat(Salience.quoted("act", "\"We will act,\" he said")).isTrue();
        assertThat(Salience.quoted("missing", "not here")).isFalse();
    }
}
