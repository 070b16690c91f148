package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quiet stories stay quiet: an urging to keep talking is a cooperative appeal, not a demand, and exercises are a
 * show of force only when someone stages them.
 */
class AppealAndExerciseTest {

    private final WeightedEscalationScorer scorer = WeightedEscalationScorer.standard();

    @Test
    void shouldReadAnUrgingOfAllSidesToKeepTalkingAsAnAppealWithNoTarget() {
        List<Signal> signals = Tagging.signals("Austria's chancellor urged all sides to return to the negotiating"
                + " table and keep diplomatic channels open.");
        assertThat(signals).as(Tagging.describe(signals))
                .anyMatch(s -> s.getCategory() == PloverCategory.APPEAL && "AUT".equals(s.getSource())
                        && s.getTarget() == null && s.getIntensity() > 0)
                .noneMatch(s -> s.getCategory() == PloverCategory.DEMAND);
        assertThat(scorer.score(signals)).isZero();
    }

    @Test
    void shouldReadACallForRestraintAndDialogueAsAnAppealToTheParty() {
        List<Signal> signals = Tagging.signals("China called on India to show restraint and settle the dispute"
                + " through dialogue.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getCategory() == PloverCategory.APPEAL
                && "CHN".equals(s.getSource()) && "IND".equals(s.getTarget()) && s.getIntensity() > 0);
    }

    @Test
    void shouldKeepAnUrgingToWithdrawADemand() {
        List<Signal> signals = Tagging.signals("The European Union urged Turkey to withdraw its troops from the"
                + " border.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getCategory() == PloverCategory.DEMAND
                && "EU".equals(s.getSource()) && "TUR".equals(s.getTarget()))
                .noneMatch(s -> s.getCategory() == PloverCategory.APPEAL);
    }

    @Test
    void shouldNotCountExercisesThatAreOnlyATopicAsMobilisation() {
        for (String text : List.of(
                "Polish officials said they would watch the Turkish drills closely.",
                "Turkish soldiers taking part in the manoeuvres will go back to their bases once the exercises end.",
                "There are no plans to keep Turkish units in the region after the exercises, the ministry said.")) {
            List<Signal> signals = Tagging.signals(text);
            assertThat(signals).as(text + "\n" + Tagging.describe(signals))
                    .noneMatch(s -> s.getCategory() == PloverCategory.MOBILIZE);
        }
    }

    @Test
    void shouldCountExercisesAnActorStagesAsAShowOfForce() {
        for (String text : List.of("China launched naval exercises near Taiwan on Monday.",
                "Chinese warships sailed for live-fire drills near Taiwan.",
                "Large-scale Chinese exercises began near Taiwan on Monday.")) {
            List<Signal> signals = Tagging.signals(text);
            assertThat(signals).as(text + "\n" + Tagging.describe(signals))
                    .anyMatch(s -> s.getCategory() == PloverCategory.MOBILIZE && "CHN".equals(s.getSource()));
        }
    }

    @Test
    void shouldLowerAShowOfForceThatItsStagerSaysIsNotDirectedAtAnyone() {
        Signal plain = only(Tagging.signals("Turkey launched military exercises on Monday."));
        Signal disclaimed = only(Tagging.signals("Turkey launched military exercises on Monday, saying they were"
                + " not directed against any neighbouring country."));
        assertThat(disclaimed.getRule()).endsWith("+disclaimed");
        assertThat(disclaimed.getTarget()).isNull();
        assertThat(-disclaimed.getIntensity()).isLessThan(-plain.getIntensity()).isPositive();
    }

    @Test
    void shouldReadAnOfferToHostTalksAsAnOfferNotAsTalksHeld() {
        List<Signal> signals = Tagging.signals("Norway said it was ready to host a new round of talks between"
                + " Serbia and Croatia.");
        assertThat(signals).as(Tagging.describe(signals))
                .anyMatch(s -> s.getCategory() == PloverCategory.AGREE && "NOR".equals(s.getSource()))
                .noneMatch(s -> s.getCategory() == PloverCategory.CONSULT);
    }

    @Test
    void shouldNotMistakeHostingBasesForHostingTalks() {
        List<Signal> signals = Tagging.signals("Serbia denied any plans to host foreign military bases.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.CONSULT);
        List<Signal> visit = Tagging.signals("Serbia hosted the Croatian president in Belgrade on Monday.");
        assertThat(visit).as(Tagging.describe(visit)).anyMatch(s -> s.getCategory() == PloverCategory.CONSULT
                && s.getEvidence().startsWith("hosted") && "SRB".equals(s.getSource()));
    }

    private static Signal only(List<Signal> signals) {
        List<Signal> mobilize = signals.stream().filter(s -> s.getCategory() == PloverCategory.MOBILIZE).toList();
        assertThat(mobilize).as(Tagging.describe(signals)).hasSize(1);
        return mobilize.get(0);
    }
}
