package io.wirewatch.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Signal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldExplainWhoSaidWhatToWhomAndHow() {
        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet().rules().get(0), Stories.seed(), NOW);

        assertThat(alert).isNotNull();
        // v3: the rule now also fires on fighting, mobilisation and protest alone, and its description says so
        assertThat(alert.getExplanation()).isEqualTo("Escalation between two actors: a threat, an attack or "
                + "fighting, coercion or a seizure, a sanction, a mobilisation or a protest, or several rejections or "
                + "demands, said plainly, on a condition or as intent. 2 signals: Sergei Lavrov (RUS) threatened the "
                + "West: 'Moscow will take the necessary retaliatory measures' (conditional); United States (USA) "
                + "rejected Russia: 'no concessions' (asserted). Escalation score 8.9. Rule escalation v3.");
        assertThat(alert.getTitle()).isEqualTo("Sergei Lavrov (RUS) threatened the West: "
                + "'Moscow will take the necessary retaliatory measures'");
        assertThat(alert.getStoryUrl()).isEqualTo("https://example.org/seed-1");
        assertThat(alert.getPublishedAt()).isEqualTo(Stories.PUBLISHED);
    }

    @Test
    void shouldNeverJoinOneActorsNameToAnotherActorsCode() {
        String s = "Zelensky said Russia had coerced Belarus into joining the drills.";
        EnrichedStory story = Stories.enriched(Stories.story("z-1", "Zelensky on Belarus", null, s),
                List.of(Stories.actor("Zelensky", EntityType.PERSON, "PER:VOLODYMYR_ZELENSKY", "Volodymyr Zelensky",
                                "UKR"),
                        Stories.actor("Russia", EntityType.GPE, "RUS", "Russia"),
                        Stories.actor("Belarus", EntityType.GPE, "BLR", "Belarus")),
                List.of(Stories.signal("COERCE", -7.0, Modality.ASSERTED, "RUS", "BLR", "Volodymyr Zelensky",
                        "coerced", s)), 7.0);

        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet().rules().get(0), story, NOW);

        assertThat(alert).isNotNull();
        assertThat(alert.getTitle()).doesNotContain("Zelensky (RUS)")
                .isEqualTo("Russia (RUS) coerced Belarus, according to Volodymyr Zelensky (UKR): 'coerced'");
    }

    @Test
    void shouldNameASpeakerOfUnknownAllegianceAfterTheActNotBesideTheSourcesCode() {
        String s = "A spokesman said Russia had coerced Belarus.";
        EnrichedStory story = Stories.enriched(Stories.story("z-2", "On Belarus", null, s), List.of(),
                List.of(Stories.signal("COERCE", -7.0, Modality.ASSERTED, "RUS", "BLR", "a spokesman", "coerced", s)),
                7.0);

        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet().rules().get(0), story, NOW);

        assertThat(alert).isNotNull();
        assertThat(alert.getTitle()).isEqualTo("RUS coerced BLR, according to a spokesman: 'coerced'");
    }

    @Test
    void shouldCarryThePublishersDayOfTheStory() {
        EnrichedStory seed = Stories.seed();
        seed.getStory().setPublishedLocal("2022-01-26T13:00:00-05:00");

        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet().rules().get(0), seed, NOW);

        assertThat(alert).isNotNull();
        assertThat(alert.getPublishedLocal()).isEqualTo("2022-01-26T13:00:00-05:00");
    }

    @Test
    void shouldSayWhenTheStoryStoodAtTheTimeItWasRead() {
        EnrichedStory marked = Stories.seed();
        marked.getStory().setPublishedAt(null);
        marked.getStory().setDateSource(DateSource.READ);
        EnrichedStory older = Stories.seed();
        older.getStory().setPublishedAt(null);
        older.getStory().setDateSource(null);
        EnrichedStory fromFeed = Stories.seed();
        fromFeed.getStory().setDateSource(DateSource.FEED);

        assertThat(RuleEngine.evaluate(DefaultRules.ruleSet().rules().get(0), marked, NOW).getDateSource())
                .isEqualTo(DateSource.READ);
        assertThat(RuleEngine.evaluate(DefaultRules.ruleSet().rules().get(0), older, NOW).getDateSource())
                .as("a story written before the mark, without a publication time").isEqualTo(DateSource.READ);
        assertThat(RuleEngine.evaluate(DefaultRules.ruleSet().rules().get(0), fromFeed, NOW).getDateSource())
                .isEqualTo(DateSource.FEED);
    }

    @Test
    void shouldScoreFromEvidenceWhenTheEnricherGaveNoScore() {
        String s = "Officials said they would impose new sanctions.";
        EnrichedStory story = Stories.enriched(Stories.story("s-1", "Sanctions ahead", null, s), List.of(),
                List.of(Stories.signal("SANCTION", -8.0, Modality.FUTURE, "USA", "RUS", null, "impose new sanctions", s)),
                0.0);

        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet().rules().get(0), story, NOW);

        assertThat(alert).isNotNull();
        assertThat(alert.getScore()).isEqualTo(7.2);
        assertThat(alert.getSeverity()).as("below every score band; a sanction heads it").isEqualTo(Severity.MEDIUM);
        assertThat(alert.getDyad()).isEqualTo("USA->RUS");
        assertThat(alert.getTitle()).as("no entity names the actors").isEqualTo(
                "USA sanctioned RUS: 'impose new sanctions'");
    }

    @Test
    void shouldNeedEveryConditionOfARule() {
        Rule rule = Rule.of("r", "1", "").withCategories(Set.of(PloverCategory.THREATEN)).withDyads(List.of(Dyad.parse("RUS->*")))
                .withPhrases(List.of("retaliatory"));
        Signal threat = Stories.seed().getSignals().get(1);

        assertThat(rule.matches(threat)).isTrue();
        assertThat(rule.withDyads(List.of(Dyad.parse("USA->*"))).matches(threat)).isFalse();
        assertThat(rule.withPhrases(List.of("ultimatum")).matches(threat)).isFalse();
        assertThat(rule.withActors(Set.of("WST")).matches(threat)).isTrue();
        assertThat(rule.withActors(Set.of("CHN")).matches(threat)).isFalse();
        assertThat(rule.withModalities(Set.of(Modality.ASSERTED)).matches(threat)).isFalse();
        assertThat(rule.withMinSignals(2).withCategories(Set.of()).withDyads(List.of()).withPhrases(List.of()))
                .satisfies(r -> assertThat(RuleEngine.evaluate(r, Stories.seed(), NOW)).isNotNull());
        assertThat(RuleEngine.evaluate(rule.withMinSignals(2), Stories.seed(), NOW)).isNull();
    }

    @Test
    void shouldGiveDeterministicIdsPerRuleVersionAndCluster() {
        assertThat(AlertIds.of("r", "1", "story-a", null)).isEqualTo(AlertIds.of("r", "1", "story-a", null))
                .startsWith("al-").hasSize(27);
        assertThat(AlertIds.of("r", "1", "story-a", "c")).isEqualTo(AlertIds.of("r", "1", "story-b", "c"));
        assertThat(AlertIds.of("r", "1", "story-a", null)).isNotEqualTo(AlertIds.of("r", "2", "story-a", null))
                .isNotEqualTo(AlertIds.of("q", "1", "story-a", null));
    }
}
