package io.wirewatch.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.Fixtures;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Signal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, section 4: the actors of real news are often named by their role ("police", "gunmen", "protesters",
 * "a court", "Judge Paul Kellar"). Each is its sector's actor (agents.tsv, from the Phoenix agents dictionary) of
 * the country the sentence gives it, else of the story's country, else of none.
 */
class AgentsAndRolesTest {

    private static final Instant DAY = Instant.parse("2019-03-20T06:00:00Z");
    private static final ActorTagger SHIPPED = ActorTagger.standard(PerceptronNameFinder.bundled());

    private static Entity find(List<Entity> entities, String text) {
        return entities.stream().filter(e -> e.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' in " + entities));
    }

    @Test
    void shouldGiveBareAgentsTheCountryOfTheStoryTheyActIn() {
        TextDocument story = Fixtures.paragraphs(DAY,
                "Police in Karachi arrested 14 protesters on Tuesday after a rally against power cuts turned violent.",
                "The army was deployed to guard the city's power stations, officials said.",
                "Pakistan's electricity regulator said supply would be restored by Friday.");
        List<Entity> entities = SHIPPED.tag(story);

        assertThat(find(entities, "Police").getActorId()).isEqualTo("PAKCOP"); // "in Karachi": a city of Pakistan
        assertThat(find(entities, "Police").getCountry()).isEqualTo("PAK");
        assertThat(find(entities, "protesters").getActorId()).isEqualTo("PAKOPP");
        assertThat(find(entities, "army").getActorId()).isEqualTo("PAKMIL"); // the story's country
        assertThat(find(entities, "officials").getActorId()).isEqualTo("PAKGOV");
    }

    @Test
    void shouldTakeTheCountryFromAPossessorOrAfterOf() {
        List<Entity> entities = SHIPPED.tag(Fixtures.paragraphs(DAY,
                "Syria's army shelled the town overnight.",
                "The military of South Korea shut down its loudspeakers along the border.",
                "A court in Brussels ordered the former diplomat to stand trial."));

        assertThat(find(entities, "army").getCountry()).isEqualTo("SYR");
        assertThat(find(entities, "military").getCountry()).isEqualTo("KOR");
        assertThat(find(entities, "court").getActorId()).isEqualTo("BELJUD");
    }

    @Test
    void shouldLeaveAnAgentOfAStoryThatNamesNoCountryItsSectorAlone() {
        List<Entity> entities = SHIPPED.tag(Fixtures.paragraphs(DAY, "Police alleged the accused performed two attacks."));

        Entity police = find(entities, "Police");
        assertThat(police.getActorId()).isEqualTo("COP");
        assertThat(police.getCountry()).isNull();
        assertThat(police.getSector()).isEqualTo("police");
    }

    @Test
    void shouldGiveATitledPersonTheTitlesSectorAndTheStorysCountry() {
        List<Entity> entities = SHIPPED.tag(Fixtures.paragraphs(DAY,
                "A man accused of the Christchurch mosque attacks appeared in court in New Zealand on Saturday.",
                "Judge Paul Kellar ordered the accused remain in custody until his next court appearance."));

        Entity judge = find(entities, "Paul Kellar");
        assertThat(judge.getActorId()).isEqualTo("PER:PAUL_KELLAR");
        assertThat(judge.getSector()).isEqualTo("judiciary");
        assertThat(judge.getCountry()).isEqualTo("NZL");
    }

    @Test
    void shouldReadGunmenBesideTheirGroupsNameAsThatGroup() {
        List<Entity> entities = SHIPPED.tag(Fixtures.paragraphs(DAY,
                "Six soldiers and 34 Boko Haram gunmen were killed during a shootout in Borno State, Nigeria."));

        assertThat(entities).noneMatch(e -> e.getText().equals("gunmen"));
        assertThat(find(entities, "soldiers").getActorId()).isEqualTo("NGAMIL");
    }

    @Test
    void shouldTakeTheAttackerOfAPassiveFromTheAttackItWasKilledIn() {
        TextDocument story = Fixtures.paragraphs(DAY,
                "Dozens of Nigerian fishermen were killed in Chadian airstrikes near Lake Chad on Monday.");
        List<Signal> signals = PatternStanceTagger.standard().tag(story, SHIPPED.tag(story));

        assertThat(signals).filteredOn(s -> s.getEvidence().startsWith("killed")).singleElement().satisfies(s -> {
            assertThat(s.getSource()).isEqualTo("TCD");
            assertThat(s.getTarget()).isEqualTo("NGA");
        });
    }

    @Test
    void shouldNotMakeThoseWhoReportAKillingItsAuthors() {
        TextDocument story = Fixtures.paragraphs(DAY,
                "An explosion tore through a crowded market on Sunday morning.",
                "Officials said it killed nine people and injured at least 50 more.");
        List<Signal> signals = PatternStanceTagger.standard().tag(story, SHIPPED.tag(story));

        assertThat(signals).noneMatch(s -> "GOV".equals(s.getSource())); // "it" is the explosion, not the officials
    }

    @Test
    void shouldCodeTheAttackOfBareAgentsBetweenTheirSectors() {
        TextDocument story = Fixtures.paragraphs(DAY,
                "Gunmen attacked a police checkpoint in Zamfara State, Nigeria, on Sunday, killing three officers.",
                "Police arrested two suspects after a gunfight.");
        List<Entity> entities = SHIPPED.tag(story);
        List<Signal> signals = PatternStanceTagger.standard().tag(story, entities);

        assertThat(find(entities, "Gunmen").getActorId()).isEqualTo("NGAUAF");
        assertThat(signals).filteredOn(s -> s.getEvidence().startsWith("attacked")).singleElement()
                .satisfies(s -> assertThat(s.getSource()).isEqualTo("NGA"));
    }
}
