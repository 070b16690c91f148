package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which clause carries a sentence's news, and refusals and denials as acts of their own: short wire stories, each
 * with the reading an analyst would give it.
 */
class ClausesAndRefusalsTest {

    @Test
    void shouldReadAStatedUnwillingnessToNegotiateAsARejection() {
        List<Signal> signals = Tagging.signals("TEHRAN (Wire) — Iran is not seeking a ceasefire with Israel, its"
                + " foreign minister said on Monday.", "He added that Iran does not want to negotiate with Israel"
                + " while the strikes continue.");
        assertThat(signals).as(Tagging.describe(signals))
                .anyMatch(s -> s.getCategory() == PloverCategory.REJECT && s.getSentence().contains("not seeking")
                        && "IRN".equals(s.getSource()))
                .anyMatch(s -> s.getCategory() == PloverCategory.REJECT && s.getSentence().contains("not want")
                        && "IRN".equals(s.getSource()))
                .noneMatch(s -> s.getCategory() == PloverCategory.RETREAT || s.getCategory() == PloverCategory.CONSULT);
    }

    @Test
    void shouldCodeADenialAsTheDeniersRejectionAndTheDeniedAttackAsDenied() {
        List<Signal> signals = Tagging.signals("BEIRUT (Wire) — Hezbollah denied any involvement in the rocket"
                + " attack on Israel on Tuesday.", "A spokesman said the group had not fired at Israel.");
        assertThat(signals).as(Tagging.describe(signals))
                .first().satisfies(s -> {
                    assertThat(s.getCategory()).isEqualTo(PloverCategory.REJECT);
                    assertThat(s.getCameoCode()).isEqualTo("016"); // CAMEO: deny responsibility
                    assertThat(s.getModality()).isEqualTo(Modality.ASSERTED);
                });
        assertThat(signals).as(Tagging.describe(signals))
                .noneMatch(s -> s.getCategory() == PloverCategory.FIGHT && s.getModality() == Modality.ASSERTED);
        assertThat(WeightedEscalationScorer.standard().score(signals)).isLessThan(3.0);
    }

    @Test
    void shouldTakeWhatATrailingAfterClauseReportsAsBackground() {
        List<Signal> signals = Tagging.signals("OTTAWA (Wire) — A new bridge between Canada and the United States"
                + " opened to traffic on Friday after months of delay due to the tariffs the United States imposed"
                + " on Canada.", "The prime minister of Mongolia resigns after weeks of protests against him.");
        assertThat(signals).as(Tagging.describe(signals))
                .noneMatch(s -> s.getCategory() == PloverCategory.SANCTION)
                .noneMatch(s -> s.getCategory() == PloverCategory.PROTEST);
    }

    @Test
    void shouldStillReadTheMainClauseBeforeATrailingClause() {
        List<Signal> signals = Tagging.signals("ISLAMABAD (Wire) — Pakistan expelled India's envoy on Thursday after"
                + " a bombing in Kashmir, and threatened to retaliate against India.");
        assertThat(signals).as(Tagging.describe(signals))
                .anyMatch(s -> s.getCategory() == PloverCategory.SANCTION && "PAK".equals(s.getSource()))
                .anyMatch(s -> s.getCategory() == PloverCategory.THREATEN && "PAK".equals(s.getSource())
                        && "IND".equals(s.getTarget())); // the coordinated verb keeps its subject; India is threatened
    }

    @Test
    void shouldPutTheMainClausesActBeforeAnAsideInARelativeClause() {
        List<Signal> signals = Tagging.signals("BAKU (Wire) — The president of Iran, who denies any involvement in"
                + " the blast, told Azerbaijan that Iran is investigating the incident.");
        assertThat(signals).as(Tagging.describe(signals)).isNotEmpty();
        assertThat(signals.get(0).getCategory()).as(Tagging.describe(signals)).isEqualTo(PloverCategory.INVESTIGATE);
    }

    @Test
    void shouldNotReadADeclineInFiguresAsARefusal() {
        List<Signal> signals = Tagging.signals("SEOUL (Wire) — Exports from South Korea to China saw a sharp decline"
                + " in March, the trade ministry said.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.REJECT);
        List<Signal> refused = Tagging.signals("SEOUL (Wire) — South Korea declined to join the talks with China.");
        assertThat(refused).as(Tagging.describe(refused)).anyMatch(s -> s.getCategory() == PloverCategory.REJECT);
    }

    @Test
    void shouldCodeNothingForWordsThatOnlyLookLikeEvents() {
        List<Signal> signals = Tagging.signals("KATHMANDU (Wire) — Nepal's election commission released the results"
                + " of the vote on Sunday.", "The president of Madagascar dismissed the prime minister and his"
                + " cabinet.", "A climber from Nepal reached the summit of Mount Everest for the tenth time.",
                "A video game company from the United States agreed to be acquired by investors from Saudi Arabia.");
        assertThat(signals).as(Tagging.describe(signals)).isEmpty();
    }

    @Test
    void shouldReadWhatAnAnniversaryRecallsAsHistory() {
        List<Signal> signals = Tagging.signals("LONDON (Wire) — The King of the United Kingdom opened a memorial on"
                + " the 25th anniversary of the end of the ban by Britain on gay servicemen.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.COERCE);
    }

    @Test
    void shouldReadAnEntryBanOnAnotherStatesPeopleAsASanction() {
        List<Signal> signals = Tagging.signals("NIAMEY (Wire) — Niger imposed a ban on visas for citizens of the"
                + " United States on Monday.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getCategory() == PloverCategory.SANCTION
                && "NER".equals(s.getSource()) && "USA".equals(s.getTarget()));
    }

    @Test
    void shouldReadKillingsByAirStrikesAsFightingAndDeathsInLandslidesAsNoEvent() {
        List<Signal> strikes = Tagging.signals("N'DJAMENA (Wire) — Dozens of fishermen from Nigeria were killed in"
                + " airstrikes by Chad near the lake.");
        assertThat(strikes).as(Tagging.describe(strikes)).anyMatch(s -> s.getCategory() == PloverCategory.FIGHT);
        List<Signal> landslides = Tagging.signals("WELLINGTON (Wire) — Two people were killed in landslides in New"
                + " Zealand on Thursday.");
        assertThat(landslides).as(Tagging.describe(landslides)).isEmpty();
    }

    @Test
    void shouldReadTheWarningNotTheConditionItNames() {
        List<Signal> signals = Tagging.signals("WASHINGTON (Wire) — The president of the United States warned Iran"
                + " that its cities will be destroyed if it does not agree to a deal by noon.");
        assertThat(signals).as(Tagging.describe(signals)).isNotEmpty();
        assertThat(signals.get(0).getCategory()).as(Tagging.describe(signals)).isEqualTo(PloverCategory.THREATEN);
    }
}
