package io.wirewatch.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.Fixtures;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreferenceTest {

    private final Coreference coreference = new Coreference(ActorKb.standard());

    private String antecedent(String pronounContext, String... paragraphs) {
        TextDocument document = Fixtures.paragraphs(Fixtures.SEED_DATE, paragraphs);
        List<Entity> entities = ActorTagger.standard(NameFinder.none()).tag(document);
        int offset = document.text().lastIndexOf(pronounContext);
        String pronoun = pronounContext.split(" ")[0];
        Entity found = coreference.antecedent(document, entities, offset, pronoun);
        return found == null ? "none" : found.getActorId();
    }

    @Test
    void shouldPreferTheLastSpeakerOverAPersonMentionedInPassing() {
        assertThat(antecedent("he said", "Blinken said the document was delivered by John Sullivan.",
                "“Russia has to choose,” he said.")).isEqualTo("PER:ANTONY_BLINKEN");
    }

    @Test
    void shouldSkipAPersonAfterLike() {
        assertThat(antecedent("he has", "Jens Stoltenberg said in Brussels that talks were possible.",
                "But like Blinken, he has rejected any attempt.")).isEqualTo("PER:JENS_STOLTENBERG");
    }

    @Test
    void shouldMatchGender() {
        assertThat(antecedent("she said", "Maria Zakharova spoke first. Sergei Lavrov said nothing.",
                "“No,” she said.")).isEqualTo("PER:MARIA_ZAKHAROVA");
    }

    @Test
    void shouldFindNobodyWithoutAPerson() {
        assertThat(antecedent("he said", "Russia rejected the plan.", "“No,” he said.")).isEqualTo("none");
    }
}
