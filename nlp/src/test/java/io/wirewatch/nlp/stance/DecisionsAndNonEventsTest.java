package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decided measures announced for later, and the words of elections, remembrance and risk that only look like
 * events: short wire stories, each with the reading an analyst would give it.
 */
class DecisionsAndNonEventsTest {

    @Test
    void shouldCodeAnAnnouncedTariffRiseAsTheSanctionForLaterNotAThreat() {
        List<Signal> signals = Tagging.signals("BEIJING (Wire) — China announced on Friday that it will impose"
                + " tariffs of 25% on soybeans from the United States from next month.");
        assertThat(signals).as(Tagging.describe(signals)).first().satisfies(s -> {
            assertThat(s.getCategory()).isEqualTo(PloverCategory.SANCTION);
            assertThat(s.getModality()).isEqualTo(Modality.FUTURE);
            assertThat(s.getSource()).isEqualTo("CHN");
        });
    }

    @Test
    void shouldCodeAnAnnouncedWithdrawalAsTheWithdrawalNotAPromise() {
        List<Signal> signals = Tagging.signals("PARIS (Wire) — France announced that it will withdraw its troops"
                + " from Mali by the end of the summer.");
        assertThat(signals).as(Tagging.describe(signals)).first().satisfies(s -> {
            assertThat(s.getCategory()).isEqualTo(PloverCategory.RETREAT);
            assertThat(s.getModality()).isEqualTo(Modality.FUTURE);
        });
    }

    @Test
    void shouldKeepAWarningThatAMeasureWillComeAsAThreat() {
        List<Signal> signals = Tagging.signals("WASHINGTON (Wire) — The United States warned China that it will"
                + " impose new sanctions if Beijing sends weapons to Iran.");
        assertThat(signals).as(Tagging.describe(signals)).first()
                .satisfies(s -> assertThat(s.getCategory()).isEqualTo(PloverCategory.THREATEN));
    }

    @Test
    void shouldReadAnAnnouncedReadinessAsAnOfferNotADecision() {
        List<Signal> signals = Tagging.signals("ADDIS ABABA (Wire) — Ethiopia announced that it is ready to"
                + " withdraw its troops from Somalia if the African Union asks it to.");
        assertThat(signals).as(Tagging.describe(signals))
                .noneMatch(s -> s.getRule().endsWith("+decided"));
    }

    @Test
    void shouldNotReadAConcededElectionAsAPoliticalConcession() {
        List<Signal> signals = Tagging.signals("LIMA (Wire) — The opposition candidate conceded defeat in Peru's"
                + " presidential election on Monday and congratulated the winner.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.CONCEDE);
    }

    @Test
    void shouldNotReadTheSurvivorsOfPastBombingsAsAnAttack() {
        List<Signal> signals = Tagging.signals("MADRID (Wire) — Spain's king laid a wreath on Thursday, joined by"
                + " survivors of the bombings and the families of the victims of the attack.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.FIGHT
                || s.getCategory() == PloverCategory.ASSAULT);
    }

    @Test
    void shouldNotReadATravelAdvisorysRiskOfAttacksAsAnAttack() {
        List<Signal> signals = Tagging.signals("LONDON (Wire) — Britain raised its travel advice for Kenya and"
                + " warned of the risk of terrorist attacks in Nairobi.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.FIGHT
                || s.getCategory() == PloverCategory.ASSAULT);
    }

    @Test
    void shouldNotReadWhatAnAdvisoryWarnsAgainstAsAnAct() {
        List<Signal> signals = Tagging.signals("NEW DELHI (Wire) — India's shipping regulator warned companies not"
                + " to deploy Indian sailors on ships sailing near Yemen, where Houthi forces have attacked vessels.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.MOBILIZE);
    }

    @Test
    void shouldReadARevokedVisaAndHaltedArmsSalesAsSanctionsAndAWarningOfConflictAsAThreat() {
        List<Signal> visa = Tagging.signals("WASHINGTON (Wire) — The United States revoked the visa of Brazil's"
                + " foreign minister on Monday.");
        assertThat(visa).as(Tagging.describe(visa)).first()
                .satisfies(s -> assertThat(s.getCategory()).isEqualTo(PloverCategory.SANCTION));
        List<Signal> sales = Tagging.signals("BERLIN (Wire) — Germany halted arms sales to Turkey on Thursday.");
        assertThat(sales).as(Tagging.describe(sales)).first()
                .satisfies(s -> assertThat(s.getCategory()).isEqualTo(PloverCategory.SANCTION));
        List<Signal> warned = Tagging.signals("BEIJING (Wire) — China warned Japan that there would be conflict if"
                + " Tokyo sent warships to the strait.");
        assertThat(warned).as(Tagging.describe(warned)).first().satisfies(s -> {
            assertThat(s.getCategory()).isEqualTo(PloverCategory.THREATEN);
            assertThat(s.getSource()).isEqualTo("CHN");
        });
    }

    @Test
    void shouldTakeWhatProtestersDoRatherThanTheWordProtesters() {
        List<Signal> signals = Tagging.signals("LA PAZ (Wire) — Thousands of protesters demanded the resignation of"
                + " Bolivia's president on Tuesday.");
        assertThat(signals).as(Tagging.describe(signals)).first()
                .satisfies(s -> assertThat(s.getCategory()).isEqualTo(PloverCategory.DEMAND));
        List<Signal> gathered = Tagging.signals("LA PAZ (Wire) — Thousands of protesters gathered outside Bolivia's"
                + " parliament on Tuesday.");
        assertThat(gathered).as(Tagging.describe(gathered)).first()
                .satisfies(s -> assertThat(s.getCategory()).isEqualTo(PloverCategory.PROTEST));
    }

    @Test
    void shouldReadInterceptedMissilesAsFightingAndHandedOverHostagesAsARelease() {
        List<Signal> intercepted = Tagging.signals("JERUSALEM (Wire) — Israel intercepted two missiles launched"
                + " from Yemen by the Houthis on Sunday.");
        assertThat(intercepted).as(Tagging.describe(intercepted)).first()
                .satisfies(s -> assertThat(s.getCategory()).isEqualTo(PloverCategory.FIGHT));
        List<Signal> handed = Tagging.signals("GAZA (Wire) — Hamas handed over three Israeli hostages to the Red"
                + " Cross on Saturday.");
        assertThat(handed).as(Tagging.describe(handed)).first()
                .satisfies(s -> assertThat(s.getCategory()).isEqualTo(PloverCategory.RETREAT));
    }
}
