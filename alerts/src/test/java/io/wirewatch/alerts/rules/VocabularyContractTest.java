package io.wirewatch.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.QuadClass;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Signal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The contract between enrichment and the alert rules. Enrichment can emit only {@link PloverCategory} symbols (its
 * own test holds that every category its coder knows is one, and that the enum names none it never emits); here the
 * alerts side shows that each has a meaning, and that material conflict between two different actors is never
 * passed over by the bundled rules.
 */
class VocabularyContractTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(PloverCategory.class)
    void shouldGiveEveryCategoryEnrichmentCanEmitAMeaning(PloverCategory category) {
        Vocabulary.Meaning meaning = Vocabulary.of(category);

        assertThat(meaning).isNotNull();
        assertThat(meaning.verb()).isNotBlank();
        if (category != PloverCategory.UNKNOWN) {
            assertThat(meaning.quadClass()).isNotEqualTo(QuadClass.UNKNOWN);
            assertThat(meaning.conflict()).isNotEqualTo(meaning.cooperation());
        }
    }

    @Test
    void shouldReadTheQuadClassesAsCameoDoes() {
        assertThat(Vocabulary.MATERIAL_CONFLICT).containsExactlyInAnyOrder(PloverCategory.PROTEST,
                PloverCategory.MOBILIZE, PloverCategory.SANCTION, PloverCategory.COERCE, PloverCategory.ASSAULT,
                PloverCategory.FIGHT);
        assertThat(Vocabulary.CONFLICT_CATEGORIES).containsAll(Vocabulary.MATERIAL_CONFLICT)
                .contains(PloverCategory.THREATEN, PloverCategory.DEMAND, PloverCategory.REJECT,
                        PloverCategory.DISAPPROVE, PloverCategory.INVESTIGATE)
                .doesNotContain(PloverCategory.AGREE, PloverCategory.AID, PloverCategory.UNKNOWN);
    }

    @Test
    void shouldNameADistinctVerbForEveryCategory() {
        assertThat(Arrays.stream(PloverCategory.values()).map(Vocabulary::verb)).doesNotHaveDuplicates();
    }

    /** Every material-conflict category, and the CAMEO codes of seizure and mass violence within them. */
    static Stream<Arguments> materialConflict() {
        Stream<Arguments> byCategory = Vocabulary.MATERIAL_CONFLICT.stream().map(c -> Arguments.of(c, null));
        return Stream.concat(byCategory, Stream.of(
                Arguments.of(PloverCategory.COERCE, "1711"),    // confiscate property: a seized tanker
                Arguments.of(PloverCategory.COERCE, "171"),     // seize or damage property
                Arguments.of(PloverCategory.ASSAULT, "1712"),   // destroy property
                Arguments.of(PloverCategory.ASSAULT, "20"),     // unconventional mass violence
                Arguments.of(PloverCategory.ASSAULT, "202"),    // mass killings
                Arguments.of(PloverCategory.FIGHT, "195"),      // aerial weapons: air strikes
                Arguments.of(PloverCategory.MOBILIZE, "154"),   // mobilise armed forces
                Arguments.of(PloverCategory.SANCTION, "161"))); // break diplomatic relations
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("materialConflict")
    void shouldRaiseAnAlertForMaterialConflictBetweenTwoActors(PloverCategory category, String cameo) {
        String sentence = "Officials said the act was carried out on Tuesday.";
        Signal signal = Signal.newBuilder(Stories.signal(category.name(), -9.0, Modality.ASSERTED, "RUS", "UKR",
                null, "carried out", sentence)).setCameoCode(cameo).build();
        EnrichedStory story = Stories.enriched(Stories.story("mc-" + category, "An act of force", null, sentence),
                List.of(), List.of(signal), 9.0);

        List<Alert> alerts = RuleEngine.evaluate(DefaultRules.ruleSet(), story, NOW);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getRuleId()).isEqualTo("escalation");
            assertThat(alert.getDyad()).isEqualTo("RUS->UKR");
            assertThat(alert.getQuadClass()).isEqualTo(QuadClass.MATERIAL_CONFLICT);
            assertThat(alert.getEvidence()).containsExactly(signal);
        });
    }

    @Test
    void shouldNotRaiseForMaterialConflictOfAnActorWithItself() {
        for (PloverCategory category : Vocabulary.MATERIAL_CONFLICT) {
            String sentence = "Troops moved within the country.";
            EnrichedStory story = Stories.enriched(Stories.story("self-" + category, "At home", null, sentence),
                    List.of(), List.of(Stories.signal(category.name(), -9.0, Modality.ASSERTED, "RUS", "RUS", null,
                            "moved", sentence)), 9.0);

            assertThat(RuleEngine.evaluate(DefaultRules.ruleSet(), story, NOW)).as(category.name()).isEmpty();
        }
    }

    @Test
    void shouldAlertRussiaToUkraineOnAStoryOfAirStrikesAndShelling() {
        String bombed = "Russian warplanes bombed Kharkiv overnight, officials said.";
        String shelled = "Russian artillery shelled the city's eastern districts on Thursday.";
        EnrichedStory story = Stories.enriched(Stories.story("fight-1", "Russian warplanes bomb Kharkiv", null,
                        bombed, shelled), List.of(),
                List.of(Stories.signal("FIGHT", -10.0, Modality.ASSERTED, "RUS", "UKR", null, "bombed", bombed),
                        Stories.signal("FIGHT", -10.0, Modality.ASSERTED, "RUS", "UKR", null, "shelled", shelled)),
                20.0);

        assertThat(RuleEngine.evaluate(DefaultRules.ruleSet(), story, NOW)).singleElement().satisfies(alert -> {
            assertThat(alert.getDyad()).isEqualTo("RUS->UKR");
            assertThat(alert.getSeverity()).as("fighting heads it: HIGH, above the score's MEDIUM")
                    .isEqualTo(Severity.HIGH);
            assertThat(alert.getTitle()).isEqualTo("RUS fought UKR: 'bombed'");
            assertThat(alert.getExplanation()).contains("2 signals", "Rule escalation v3.");
        });
    }

    @Test
    void shouldKeepMaterialConflictAmongTheCategoriesTheBundledEscalationRuleFiresOnAlone() {
        Rule escalation = DefaultRules.ruleSet().rules().get(0);

        assertThat(escalation.oneIsEnough()).containsAll(Vocabulary.MATERIAL_CONFLICT);
        assertThat(EnumSet.copyOf(escalation.categories())).containsAll(Vocabulary.MATERIAL_CONFLICT);
    }
}
