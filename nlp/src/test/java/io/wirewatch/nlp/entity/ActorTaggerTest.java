package io.wirewatch.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.Fixtures;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.NameSpan;
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
        // the title is no mention of its own; the nationality that opens it is
        assertThat(entities).extracting(Entity::getText).containsExactly("Russian", "Sergei Lavrov");
        assertThat(find(entities, "Russian").getActorId()).isEqualTo("RUS");
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
    void shouldSkipSpansOfACustomNameFinderThatOverlapOrRunPastTheSentence() {
        NameFinder sloppy = tokens -> List.of(new NameSpan(3, 5, "PER"), new NameSpan(0, 2, "ORG"),
                new NameSpan(1, 3, "LOC"), new NameSpan(4, 40, "MISC"));
        List<Entity> entities = new ActorTagger(tagger.kb(), sloppy).tag(Fixtures.paragraphs(JAN_2022,
                "Acme Widgets hired Dana Whitfield yesterday."));

        assertThat(entities).extracting(Entity::getText).containsExactly("Acme Widgets", "Dana Whitfield");
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

    /** A name finder that finds exactly the given names, written "words/TYPE", wherever their words occur. */
    private static NameFinder finding(String... names) {
        return tokens -> {
            List<NameSpan> spans = new ArrayList<>();
            for (String name : names) {
                int slash = name.lastIndexOf('/');
                List<String> words = List.of(name.substring(0, slash).split(" "));
                for (int i = 0; i + words.size() <= tokens.size(); i++) {
                    if (tokens.subList(i, i + words.size()).equals(words)) {
                        spans.add(new NameSpan(i, i + words.size(), name.substring(slash + 1)));
                    }
                }
            }
            spans.sort(java.util.Comparator.comparingInt(NameSpan::start));
            return spans;
        };
    }

    private List<Entity> tagWith(NameFinder finder, String... paragraphs) {
        return new ActorTagger(tagger.kb(), finder).tag(Fixtures.paragraphs(JAN_2022, paragraphs));
    }

    @Test
    void shouldLetTheNameFinderWinWhenItsNameHoldsAKnownOne() {
        List<Entity> entities = tagWith(finding("Air France/ORG", "U.S. Open/MISC"),
                "Air France resumed flights before the U.S. Open began.");

        assertThat(entities).extracting(Entity::getText).containsExactly("Air France", "U.S. Open");
        assertThat(find(entities, "Air France").getType()).isEqualTo(EntityType.ORG);
        assertThat(find(entities, "Air France").getActorId()).isNull();
        assertThat(find(entities, "U.S. Open").getType()).isEqualTo(EntityType.OTHER);
    }

    @Test
    void shouldResolveALongerNameToAKnownPersonOnlyWhenTheFirstNameAgrees() {
        List<Entity> entities = tagWith(finding("Michael Johnson/PER", "Sergey Lavrov/PER", "Sergei Lavrov/PER",
                        "Serge Lavrov/PER"),
                "Michael Johnson won the 200 metres.", "Serge Lavrov, a painter, watched. Johnson smiled.");

        assertThat(find(entities, "Michael Johnson").getActorId()).isEqualTo("PER:MICHAEL_JOHNSON");
        assertThat(find(entities, "Johnson").getActorId()).isEqualTo("PER:MICHAEL_JOHNSON");
        assertThat(find(entities, "Serge Lavrov").getActorId()).isEqualTo("PER:SERGEI_LAVROV");
        assertThat(ActorTagger.sameGivenName("Anthony", "Antony")).isTrue();
        assertThat(ActorTagger.sameGivenName("Michael", "Mike")).isFalse();
        assertThat(ActorTagger.sameGivenName("Boris", "Michael")).isFalse();
        assertThat(ActorTagger.sameGivenName("Sergey", "Sergei")).isTrue();
        assertThat(ActorTagger.sameGivenName("Volodymyr", "Vladimir")).isFalse();
    }

    @Test
    void shouldTakeTheNameFindersTypeForATeamBesideItsScoreButKeepStatesAndActingCapitals() {
        List<Entity> sport = tagWith(finding("NEW YORK/ORG", "Scottie Pippen/PER", "Jordan/PER"),
                "NEW YORK 3 Boston 2.", "Scottie Pippen passed to Jordan.");
        assertThat(find(sport, "NEW YORK").getType()).isEqualTo(EntityType.ORG);
        assertThat(find(sport, "NEW YORK").getActorId()).isNull();
        assertThat(find(sport, "Jordan").getActorId()).isEqualTo("JOR"); // a state the finder calls a person

        List<Entity> politics = tagWith(finding("Moscow/ORG", "Kaliningrad/ORG", "Arctic/MISC"),
                "Moscow has demanded guarantees.", "Warplanes bombed Kaliningrad near Arctic waters.");
        assertThat(find(politics, "Moscow").getActorId()).isEqualTo("RUSGOV");
        assertThat(find(politics, "Kaliningrad").getActorId()).isEqualTo("GPE:KALININGRAD");
        assertThat(find(politics, "Arctic").getType()).isEqualTo(EntityType.OTHER); // a modifier here
        assertThat(find(politics, "Arctic").getActorId()).isEqualTo("LOC:ARCTIC");
    }

    @Test
    void shouldGiveANameTheFinderFindsAroundAKnownOneItsCountryOrItsNationButNoActor() {
        List<Entity> entities = tagWith(finding("Nigerian Union of Teachers/ORG", "Bosnian Serbs/MISC",
                        "British Masters/MISC", "East Jerusalem/LOC"),
                "The Nigerian Union of Teachers struck.", "Bosnian Serbs shelled East Jerusalem.",
                "He won the British Masters.");

        Entity union = find(entities, "Nigerian Union of Teachers");
        assertThat(union.getActorId()).isNull();
        assertThat(union.getCountry()).isEqualTo("NGA");
        assertThat(find(entities, "Bosnian Serbs").getType()).isEqualTo(EntityType.NORP);
        assertThat(find(entities, "Bosnian Serbs").getActorId()).isEqualTo("BIH");
        assertThat(find(entities, "British Masters").getType()).isEqualTo(EntityType.OTHER);
        assertThat(find(entities, "British Masters").getActorId()).isNull();
        assertThat(find(entities, "East Jerusalem").getSector()).isEqualTo("place");
    }

    @Test
    void shouldKeepAnActorPhrasesActorAndRecordTheNameThatOpensIt() {
        String text = "Iraqi troops fired on the crowd.";
        Entity troops = find(tagWith(finding("Iraqi/MISC"), text), "Iraqi troops");

        assertThat(troops.getActorId()).isEqualTo("IRQMIL");
        assertThat(troops.getType()).isEqualTo(EntityType.ORG);
        assertThat(text.substring(troops.getStart(), troops.getNameEnd())).isEqualTo("Iraqi");
        assertThat(troops.getNameType()).isEqualTo(EntityType.NORP);
        assertThat(find(tag(JAN_2022, text), "Iraqi troops").getNameEnd()).isEqualTo(5); // the KB knows it too
    }

    @Test
    void shouldGiveACompoundWithOneKnownPartTheFindersTypeAndKeepPairsApart() {
        List<Entity> entities = tagWith(finding("NATO-led/MISC", "US-NATO/MISC"),
                "NATO-led forces moved as US-NATO talks began.");

        assertThat(find(entities, "NATO-led").getType()).isEqualTo(EntityType.NORP);
        assertThat(find(entities, "NATO-led").getActorId()).isEqualTo("NATO");
        assertThat(entities).extracting(Entity::getText).contains("US", "NATO").doesNotContain("US-NATO");
    }

    @Test
    void shouldAskTheNameFinderOnlyWhenASentenceHasANameTheKnowledgeBaseIsNotSureOf() {
        List<List<String>> asked = new ArrayList<>();
        NameFinder recording = tokens -> {
            asked.add(tokens);
            return List.of();
        };
        new ActorTagger(tagger.kb(), recording).tag(Fixtures.paragraphs(JAN_2022,
                "Antony Blinken told Russia and NATO there would be no concessions.",
                "The next day Blinken said the United States stood firm.",
                "Talks in Geneva ended.",
                "Johnson spoke."));

        assertThat(asked).extracting(tokens -> String.join(" ", tokens))
                .containsExactly("Talks in Geneva ended .", "Johnson spoke .");
    }

    @Test
    void shouldKeepTheNameOpeningATitleBeforeAPersonAsItsOwnEntity() {
        List<Entity> entities = tagWith(finding("Palestinian/MISC", "Yasser Arafat/PER", "NATO/ORG",
                        "Jens Stoltenberg/PER", "US Ambassador/ORG", "John Sullivan/PER"),
                "Palestinian President Yasser Arafat spoke.",
                "NATO Secretary-General Jens Stoltenberg and US Ambassador to Russia John Sullivan met.");

        assertThat(entities).extracting(Entity::getText).containsExactly("Palestinian", "Yasser Arafat", "NATO",
                "Jens Stoltenberg", "US", "John Sullivan");
        assertThat(find(entities, "Palestinian").getType()).isEqualTo(EntityType.NORP);
        assertThat(find(entities, "NATO").getActorId()).isEqualTo("NATO");
        assertThat(find(entities, "US").getActorId()).isEqualTo("USA"); // "Ambassador" stays with the title
        assertThat(find(entities, "John Sullivan").getActorId()).isEqualTo("PER:JOHN_SULLIVAN");
    }
}
