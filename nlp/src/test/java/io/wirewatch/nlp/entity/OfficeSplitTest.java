package io.wirewatch.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.Fixtures;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.NameSpan;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.nlp.text.Tokenizer;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A name finder's span "place or body, office, person" is two names, the office none of them. */
class OfficeSplitTest {

    /** The finder's one span over the whole of {@code text}, typed {@code type}, cut as the entity stage cuts it. */
    private static List<String> split(String text, String type) {
        List<Token> tokens = Tokenizer.tokenize(text);
        return OfficeSplit.split(tokens, List.of(new NameSpan(0, tokens.size(), type)),
                        (from, to) -> tokens.get(from).text().equals("Europe")).stream()
                .map(span -> String.join(" ", tokens.subList(span.start(), span.end()).stream()
                        .map(Token::text).toList()) + "/" + span.type())
                .toList();
    }

    @Test
    void shouldCutAPlacesOfficerFromThePlace() {
        assertThat(split("Kharkiv Mayor Ihor Terekhov", "ORG")).containsExactly("Kharkiv/ORG", "Ihor Terekhov/PER");
        assertThat(split("Kyiv Mayor Vitali Klitschko", "LOC")).containsExactly("Kyiv/LOC", "Vitali Klitschko/PER");
    }

    @Test
    void shouldLeaveTheWordsOfAMultiWordOfficeOutOfBothNames() {
        assertThat(split("Russian Foreign Minister Sergei Lavrov", "MISC"))
                .containsExactly("Russian/MISC", "Sergei Lavrov/PER");
        assertThat(split("NATO Secretary General Jens Stoltenberg", "ORG"))
                .containsExactly("NATO/ORG", "Jens Stoltenberg/PER");
        assertThat(split("Bank of England Governor Mervyn King", "ORG"))
                .containsExactly("Bank of England/ORG", "Mervyn King/PER");
        assertThat(split("Freedom Front of General Constand Viljoen", "ORG"))
                .containsExactly("Freedom Front/ORG", "Constand Viljoen/PER");
    }

    @Test
    void shouldSayNothingOfTheWordsBeforeTheOfficeWhenTheFinderCalledTheWholeSpanAPerson() {
        assertThat(split("Kharkiv Mayor Ihor Terekhov", "PER")).containsExactly("Ihor Terekhov/PER");
    }

    @Test
    void shouldKeepNamesOfBodiesAndTitlesBeforeAPersonWhole() {
        assertThat(split("U.N. General Assembly", "ORG")).containsExactly("U.N. General Assembly/ORG");
        assertThat(split("US Justice Department", "ORG")).containsExactly("US Justice Department/ORG");
        assertThat(split("General Motors", "ORG")).containsExactly("General Motors/ORG");
        assertThat(split("Prime Minister Tony Blair", "PER")).containsExactly("Prime Minister Tony Blair/PER");
        assertThat(split("All the President's Men", "MISC")).containsExactly("All the President 's Men/MISC");
        assertThat(split("Kharkiv Mayor", "ORG")).containsExactly("Kharkiv Mayor/ORG");
        assertThat(split("Supreme Allied Commander Europe", "ORG"))
                .containsExactly("Supreme Allied Commander Europe/ORG");
    }

    @Test
    void shouldGiveTheEntityStageThePlaceAndItsMayorWhereTheFinderReadOneBody() {
        ActorKb kb = ActorKb.standard();
        NameFinder oneBody = tokens -> {
            int at = tokens.indexOf("Kharkiv");
            return at >= 0 && at + 3 < tokens.size() && tokens.get(at + 1).equals("Mayor")
                    ? List.of(new NameSpan(at, at + 4, "ORG")) : List.of();
        };
        List<Entity> entities = new ActorTagger(kb, oneBody).tag(Fixtures.paragraphs(
                Instant.parse("2023-03-14T09:00:00Z"), "Kharkiv Mayor Ihor Terekhov said three people were killed."));

        assertThat(entities).extracting(Entity::getText).containsExactly("Kharkiv", "Ihor Terekhov");
        assertThat(entities.get(0).getSector()).isEqualTo("place");
        assertThat(entities.get(0).getCountry()).isEqualTo("UKR");
        assertThat(entities.get(1).getType()).isEqualTo(EntityType.PERSON);
        assertThat(entities.get(1).getActorId()).isEqualTo("PER:IHOR_TEREKHOV");
    }
}
