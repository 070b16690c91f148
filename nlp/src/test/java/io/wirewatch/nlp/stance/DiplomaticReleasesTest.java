package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prose of government press releases and readouts: congratulations, wishes, commitments to cooperate. Short
 * releases written in that style, each with the reading the CAMEO codebook gives it.
 */
class DiplomaticReleasesTest {

    private static Signal first(String story) {
        List<Signal> signals = Tagging.signals(story);
        assertThat(signals).as(Tagging.describe(signals)).isNotEmpty();
        return signals.get(0);
    }

    @Test
    void shouldReadCongratulationsAndWishesAsSupportFromWhoeverSendsThem() {
        Signal congratulation = first("National Day of Iceland. On behalf of the Government of the United States of"
                + " America, I congratulate the people of Iceland as you celebrate your National Day.");
        assertThat(congratulation.getCategory()).isEqualTo(PloverCategory.SUPPORT);
        assertThat(congratulation.getSource()).isEqualTo("USA");
        assertThat(congratulation.getTarget()).isEqualTo("ISL");
        assertThat(first("Independence Day of Ghana. On behalf of the Government of Canada, I send best wishes to"
                + " the people of Ghana.").getCategory()).isEqualTo(PloverCategory.SUPPORT);
    }

    @Test
    void shouldReadACommitmentToCooperateAsAnIntentNotAnAct() {
        assertThat(first("Readout. The Deputy Secretary and the Japanese vice foreign minister reaffirmed their"
                + " commitment to close cooperation on regional security.").getCategory())
                .isEqualTo(PloverCategory.AGREE);
        assertThat(first("SEOUL (Wire) — South Korea and Japan cooperated on the rescue of the ship's crew on"
                + " Monday.").getCategory()).isEqualTo(PloverCategory.COOPERATE);
    }

    @Test
    void shouldReadANamedMeetingThatWasHeldAsConsultation() {
        Signal held = first("Joint statement. On June 2, the Governments of the United States and North Macedonia"
                + " held a Strategic Dialogue in Washington focused on deepening the bilateral partnership.");
        assertThat(held.getCategory()).isEqualTo(PloverCategory.CONSULT);
    }

    @Test
    void shouldReadLookingForwardToWorkTogetherAsAnIntentToCooperate() {
        assertThat(first("Independence Day of Burundi. The United States looks forward to our continued work"
                + " together with Burundi to advance public health.").getCategory()).isEqualTo(PloverCategory.AGREE);
    }

    @Test
    void shouldReadAnAttackOnAnInstitutionAsCriticismNotForce() {
        Signal words = first("Press statement. The United States condemned on Monday what it called the Attorney"
                + " General's brazen attacks on Guatemala's justice system.");
        assertThat(words.getCategory()).isEqualTo(PloverCategory.DISAPPROVE);
        List<Signal> signals = Tagging.signals("GUATEMALA CITY (Wire) — Guatemala's Attorney General kept up her"
                + " attacks on the justice system on Monday.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.FIGHT);
    }

    @Test
    void shouldReadDesignationsGratitudeAndReadinessToTalk() {
        assertThat(first("Press statement. The Department of State is designating the Katibat al Tawhid wal Jihad"
                + " group of Syria as a Specially Designated Global Terrorist.").getCategory())
                .isEqualTo(PloverCategory.SANCTION);
        assertThat(first("Readout. The Secretary reiterated the gratitude of the United States to the Government of"
                + " Colombia for its outreach to migrants.").getCategory()).isEqualTo(PloverCategory.SUPPORT);
        assertThat(first("Readout. The Deputy Secretary highlighted the United States' continued readiness to engage"
                + " in serious diplomacy with North Korea.").getCategory()).isEqualTo(PloverCategory.AGREE);
    }

    @Test
    void shouldNeverMakeTheOneAddressedTheActorWhenTheSubjectIsAnUnresolvedPronoun() {
        Signal thanks = first("Readout. He reiterated our gratitude to the Government of Colombia for its outreach to"
                + " migrants.");
        assertThat(thanks.getCategory()).isEqualTo(PloverCategory.SUPPORT);
        assertThat(thanks.getSource()).isNull();
        assertThat(thanks.getTarget()).isEqualTo("COL");
        Signal wishes = first("Independence Day. On behalf of the Government of Canada, we send best wishes to the"
                + " people of Ghana.");
        assertThat(wishes.getSource()).isEqualTo("CAN");
        assertThat(wishes.getTarget()).isEqualTo("GHA");
    }

    @Test
    void shouldNotLetARoleNoAnalystCanNameAct() {
        for (String story : List.of("Transcript. AMBASSADOR NIDES: Welcome, everybody.",
                "Press statement. The killing of civilians is unacceptable, and all states must respect their"
                        + " obligations under international law.")) {
            List<Signal> signals = Tagging.signals(story);
            assertThat(signals).as(story + " " + Tagging.describe(signals)).isEmpty();
        }
        assertThat(first("DAMASCUS (Wire) — The Ministry of National Defense blames the Islamic State for the"
                + " bombing.").getCategory()).isEqualTo(PloverCategory.DISAPPROVE);
    }
}
