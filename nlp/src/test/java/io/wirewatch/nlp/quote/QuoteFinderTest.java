package io.wirewatch.nlp.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.Fixtures;
import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.entity.Coreference;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.text.TextDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteFinderTest {

    private final QuoteFinder finder = new QuoteFinder(new Coreference(ActorKb.standard()));

    private List<String> attributed(TextDocument document) {
        return finder.find(document, ActorTagger.standard(NameFinder.none()).tag(document)).stream()
                .map(q -> document.text().substring(q.start(), q.end()) + " <- "
                        + (q.speaker() == null ? "?" : q.speaker().getActorId()))
                .toList();
    }

    @Test
    void shouldAttributeTheSeedQuotesToTheirSpeakers() {
        List<String> quotes = attributed(Fixtures.seed());
        assertThat(quotes).contains("There is no change, there will be no change, <- PER:ANTONY_BLINKEN");
        assertThat(quotes).anyMatch(q -> q.startsWith("We can not and will not compromise")
                && q.endsWith("PER:JENS_STOLTENBERG"));
        assertThat(quotes).anyMatch(q -> q.startsWith("Russia should also withdraw")
                && q.endsWith("PER:JENS_STOLTENBERG"));
        assertThat(quotes).anyMatch(q -> q.startsWith("If the West continues") && q.endsWith("PER:SERGEI_LAVROV"));
        assertThat(quotes).anyMatch(q -> q.startsWith("These are different issues")
                && q.endsWith("PER:DMITRY_KOZAK"));
    }

    @Test
    void shouldAttributeHeSaidToTheNamedSpeakerBefore() {
        List<String> quotes = attributed(Fixtures.paragraphs(Fixtures.SEED_DATE,
                "Sergei Lavrov said talks had failed.", "“We will not wait forever,” he said."));
        assertThat(quotes).containsExactly("We will not wait forever, <- PER:SERGEI_LAVROV");
    }

    @Test
    void shouldAttributeASpeakerBeforeTheQuote() {
        List<String> quotes = attributed(Fixtures.paragraphs(Fixtures.SEED_DATE,
                "Vladimir Putin said: \"The West has ignored our concerns.\""));
        assertThat(quotes).containsExactly("The West has ignored our concerns. <- PER:VLADIMIR_PUTIN");
    }

    @Test
    void shouldCarryAQuoteOverParagraphs() {
        List<String> quotes = attributed(Fixtures.paragraphs(Fixtures.SEED_DATE,
                "“We can not and will not compromise,” Jens Stoltenberg said.",
                "“Russia should withdraw its forces.",
                "“This is about the right to choose,” he added."));
        assertThat(quotes).hasSize(3).allMatch(q -> q.endsWith("PER:JENS_STOLTENBERG"));
    }

    @Test
    void shouldLeaveAnUnattributedQuoteWithoutSpeaker() {
        assertThat(attributed(Fixtures.paragraphs(null, "The plan was called “a complex game” by critics.")))
                .containsExactly("a complex game <- ?");
    }
}
