package io.wirewatch.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.StanceLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Judgement on whole stories with the bundled rules: an actor is never its own counterpart, cooperation between the
 * same two actors offsets their conflict, and every alert keeps its explanation.
 */
class AlertJudgementTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Alert> alerts(EnrichedStory story) {
        return RuleEngine.evaluate(DefaultRules.ruleSet(), story, NOW);
    }

    @Test
    void shouldNeverAlertAnActorAgainstItself() {
        String p1 = "President Volodymyr Zelensky said on Monday that Ukraine would never threaten its own citizens "
                + "in the east.";
        String p2 = "\u201CUkraine will defend every village,\u201D Zelensky told lawmakers, warning that forces "
                + "would respond to any attack.";
        EnrichedStory story = Stories.enriched(Stories.story("self-1", "Zelensky addresses parliament", null, p1, p2),
                List.of(), List.of(
                        Stories.signal("THREATEN", -7.0, Modality.ASSERTED, "UKR", "UKR", "Volodymyr Zelensky",
                                "forces would respond to any attack", p2),
                        Stories.signal("MOBILIZE", -7.2, Modality.ASSERTED, "UKR", "UKR", null, "defend", p2)),
                14.2);

        assertThat(alerts(story)).as("UKR->UKR is no dyad").isEmpty();
    }

    @Test
    void shouldLeaveSelfDyadSignalsOutOfTheHeadlineAndTheEvidence() {
        String p1 = "Russian forces struck targets in the Belgorod region, Russia's defence ministry said, in what "
                + "it called an exercise.";
        String p2 = "The Kremlin said it would retaliate against Ukraine for the drone attacks.";
        Signal self = Stories.signal("ASSAULT", -10.0, Modality.ASSERTED, "RUS", "RUS", null, "struck targets", p1);
        Signal threat = Stories.signal("THREATEN", -7.0, Modality.FUTURE, "RUS", "UKR", null, "would retaliate", p2);
        EnrichedStory story = Stories.enriched(Stories.story("self-2", "Kremlin vows retaliation", null, p1, p2),
                List.of(), List.of(self, threat), 17.0);

        assertThat(alerts(story)).singleElement().satisfies(alert -> {
            assertThat(alert.getDyad()).isEqualTo("RUS->UKR");
            assertThat(alert.getEvidence()).containsExactly(threat);
            assertThat(alert.getActors()).containsExactly("RUS", "UKR");
        });
    }

    @Test
    void shouldNeverAlertASelfDyadStanceChangeOrWindow() {
        Rule shift = Rule.of("shift", "1", "A shift").withTrigger(new Trigger.OnStanceChange(
                java.util.Set.of(), java.util.Set.of(), java.util.Set.of(StanceLevel.FORCE)));
        StanceChange change = StanceChange.newBuilder().setId("c1").setSource("UKR").setTarget("UKR")
                .setKind(StanceChangeKind.SHIFT).setBefore(StanceLevel.COOPERATION).setAfter(StanceLevel.FORCE)
                .setAt(Stories.PUBLISHED).build();
        Rule day = Rule.of("day", "1", "A hostile day").withTrigger(new Trigger.OnDyadWindow(java.util.Set.of(),
                -5.0, null, 1));
        DyadWindow window = DyadWindow.newBuilder().setSource("UKR").setTarget("UKR").setWindow("DAY")
                .setWindowStart(Stories.PUBLISHED).setWindowEnd(Stories.PUBLISHED.plusSeconds(86_400))
                .setSignals(3).setStories(2).setIntensityMean(-8.0).setConflictShare(1.0).build();

        assertThat(EventRules.evaluate(shift, change, NOW)).isNull();
        assertThat(EventRules.evaluate(shift, StanceChange.newBuilder(change).setTarget("RUS").build(), NOW))
                .as("the same change between two actors").isNotNull();
        assertThat(EventRules.evaluate(day, window, NOW)).isNull();
        assertThat(EventRules.evaluate(day, DyadWindow.newBuilder(window).setTarget("RUS").build(), NOW))
                .isNotNull();
    }

    @Test
    void shouldRaiseNothingForANormalisationAgreementThatMentionsPastThreats() {
        String p1 = "Armenia and Azerbaijan signed a peace agreement in Washington on Friday, ending decades of "
                + "conflict over the region.";
        String p2 = "Azerbaijan had threatened to open the corridor by force, and Armenia had rejected its demands "
                + "for months before the talks.";
        EnrichedStory story = Stories.enriched(Stories.story("peace-1", "Armenia and Azerbaijan sign peace deal",
                        null, p1, p2), List.of(),
                List.of(Stories.signal("AGREE", 6.0, Modality.ASSERTED, "ARM", "AZE", null, "signed a peace "
                                + "agreement", p1),
                        Stories.signal("THREATEN", -7.0, Modality.ASSERTED, "AZE", "ARM", null,
                                "threatened to open the corridor by force", p2),
                        Stories.signal("REJECT", -4.0, Modality.ASSERTED, "ARM", "AZE", null, "rejected its demands",
                                p2)),
                11.0);

        assertThat(alerts(story)).as("the story is the agreement; its threats are what it ends").isEmpty();
    }

    @Test
    void shouldLowerButKeepAnAttackBetweenActorsWhoExchangedPrisonersInTheSameStory() {
        String p1 = "Russia and Ukraine exchanged 95 prisoners of war on Wednesday, the defence ministries said.";
        String p2 = "Hours later, Russian drones attacked Odesa, killing two people.";
        List<Signal> exchangeAndAttack = List.of(
                Stories.signal("COOPERATE", 6.0, Modality.ASSERTED, "UKR", "RUS", null, "exchanged 95 prisoners",
                        p1),
                Stories.signal("ASSAULT", -10.0, Modality.ASSERTED, "RUS", "UKR", null, "attacked", p2));
        EnrichedStory story = Stories.enriched(Stories.story("swap-1", "Prisoner swap, then drone strikes", null,
                p1, p2), List.of(), exchangeAndAttack, 10.0);
        EnrichedStory attackAlone = Stories.enriched(Stories.story("swap-2", "Drone strikes on Odesa", null, p2),
                List.of(), List.of(exchangeAndAttack.get(1)), 10.0);

        Alert lowered = alerts(story).get(0);
        Alert plain = alerts(attackAlone).get(0);

        assertThat(plain.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(lowered.getSeverity()).as("one level below the same attack alone").isEqualTo(Severity.MEDIUM);
        assertThat(lowered.getDyad()).isEqualTo("RUS->UKR");
        assertThat(lowered.getExplanation()).contains("Lowered one level: UKR cooperated with RUS: "
                + "'exchanged 95 prisoners' in the same story");
    }

    @Test
    void shouldLowerButNeverDropAnOrderToSendTroopsBesideACooperationInTheSameSentence() {
        String p1 = "President Vladimir Putin ordered Russian troops into two breakaway regions of eastern Ukraine "
                + "after recognising their independence.";
        EnrichedStory story = Stories.enriched(Stories.story("troops-1", "Putin orders troops in", null, p1),
                List.of(), List.of(
                        Stories.signal("MOBILIZE", -7.2, Modality.ASSERTED, "RUS", "UKR", "Government of Russia",
                                "ordered Russian troops into", p1),
                        Stories.signal("SUPPORT", 3.5, Modality.ASSERTED, "RUS", "UKR", "Government of Russia",
                                "recognising", p1)),
                7.2);

        assertThat(alerts(story)).singleElement().satisfies(alert -> {
            assertThat(alert.getDyad()).isEqualTo("RUS->UKR");
            assertThat(alert.getSeverity()).as("MEDIUM for a mobilisation, one level lower").isEqualTo(Severity.LOW);
            assertThat(alert.getExplanation()).contains("Lowered one level");
        });
    }

    @Test
    void shouldHeadAnAttackStoryByTheAttackNotByAMinisterNamingIt() {
        String p1 = "Russian warplanes bombed residential districts of Kharkiv on Wednesday, officials said.";
        String p2 = "Ukraine's foreign minister called the bombardment a war crime.";
        Signal bombed = Stories.signal("FIGHT", -10.0, Modality.ASSERTED, "RUS", "UKR", null, "bombed", p1);
        Signal named = Signal.newBuilder(Stories.signal("FIGHT", -10.0, Modality.ASSERTED, "UKR", "WST",
                "Dmytro Kuleba", "bombardment", p2)).setStart(120).setEnd(131).build();
        EnrichedStory story = Stories.enriched(Stories.story("kharkiv-1", "Warplanes bomb Kharkiv", null, p1, p2),
                List.of(), List.of(named, bombed), 20.0);

        assertThat(alerts(story)).singleElement().satisfies(alert -> {
            assertThat(alert.getDyad()).isEqualTo("RUS->UKR");
            assertThat(alert.getEvidence().get(0)).isEqualTo(bombed);
        });
    }

    @Test
    void shouldNotLetCooperationOfOtherActorsOrARefusedDealOffsetAThreat() {
        String p1 = "The United States and Russia agreed to extend the arms control treaty.";
        String p2 = "Russia threatened Ukraine with retaliation, and it refused to sign a ceasefire agreement with "
                + "Kyiv.";
        EnrichedStory story = Stories.enriched(Stories.story("other-1", "Treaty extended; threats to Kyiv", null,
                        p1, p2), List.of(),
                List.of(Stories.signal("AGREE", 5.0, Modality.ASSERTED, "USA", "RUS", null, "agreed to extend", p1),
                        Stories.signal("AGREE", 5.0, Modality.NEGATED, "RUS", "UKR", null, "refused to sign", p2),
                        Stories.signal("THREATEN", -7.0, Modality.ASSERTED, "RUS", "UKR", null, "threatened", p2)),
                7.0);

        assertThat(alerts(story)).singleElement().satisfies(alert -> {
            assertThat(alert.getDyad()).isEqualTo("RUS->UKR");
            assertThat(alert.getSeverity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.getExplanation()).doesNotContain("Lowered", "set aside");
        });
    }

    @Test
    void shouldSaySetAsideSignalsWhenAnAlertStillFires() {
        String p1 = "Israel and the United Arab Emirates agreed to normalise relations.";
        String p2 = "Israel rejected the Emirati demand and demanded a new vote; separately it threatened Hamas.";
        EnrichedStory story = Stories.enriched(Stories.story("mix-1", "Normalisation", null, p1, p2), List.of(),
                List.of(Stories.signal("AGREE", 6.0, Modality.ASSERTED, "ISR", "ARE", null, "agreed to normalise",
                                p1),
                        Stories.signal("REJECT", -4.0, Modality.ASSERTED, "ISR", "ARE", null, "rejected", p2),
                        Stories.signal("THREATEN", -7.0, Modality.ASSERTED, "ISR", "HAMAS", null, "threatened", p2)),
                11.0);

        assertThat(alerts(story)).singleElement().satisfies(alert -> {
            assertThat(alert.getDyad()).isEqualTo("ISR->HAMAS");
            assertThat(alert.getEvidence()).extracting(Signal::getTarget).containsExactly("HAMAS");
            assertThat(alert.getExplanation()).contains("1 signal set aside: said between actors who cooperate in "
                    + "this story");
        });
    }

    @Test
    void shouldKeepTheSignalTheSentenceAndTheRuleInEveryAlert() {
        List<EnrichedStory> stories = List.of(Stories.seed(), Stories.seedAsTagged(), Stories.conditionalThreat());
        for (EnrichedStory story : stories) {
            for (Alert alert : alerts(story)) {
                Signal headline = alert.getEvidence().get(0);
                String text = String.join("\n\n", story.getStory().getParagraphs());
                assertThat(alert.getRuleId()).isEqualTo("escalation");
                assertThat(alert.getRuleVersion()).isEqualTo("3");
                assertThat(alert.getExplanation()).contains("Rule escalation v3.")
                        .contains("'" + headline.getEvidence().strip() + "'");
                assertThat(alert.getTitle()).contains(headline.getEvidence().strip());
                assertThat(headline.getSentence()).isNotBlank().contains(headline.getEvidence().strip());
                assertThat(text).as(story.getStory().getId()).contains(headline.getSentence());
                assertThat(story.getSignals()).containsAll(alert.getEvidence());
            }
        }
        Rule shift = Rule.of("shift", "4", "A shift").withTrigger(new Trigger.OnStanceChange(java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of())).withLevelSeverity(Map.of(StanceLevel.THREAT, Severity.HIGH));
        String s = "\u201CMoscow will take the necessary retaliatory measures,\u201D Lavrov said.";
        Signal after = Stories.signal("THREATEN", -7.0, Modality.FUTURE, "RUS", "WST", "Sergei Lavrov",
                "retaliatory measures", s);
        Alert changed = EventRules.evaluate(shift, StanceChange.newBuilder().setId("c2").setSource("RUS")
                .setTarget("WST").setKind(StanceChangeKind.SHIFT).setBefore(StanceLevel.COOPERATION)
                .setAfter(StanceLevel.THREAT).setAt(Stories.PUBLISHED).setEvidenceAfter(after).build(), NOW);
        assertThat(changed).isNotNull();
        assertThat(changed.getEvidence()).containsExactly(after);
        assertThat(changed.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(changed.getExplanation()).contains("moved from cooperation to threat", "'retaliatory measures'",
                "Rule shift v4.");
    }
}
