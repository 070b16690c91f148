package io.wirewatch.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who acts and toward whom: passives, lists of parties, hypothetical acts referred back to, refused content. */
class AttributionTest {

    @Test
    void shouldTakeTheAgentOfAPassiveAsTheSource() {
        List<Signal> signals = Tagging.signals("Retaliatory measures will be taken by Iran against Israel, the"
                + " minister said.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getCategory() == PloverCategory.THREATEN
                && "IRN".equals(s.getSource()) && "ISR".equals(s.getTarget()));
        List<Signal> attacked = Tagging.signals("Turkish soldiers were attacked by Syrian forces near the border.");
        assertThat(attacked).as(Tagging.describe(attacked)).anyMatch(s -> "SYR".equals(s.getSource())
                && "TUR".equals(s.getTarget()));
    }

    @Test
    void shouldAddressAPassiveOfferToTheOwnerOfItsSubject() {
        List<Signal> signals = Tagging.signals("France said some of Iran's concerns can be addressed if talks with"
                + " Germany resume.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getEvidence().equals("can be addressed")
                && "FRA".equals(s.getSource()) && "IRN".equals(s.getTarget()));
    }

    @Test
    void shouldNotTakeTheActorAfterANounWithByAsAnAgent() {
        List<Signal> signals = Tagging.signals("Poland rejected calls by Hungary for a new vote.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getCategory() == PloverCategory.REJECT
                && "POL".equals(s.getSource()) && "HUN".equals(s.getTarget()));
    }

    @Test
    void shouldReadTheyAfterAListOfPartiesAsThoseParties() {
        List<Signal> signals = Tagging.signals("Envoys of India, Pakistan and China met in Geneva on Monday to"
                + " discuss the border. Although there was no agreement, they promised to meet again for new talks"
                + " next month.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getSentence().contains("they promised")
                && s.getCategory() == PloverCategory.AGREE && "IND".equals(s.getSource()) && "PAK".equals(s.getTarget()));
    }

    @Test
    void shouldGiveAHypotheticalActReferredBackToTheActorOfTheFirstMention() {
        List<Signal> signals = Tagging.signals("The United States warned against any Iranian attack on Israel,"
                + " saying such an attack would have grave consequences.");
        List<Signal> attacks = signals.stream().filter(s -> s.getEvidence().equals("attack")).toList();
        assertThat(attacks).as(Tagging.describe(signals)).hasSize(2)
                .allMatch(s -> "IRN".equals(s.getSource()) && "ISR".equals(s.getTarget()));
    }

    @Test
    void shouldTargetARefusalAtWhoDemandedItNotAtWhatItConcerns() {
        List<Signal> signals = Tagging.signals("Russia demanded on Monday that the United States end its"
                + " exercises in Europe.",
                "While refusing to consider any changes to NATO's membership policy, its partnership with"
                        + " neighbouring Georgia, or its exercises, the United States said it remained open to"
                        + " other ideas.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getCategory() == PloverCategory.REJECT
                && "USA".equals(s.getSource()) && "RUS".equals(s.getTarget()));
    }

    @Test
    void shouldNotCallADrawdownOfDiplomatsASanction() {
        List<Signal> signals = Tagging.signals("Amid the tensions, Britain and Canada moved to withdraw some of"
                + " their diplomats from Kyiv.");
        assertThat(signals).as(Tagging.describe(signals)).noneMatch(s -> s.getCategory() == PloverCategory.SANCTION);
        List<Signal> recall = Tagging.signals("Britain recalled its ambassador from Iran in protest.");
        assertThat(recall).as(Tagging.describe(recall)).anyMatch(s -> s.getCategory() == PloverCategory.SANCTION);
    }

    @Test
    void shouldTargetADomesticActAtItsOwnCountry() {
        List<Signal> signals = Tagging.signals("The Ugandan government banned opposition rallies in Kampala.");
        assertThat(signals).as(Tagging.describe(signals)).anyMatch(s -> s.getCategory() == PloverCategory.COERCE
                && "UGA".equals(s.getSource()) && "UGA".equals(s.getTarget()));
    }
}
