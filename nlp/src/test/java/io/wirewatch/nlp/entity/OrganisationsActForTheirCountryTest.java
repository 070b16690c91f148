package io.wirewatch.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.Fixtures;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Signal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, section 4: agencies, armed forces and armed groups named in the news (from the Phoenix dictionaries,
 * {@code orgs.tsv}, and the hand-written organisations of {@code actors.tsv}) are known actors of their country,
 * with their sector, and an event by one of them has it as source.
 */
class OrganisationsActForTheirCountryTest {

    private static final Instant DAY = Instant.parse("2024-05-14T06:00:00Z");
    private static final ActorTagger SHIPPED = ActorTagger.standard(PerceptronNameFinder.bundled());

    private static Entity find(List<Entity> entities, String text) {
        return entities.stream().filter(e -> e.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' in " + entities));
    }

    private static void assertOrg(List<Entity> entities, String text, @Nullable String country, String sector) {
        Entity org = find(entities, text);
        assertThat(org.getType()).as(text).isEqualTo(EntityType.ORG);
        assertThat(org.getActorId()).as(text).isNotNull().doesNotStartWith("PER:");
        assertThat(org.getCountry()).as(text).isEqualTo(country);
        assertThat(org.getSector()).as(text).isEqualTo(sector);
    }

    private static Signal signal(TextDocument story, List<Entity> entities, String evidence) {
        return PatternStanceTagger.standard().tag(story, entities).stream()
                .filter(s -> s.getEvidence().equals(evidence)).findFirst()
                .orElseThrow(() -> new AssertionError("no signal on '" + evidence + "'"));
    }

    @Test
    void shouldKnowTheAgenciesOfAStateByNameAndAcronym() {
        List<Entity> entities = SHIPPED.tag(Fixtures.paragraphs(DAY,
                "The FBI is investigating the shooting, and the Justice Department said charges were likely.",
                "The IDF said its soldiers had found a tunnel, while Shin Bet questioned two suspects.",
                "Mossad and the CIA were said to have shared intelligence before the strike.",
                "Islamic Revolutionary Guard Corps Navy gunboats attempted to seize a U.S. tanker, the Pentagon"
                        + " said."));

        assertOrg(entities, "FBI", "USA", "police");
        assertOrg(entities, "Justice Department", "USA", "government");
        assertOrg(entities, "IDF", "ISR", "military");
        assertOrg(entities, "Shin Bet", "ISR", "intelligence");
        assertOrg(entities, "Mossad", "ISR", "intelligence");
        assertOrg(entities, "CIA", "USA", "intelligence");
        assertOrg(entities, "Islamic Revolutionary Guard Corps", "IRN", "military");
    }

    @Test
    void shouldCodeArmedGroupsAsTheGuidelineDoes() {
        List<Entity> entities = SHIPPED.tag(Fixtures.paragraphs(DAY,
                "The Rapid Support Forces seized the town after days of fighting with the army; the RSF said it"
                        + " had taken the airport.",
                "M23 rebels advanced towards Goma as al-Shabaab claimed an attack in Mogadishu.",
                "The PKK said two of its fighters were killed, and Hayat Tahrir al-Sham fired on a checkpoint.",
                "Boko Haram fighters attacked a village in Borno."));

        assertOrg(entities, "Rapid Support Forces", "SDN", "armed group");
        assertOrg(entities, "RSF", "SDN", "armed group");
        assertOrg(entities, "M23", "COD", "armed group");
        assertOrg(entities, "PKK", "TUR", "armed group");
        assertOrg(entities, "Hayat Tahrir al-Sham", "SYR", "armed group");
        // transnational jihadist groups have no country: their dyad code is the group (IMG in the gold files)
        assertOrg(entities, "al-Shabaab", null, "armed group");
        assertOrg(entities, "Boko Haram", null, "armed group");
    }

    @Test
    void shouldMakeTheGroupThatActsTheSourceOfTheEvent() {
        TextDocument borno = Fixtures.paragraphs(DAY, "Boko Haram fighters attacked a village in Borno on Sunday,"
                + " killing at least 20 people, local officials said.");
        Signal attack = signal(borno, SHIPPED.tag(borno), "attacked");
        assertThat(attack.getSource()).isEqualTo("BOKO_HARAM");

        TextDocument arrest = Fixtures.paragraphs(DAY,
                "The FBI arrested a Russian national accused of spying for Moscow, officials said.");
        Signal arrested = signal(arrest, SHIPPED.tag(arrest), "arrested");
        assertThat(arrested.getSource()).isEqualTo("USA");
    }
}
