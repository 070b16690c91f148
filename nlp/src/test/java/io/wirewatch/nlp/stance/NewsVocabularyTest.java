package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words of news prose whose event depends on what they govern: what was struck, withdrawn, blocked, executed,
 * pardoned or released. Short wire stories, each with the reading an analyst would give it.
 */
class NewsVocabularyTest {

    private static PloverCategory first(String story) {
        List<Signal> signals = Tagging.signals(story);
        assertThat(signals).as(Tagging.describe(signals)).isNotEmpty();
        return signals.get(0).getCategory();
    }

    @Test
    void shouldReadStrikesOnMilitaryTargetsAsFightingButNotAStruckDeal() {
        assertThat(first("ANKARA (Wire) — Turkey struck Kurdish militant positions and weapons depots in northern"
                + " Iraq on Sunday, the defence ministry said.")).isEqualTo(PloverCategory.FIGHT);
        List<Signal> deal = Tagging.signals("NAIROBI (Wire) — Kenya struck a deal with Ethiopia on Friday to share"
                + " power from a new dam.");
        assertThat(deal).as(Tagging.describe(deal)).noneMatch(s -> s.getCategory() == PloverCategory.FIGHT);
    }

    @Test
    void shouldReadAWithdrawnCaseAsAConcessionAndWithdrawnTroopsAsARetreat() {
        assertThat(first("THE HAGUE (Wire) — Colombia withdrew its complaint against Nicaragua at the World Court on"
                + " Monday.")).isEqualTo(PloverCategory.CONCEDE);
        assertThat(first("BAMAKO (Wire) — France withdrew its troops from Mali on Monday."))
                .isEqualTo(PloverCategory.RETREAT);
    }

    @Test
    void shouldReadBlockedAidAsCoercionNotAid() {
        assertThat(first("KHARTOUM (Wire) — Sudan blocked humanitarian convoys bound for Darfur on Tuesday, the"
                + " United Nations said.")).isEqualTo(PloverCategory.COERCE);
    }

    @Test
    void shouldReadAJudicialExecutionAsRepressionAndPardonedPrisonersAsARelease() {
        assertThat(first("TEHRAN (Wire) — Iran executed two men convicted of spying for Israel on Wednesday."))
                .isEqualTo(PloverCategory.COERCE);
        assertThat(first("MINSK (Wire) — Belarus pardoned 30 political prisoners on Thursday ahead of talks with"
                + " the United States.")).isEqualTo(PloverCategory.RETREAT);
    }

    @Test
    void shouldNotReadAReleasedLetterAsARelease() {
        List<Signal> signals = Tagging.signals("TEHRAN (Wire) — Iran's president released a letter to the American"
                + " people on Sunday.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.RETREAT);
    }

    @Test
    void shouldNotReadMedicineTheArmsTradeOrThePressAsEvents() {
        for (String story : List.of(
                "ABUJA (Wire) — Nigeria's former oil minister died of a heart attack in London on Sunday, his family"
                        + " said.",
                "BUJUMBURA (Wire) — The government of Burundi announced the cause of death as a cardiac arrest.",
                "VIENNA (Wire) — Hungary's state arms company bought the Austrian shell manufacturer Hirtenberger on"
                        + " Monday.",
                "TEHRAN (Wire) — A cargo plane, reported by local press as belonging to the Iranian military,"
                        + " crashed into houses near Tehran.")) {
            List<Signal> signals = Tagging.signals(story);
            assertThat(signals).as(story + " " + Tagging.describe(signals)).isEmpty();
        }
        assertThat(first("WASHINGTON (Wire) — The United States pressed Israel to allow more aid into Gaza on"
                + " Monday.")).isEqualTo(PloverCategory.DEMAND);
    }

    @Test
    void shouldNotReadCausesNeedsOrRewardsAsEvents() {
        for (String story : List.of(
                "WASHINGTON (Wire) — The flag will be flown this week to mark turning points in the United States'"
                        + " fight for equal rights.",
                "GENEVA (Wire) — The United Nations and Syria stressed the importance of meeting humanitarian"
                        + " needs on Monday.",
                "WASHINGTON (Wire) — The United States is offering a reward of up to $10 million for information"
                        + " on the leader of the Islamic State in Afghanistan.")) {
            List<Signal> signals = Tagging.signals(story);
            assertThat(signals).as(story + " " + Tagging.describe(signals))
                    .noneMatch(s -> s.getCategory() == PloverCategory.FIGHT || s.getCategory() == PloverCategory.CONSULT
                            || s.getCategory() == PloverCategory.AGREE);
        }
    }
}
