package io.wirewatch.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.Fixtures;
import io.wirewatch.enrich.ner.NameFinder;
import io.wirewatch.enrich.ner.NameSpan;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ActorTaggerTest {

    private static final Instant JAN_2022 = Instant.parse("2022-01-26T12:00:00Z");
    private static final Instant JAN_2026 = Instant.parse("2026-01-26T12:00:00Z");

    private final ActorTagger tagger = ActorTagger.standard(NameFinder.none());

    private List<Entity> tag(@Nullable Instant asOf, String... paragraphs) {
        return tagger.tag(Fixtures.paragraphs(asOf, paragraphs));
    }

    private static Entity find(List<Entity> entities, String text) {
        return entities.stream().filter(e -> e.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' in " + entities));
    }

    @Test
    void shouldReadACapitalThatActsAsItsGovernmentAndACapitalAfterAPrepositionAsAPlace() {
        List<Entity> entities = tag(JAN_2022, "Moscow has demanded assurances.", "Talks were held in Moscow.",
                "Moscow’s demands were rejected.", "Beijing warned Washington on Friday.");
        assertThat(entities.get(0).getActorId()).isEqualTo("RUSGOV");
        assertThat(entities.get(1).getActorId()).isEqualTo("GPE:MOSCOW");
        assertThat(entities.get(1).getSector()).isEqualTo("place");
        assertThat(entities.get(2).getActorId()).isEqualTo("RUSGOV");
        assertThat(find(entities, "Beijing").getActorId()).isEqualTo("CHNGOV");
    }

    @Test
    void shouldNeedTheCapitalAForTheAlliance() {
        List<Entity> entities = tag(JAN_2022, "The Alliance will respond, but our alliance security is strong.");
        assertThat(entities).extracting(Entity::getText).containsExactly("Alliance");
        assertThat(entities.get(0).getActorId()).isEqualTo("NATO");
    }

    @Test
    void shouldResolveASurnameToTheFullNameEarlierInTheStory() {
        List<Entity> entities = tag(JAN_2022, "US Ambassador to Russia John Sullivan delivered the document.",
                "Sullivan said it was clear.");
        assertThat(entities).filteredOn(e -> e.getText().equals("Sullivan")).singleElement()
                .satisfies(e -> assertThat(e.getActorId()).isEqualTo("PER:JOHN_SULLIVAN"));
    }

    @Test
    void shouldLeaveAnAmbiguousSurnameUnresolvedWithoutAFullName() {
        Entity sullivan = find(tag(JAN_2022, "Sullivan said it was clear."), "Sullivan");
        assertThat(sullivan.getType()).isEqualTo(EntityType.PERSON);
        assertThat(sullivan.getActorId()).isNull();
    }

    @Test
    void shouldResolveATitleToItsHolderOnTheStorysDate() {
        assertThat(find(tag(JAN_2022, "The Secretary of State flew to Kyiv."), "Secretary of State").getActorId())
                .isEqualTo("PER:ANTONY_BLINKEN");
        assertThat(find(tag(JAN_2026, "The Secretary of State flew to Kyiv."), "Secretary of State").getActorId())
                .isEqualTo("PER:MARCO_RUBIO");
        assertThat(find(tag(JAN_2026, "NATO Secretary-General Jens Stoltenberg spoke."), "Jens Stoltenberg")
                .getCountry()).isEqualTo("NOR");
    }

    @Test
    void shouldLetTheNameSayWhoWhenATitlePrecedesIt() {
        List<Entity> entities = tag(JAN_2022, "Russian Foreign Minister Sergei Lavrov spoke.");
        assertThat(entities).extracting(Entity::getText).containsExactly("Sergei Lavrov");
    }

    @Test
    void shouldMatchAllCapsHeadlinesAndHyphenatedPairs() {
        assertThat(tag(JAN_2022, "RUSSIA WARNS NATO").stream().map(Entity::getActorId))
                .containsExactly("RUS", "NATO");
        assertThat(tag(JAN_2022, "before the US-NATO response").stream().map(Entity::getActorId))
                .containsExactly("USA", "NATO");
        assertThat(tag(JAN_2022, "Let us meet.")).isEmpty();
    }

    @Test
    void shouldAskTheNameFinderForNamesTheKnowledgeBaseDoesNotKnow() {
        NameFinder capitalisedPairs = tokens -> {
            List<NameSpan> spans = new ArrayList<>();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (Character.isUpperCase(tokens.get(i).charAt(0)) && Character.isUpperCase(tokens.get(i + 1)
                        .charAt(0)) && i > 0) {
                    spans.add(new NameSpan(i, i + 2, "PER"));
                    i++;
                }
            }
            return spans;
        };
        List<Entity> entities = new ActorTagger(ActorTagger.standard(NameFinder.none()).kb(), capitalisedPairs)
                .tag(Fixtures.paragraphs(JAN_2022, "Envoy Dana Whitfield met Sergei Lavrov.",
                        "Later Whitfield left."));
        assertThat(find(entities, "Dana Whitfield").getActorId()).isEqualTo("PER:DANA_WHITFIELD");
        assertThat(find(entities, "Sergei Lavrov").getActorId()).isEqualTo("PER:SERGEI_LAVROV");
    }

    @Test
    void shouldSurviveAFailingNameFinder() {
        NameFinder broken = tokens -> {
            throw new IllegalStateException("model not loaded");
        };
        List<Entity> entities = new ActorTagger(tagger.kb(), broken).tag(Fixtures.paragraphs(JAN_2022,
                "Putin met Xi Jinping."));
        assertThat(entities).extracting(Entity::getActorId).containsExactly("PER:VLADIMIR_PUTIN",
                "PER:XI_JINPING");
    }

    @Test
    void shouldTagNothingInPageFurnitureOrPhotoCaptions() {
        List<Entity> entities = tag(JAN_2022, "Russia rejected the plan.",
                "Russian cruiser on exercise in the Black Sea (Photo: Russian Ministry of Defense)",
                "Back to top button", "Related Articles");
        assertThat(entities).extracting(Entity::getText).containsExactly("Russia");
    }

    @Test
    void shouldGiveAnUnknownNameAfterACountrysOfficeThatCountry() {
        List<Entity> entities = tag(Instant.parse("2000-10-10T00:00:00Z"),
                "Serbian President Vojislav Kostunica promised reforms. Rwandan rebels attacked.");
        Entity kostunica = find(entities, "Vojislav Kostunica");
        assertThat(kostunica.getType()).isEqualTo(EntityType.PERSON);
        assertThat(kostunica.getCountry()).isEqualTo("SRB");
        assertThat(find(entities, "Rwandan rebels").getCountry()).isEqualTo("RWA");
        assertThat(find(entities, "Rwandan rebels").getSector()).isEqualTo("opposition");
    }

    @Test
    void shouldResolveTheSecretaryGeneralToTheOfficeHolderNamedEarlier() {
        List<Entity> entities = tag(JAN_2022, "NATO Secretary-General Jens Stoltenberg spoke in Brussels.",
                "Later the secretary-general said the door stays open.");
        assertThat(find(entities, "secretary-general").getActorId()).isEqualTo("PER:JENS_STOLTENBERG");
        assertThat(tag(JAN_2022, "Later the secretary-general said the door stays open."))
                .noneMatch(e -> e.getText().equals("secretary-general"));
    }
}
