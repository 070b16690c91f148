package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternStanceTaggerTest {

    private static Signal only(String category, List<Signal> signals) {
        List<Signal> found = signals.stream().filter(s -> s.getCategory().name().equals(category)).toList();
        assertThat(found).as(Tagging.describe(signals)).hasSize(1);
        return found.get(0);
    }

    @Test
    void shouldReadRefusalsInManyWordings() {
        for (String sentence : List.of("Russia ruled out any concession to NATO.",
                "Russia refused to yield to NATO pressure.",
                "Russia will not compromise with NATO.",
                "Russia said there would be no concessions to NATO.",
                "Russia won't back down, officials told NATO.")) {
            List<Signal> signals = Tagging.signals(sentence);
            assertThat(signals).as(sentence + "\n" + Tagging.describe(signals)).anyMatch(s ->
                    s.getCategory() == PloverCategory.REJECT && s.getModality() == Modality.ASSERTED
                            && "RUS".equals(s.getSource()) && "NATO".equals(s.getTarget()));
        }
    }

    @Test
    void shouldReadThreatsInManyWordings() {
        for (String sentence : List.of("Moscow said retaliatory measures will be taken against Washington.",
                "The Kremlin warned of a response to Washington.",
                "Russia threatened the United States with countermeasures.")) {
            List<Signal> signals = Tagging.signals(sentence);
            assertThat(signals).as(sentence + "\n" + Tagging.describe(signals)).anyMatch(s ->
                    s.getCategory() == PloverCategory.THREATEN && "RUS".equals(s.getSource())
                            && "USA".equals(s.getTarget()));
        }
    }

    @Test
    void shouldMarkALavrovStyleThreatAsConditional() {
        Signal threat = only("THREATEN", Tagging.signals(
                "“If the West continues its aggressive course, Moscow will take the necessary retaliatory measures,”"
                        + " Sergei Lavrov said."));
        assertThat(threat.getModality()).isEqualTo(Modality.CONDITIONAL);
        assertThat(threat.getSource()).isEqualTo("RUS");
        assertThat(threat.getTarget()).isEqualTo("WST");
        assertThat(threat.getSpeaker()).isEqualTo("Sergei Lavrov");
        assertThat(threat.getRule()).startsWith("threaten.");
    }

    @Test
    void shouldMarkADenialAsDenied() {
        Signal attack = only("FIGHT", Tagging.signals("The Kremlin has repeatedly denied any plans to attack "
                + "Ukraine."));
        assertThat(attack.getModality()).isEqualTo(Modality.DENIED);
        assertThat(attack.getEvidence()).isEqualTo("attack");
    }

    @Test
    void shouldMarkAReportThatSomethingDidNotHappenAsNegated() {
        Signal threat = only("THREATEN", Tagging.signals("Russia did not threaten Ukraine, officials said."));
        assertThat(threat.getModality()).isEqualTo(Modality.NEGATED);
    }

    @Test
    void shouldTreatAQuestionAsSpeculation() {
        Signal attack = only("FIGHT", Tagging.signals("Will Russia attack Ukraine?"));
        assertThat(attack.getModality()).isEqualTo(Modality.SPECULATIVE);
    }

    @Test
    void shouldTreatBombingInAnExerciseAsAShowOfForce() {
        List<Signal> signals = Tagging.signals("As part of the drills, Russian warplanes bombed targets in the "
                + "Baltic Sea.");
        assertThat(signals).as(Tagging.describe(signals)).isNotEmpty().allMatch(s ->
                s.getCategory() == PloverCategory.MOBILIZE && "RUS".equals(s.getSource()));
        assertThat(Tagging.signals("Russian warplanes bombed Kharkiv on Monday.")).anyMatch(s ->
                s.getCategory() == PloverCategory.FIGHT && s.getModality() == Modality.ASSERTED);
    }

    @Test
    void shouldLeaveHistoryOut() {
        assertThat(Tagging.signals("Russia invaded Crimea in 2014, officials recalled.")).isEmpty();
        assertThat(Tagging.signals("The talks focused on the 2015 Minsk agreement signed by Russia.")).noneMatch(
                s -> s.getCategory() == PloverCategory.AGREE);
    }

    @Test
    void shouldTurnARefusedOfferIntoARejection() {
        Signal signal = only("REJECT", Tagging.signals("Iran refused to negotiate with the United States."));
        assertThat(signal.getSource()).isEqualTo("IRN");
        assertThat(signal.getTarget()).isEqualTo("USA");
        assertThat(signal.getCameoCode()).isEqualTo("125");
        assertThat(signal.getEvidence()).isEqualTo("refused to negotiate");
    }

    @Test
    void shouldReadAnOfferOfTalksAsAgreement() {
        List<Signal> signals = Tagging.signals("Turkey offered to host talks between Russia and Ukraine.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getCategory() == PloverCategory.AGREE
                && "TUR".equals(s.getSource()) && s.getIntensity() > 0);
    }

    @Test
    void shouldReadANatoDemandFromTheSpeakerTowardTheSubject() {
        Signal demand = only("DEMAND", Tagging.signals(
                "“Russia should withdraw its forces from Ukraine,” NATO Secretary General Mark Rutte said."));
        assertThat(demand.getSource()).isEqualTo("NATO");
        assertThat(demand.getTarget()).isEqualTo("RUS");
        assertThat(demand.getSpeaker()).isEqualTo("Mark Rutte");
    }

    @Test
    void shouldGiveEachSignalItsEvidenceSpanSentenceCodeAndIntensity() {
        String text = "Russia ruled out any concession to NATO.";
        Signal signal = only("REJECT", Tagging.signals(text));
        assertThat(text.substring(signal.getStart(), signal.getEnd())).isEqualTo(signal.getEvidence());
        assertThat(signal.getSentence()).isEqualTo(text);
        assertThat(signal.getCameoCode()).isEqualTo("124");
        assertThat(signal.getIntensity()).isEqualTo(-4.0);
    }

    @Test
    void shouldEmitNothingWithoutAnActor() {
        assertThat(Tagging.signals("There will be no change to the dividend, the company said.")).isEmpty();
    }

    @Test
    void shouldNotFireOnWordsInsideNames() {
        assertThat(Tagging.signals("The Asia-Pacific Economic Cooperation forum met in Japan on Monday."))
                .noneMatch(s -> s.getCategory() == PloverCategory.COOPERATE);
    }

    @Test
    void shouldCallViolenceAgainstCiviliansAssaultAndBattlesFight() {
        assertThat(Tagging.signals("Gunmen from Russia killed civilians in a refugee camp in Ukraine.")).anyMatch(s ->
                s.getCategory() == PloverCategory.ASSAULT && "RUS".equals(s.getSource()));
        assertThat(Tagging.signals("Russian forces shelled Ukrainian positions near Kharkiv.")).anyMatch(s ->
                s.getCategory() == PloverCategory.FIGHT && "RUS".equals(s.getSource()));
        // the means of war make it military force (CAMEO 19), whoever is hit
        assertThat(Tagging.signals("Russian forces shelled a refugee camp in Ukraine.")).anyMatch(s ->
                s.getCategory() == PloverCategory.FIGHT && "RUS".equals(s.getSource()));
    }

    @Test
    void shouldReadStatedIntentAsAgreementOrThreat() {
        assertThat(Tagging.signals("Syria says it is willing to withdraw its troops from Lebanon.")).anyMatch(s ->
                s.getCategory() == PloverCategory.AGREE && "SYR".equals(s.getSource()));
        assertThat(Tagging.signals("Palestinian leaders said they would boycott all contact with the United States."))
                .anyMatch(s -> s.getCategory() == PloverCategory.THREATEN && "PSE".equals(s.getSource()));
    }

    @Test
    void shouldReadExercisesOfSeveralStatesAsCooperation() {
        assertThat(Tagging.signals("French and Egyptian warships launched naval exercises in the Mediterranean."))
                .anyMatch(s -> s.getCategory() == PloverCategory.COOPERATE);
    }
}
