package io.wirewatch.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.kb.ActorKb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KnownNamesTest {

    private static final KnownNames BUNDLED = KnownNames.bundled();

    @Test
    void shouldKnowGazetteerCitiesThatCoNllNeverNamesAsPlaces() {
        assertThat(types("Kharkiv")).isEqualTo(bit("LOC"));
        assertThat(types("Zaporizhzhia")).isEqualTo(bit("LOC"));
    }

    @Test
    void shouldMatchAPlaceWrittenWithOrWithoutItsAccents() {
        assertThat(types("Khan Yunis") & Lexicon.TYPE_BITS).isEqualTo(bit("LOC"));
        assertThat(types("Khān Yūnis") & Lexicon.TYPE_BITS).isEqualTo(bit("LOC"));
    }

    @Test
    void shouldTypeKnowledgeBaseNamesAsCoNllDoes() {
        // "Afghan" also begins longer organisation names ("Afghan National Army"): its type is still MISC
        assertThat(types("Afghan") & Lexicon.TYPE_BITS).isEqualTo(bit("MISC"));
        assertThat(types("Vladimir Putin")).isEqualTo(bit("PER"));
        assertThat(types("United Nations") & Lexicon.TYPE_BITS).isEqualTo(bit("ORG"));
        assertThat(types("Afghanistan")).isEqualTo(bit("LOC"));
    }

    @Test
    void shouldMarkTheFirstWordsOfALongerNameAsAPrefix() {
        assertThat(types("New") & Lexicon.PREFIX).isNotZero();
        assertThat(types("New York") & Lexicon.TYPE_BITS).isEqualTo(bit("LOC"));
    }

    @Test
    void shouldDropALeadingTheFromAKnowledgeBaseName() {
        // "the Alliance" is an alias of NATO in the knowledge base (and Alliance, Ohio a city of the gazetteer)
        assertThat(types("Alliance") & bit("ORG")).isNotZero();
        assertThat(types("the Alliance")).isZero();
    }

    @Test
    void shouldKnowNothingOfWordsThatAreNoName() {
        assertThat(types("yesterday")).isZero();
        assertThat(KnownNames.none().isEmpty()).isTrue();
        assertThat(KnownNames.none().types(new String[] {"kharkiv"}, 0, 1)).isZero();
    }

    @Test
    void shouldLeaveRolesOut() {
        assertThat(KnownNames.conllType(new ActorKb.NameForm("role", "title", "President"))).isNull();
        assertThat(KnownNames.conllType(new ActorKb.NameForm("country", "demonyms", "Afghans"))).isEqualTo("MISC");
        assertThat(KnownNames.conllType(new ActorKb.NameForm("country", "capitals", "Kabul"))).isEqualTo("LOC");
        assertThat(KnownNames.conllType(new ActorKb.NameForm("bloc", "name", "the West"))).isEqualTo("ORG");
    }

    @Test
    void shouldReadBackWhatItWrites() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BUNDLED.write(new DataOutputStream(bytes));

        KnownNames read = KnownNames.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read.types(new String[] {"kharkiv"}, 0, 1)).isEqualTo(bit("LOC"));
        assertThat(read.bytes()).isEqualTo(BUNDLED.bytes());
    }

    private static int types(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split(" ");
        return BUNDLED.types(words, 0, words.length);
    }

    private static int bit(String type) {
        return 1 << Labels.typeIndex(type);
    }
}
