package io.wirewatch.nlp.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.nlp.text.Tokenizer;
import io.wirewatch.schema.EntityType;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer places = Gazetteer.standard();

    private Gazetteer.Match first(String text) {
        return places.longest(Tokenizer.tokenize(text), 0);
    }

    @Test
    void shouldLoadTheBundledCitiesAndRegionsWithTheirCountries() {
        assertThat(places.size()).isBetween(20_000, 40_000);
        assertThat(first("Kharkiv was shelled").place()).satisfies(place -> {
            assertThat(place.country()).isEqualTo("UKR");
            assertThat(place.major()).isTrue();
        });
        assertThat(first("Aleppo").place().country()).isEqualTo("SYR");
        assertThat(first("Khartoum").place().country()).isEqualTo("SDN");
        assertThat(first("Gaza").place().country()).isEqualTo("PSE");
        assertThat(first("Idlib").place().country()).isEqualTo("SYR");
        assertThat(first("Zhytomyr Oblast").place().feature()).isEqualTo("ADM1");
        assertThat(ActorKb.standard().places()).isSameAs(places);
    }

    @Test
    void shouldMatchTheLongestNameWithoutCaringForAccents() {
        Gazetteer.Match mexico = first("Mexico City police said");
        assertThat(mexico.end()).isEqualTo(2);
        assertThat(mexico.place().country()).isEqualTo("MEX");

        Gazetteer.Match khanYunis = first("Khan Yunis came under fire");
        assertThat(khanYunis.place().name()).isEqualTo("Khān Yūnis");
        assertThat(khanYunis.place().actor().id()).isEqualTo("GPE:KHAN_YUNIS");
        assertThat(khanYunis.place().actor().type()).isEqualTo(EntityType.GPE);
        assertThat(khanYunis.place().actor().sector()).isEqualTo("place");
        assertThat(khanYunis.place().actor().dyadCode()).isEqualTo("PSE");
    }

    @Test
    void shouldMatchOnlyNamesCapitalisedAsWritten() {
        assertThat(first("reading glasses")).isNull();
        assertThat(first("mobile phones")).isNull();
        assertThat(first("KHARKIV, Ukraine")).isNotNull();
        assertThat(first("Reading").place().commonWord()).isTrue();
        assertThat(first("Kharkiv").place().commonWord()).isFalse();
    }

    @Test
    void shouldFlagAPlaceOfFewPeopleAsNotMajor() {
        assertThat(first("Obama").place()).satisfies(place -> {
            assertThat(place.country()).isEqualTo("JPN");
            assertThat(place.major()).isFalse();
        });
    }

    @Test
    void shouldReadAUsersGazetteerAndMatchLowerCaseWordsOnlyWhereTheNameHasThem() {
        Gazetteer mine = Gazetteer.parse("mine.tsv", new StringReader("""
                # my places
                Rio de Janeiro\tBRA\tPPLA\t6747815
                Port Nowhere\tATA\tPPL\t20
                """));
        assertThat(mine.size()).isEqualTo(2);
        assertThat(mine.longest(Tokenizer.tokenize("Rio de Janeiro burned"), 0).end()).isEqualTo(3);
        assertThat(mine.longest(Tokenizer.tokenize("Port nowhere"), 0)).isNull();
    }

    @Test
    void shouldRefuseABadLineWithFileLineAndReason() {
        assertThatThrownBy(() -> Gazetteer.parse("bad.tsv", new StringReader("Kharkiv\tUA\tPPLA\t1430885\n")))
                .isInstanceOf(KbFormatException.class)
                .hasMessageContaining("bad.tsv:1").hasMessageContaining("ISO 3166 alpha-3");
        assertThatThrownBy(() -> Gazetteer.parse("bad.tsv", new StringReader("# ok\nKharkiv\tUKR\tPPLA\tmany\n")))
                .isInstanceOf(KbFormatException.class).hasMessageContaining("bad.tsv:2");
        assertThatThrownBy(() -> Gazetteer.parse("bad.tsv", new StringReader("Kharkiv\tUKR\tPPLA\n")))
                .isInstanceOf(KbFormatException.class).hasMessageContaining("found 3 tab-separated field(s)");
        assertThatThrownBy(() -> Gazetteer.parse("dup.tsv", new StringReader(
                "Kharkiv\tUKR\tPPLA\t1430885\nKHARKIV\tUKR\tPPL\t1\n")))
                .isInstanceOf(KbFormatException.class).hasMessageContaining("dup.tsv:2")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> Gazetteer.parse("bad.tsv", new StringReader("Kharkiv\tUKR\tPPLA\t5\tcity\n")))
                .isInstanceOf(KbFormatException.class).hasMessageContaining("only be 'word'");
    }
}
