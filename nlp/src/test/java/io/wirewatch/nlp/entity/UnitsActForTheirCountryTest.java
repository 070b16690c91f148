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
 * Issue 11, section 4: a military or government unit of a country ("Russian warplanes", "Israeli aircraft",
 * "Azerbaijani forces") is that country's actor, so the dyad built from it is the country's.
 */
class UnitsActForTheirCountryTest {

    private static final Instant DAY = Instant.parse("2022-03-08T06:00:00Z");
    private static final ActorTagger SHIPPED = ActorTagger.standard(PerceptronNameFinder.bundled());

    private static Entity find(List<Entity> entities, String text) {
        return entities.stream().filter(e -> e.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' in " + entities));
    }

    private static void assertUnitOf(List<Entity> entities, String text, String country) {
        Entity unit = find(entities, text);
        assertThat(unit.getActorId()).as(text).isEqualTo(country + "MIL");
        assertThat(unit.getCountry()).as(text).isEqualTo(country);
        assertThat(unit.getSector()).as(text).isEqualTo("military");
    }

    @Test
    void shouldCodeTheBombingOfACityAsAnAttackOfTheUnitsCountryOnTheCitysCountry() {
        TextDocument story = Fixtures.paragraphs(DAY,
                "Russian warplanes bombed Kharkiv on Tuesday, killing at least nine people, the regional governor"
                        + " said.",
                "Ukrainian artillery shelled Russian positions near Izium overnight, the military said.");
        List<Entity> entities = SHIPPED.tag(story);

        assertUnitOf(entities, "Russian warplanes", "RUS");
        assertUnitOf(entities, "Ukrainian artillery", "UKR");
        assertThat(find(entities, "Kharkiv").getCountry()).isEqualTo("UKR");
        List<Signal> signals = PatternStanceTagger.standard().tag(story, entities);
        assertThat(signals).filteredOn(s -> s.getEvidence().equals("bombed")).singleElement().satisfies(s -> {
            assertThat(s.getSource()).isEqualTo("RUS");
            assertThat(s.getTarget()).isEqualTo("UKR");
        });
    }

    @Test
    void shouldGiveEachArmyItsCountryAcrossConflicts() {
        List<Entity> entities = SHIPPED.tag(Fixtures.paragraphs(DAY,
                "Syrian government troops advanced on Idlib as Russian jets struck rebel-held villages.",
                "Israeli aircraft hit targets in Gaza, the army said, hours after militants fired rockets.",
                "Azerbaijani forces shelled Armenian border posts, and Armenian tanks moved to the frontier.",
                "Turkish special forces and Iraqi helicopters joined the operation."));

        assertUnitOf(entities, "Syrian government troops", "SYR");
        assertUnitOf(entities, "Russian jets", "RUS");
        assertUnitOf(entities, "Israeli aircraft", "ISR");
        assertUnitOf(entities, "Azerbaijani forces", "AZE");
        assertUnitOf(entities, "Armenian tanks", "ARM");
        assertUnitOf(entities, "Turkish special forces", "TUR");
        assertUnitOf(entities, "Iraqi helicopters", "IRQ");
    }
}
