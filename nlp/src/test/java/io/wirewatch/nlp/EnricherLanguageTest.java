package io.wirewatch.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.NameSpan;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.stance.WeightedEscalationScorer;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Story;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Issue 16: the English name finder reads English (and text of unknown language) only. */
class EnricherLanguageTest {

    /** Reads every capitalised word after the first as a person, as an English model does with foreign text. */
    private static final NameFinder EAGER = tokens -> {
        List<NameSpan> spans = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            if (Character.isUpperCase(tokens.get(i).charAt(0)) && !tokens.get(i).equals("NATO")) {
                spans.add(new NameSpan(i, i + 1, "PER"));
            }
        }
        return spans;
    };

    private final Enricher enricher = new Enricher(WireSentenceSplitter.standard(), ActorTagger.standard(EAGER),
            PatternStanceTagger.standard(), WeightedEscalationScorer.standard(), "test",
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private EnrichedStory enrich(@Nullable String language) {
        Story story = Story.newBuilder().setId("lang").setSource("test").setTitle("t").setLanguage(language)
                .setParagraphs(new ArrayList<>(List.of("Sekretarz generalny NATO Kowalski powiedział we wtorek, "
                        + "że Sojusz nie ustąpi.")))
                .setFetchedAt(Instant.EPOCH).setContentHash("h").build();
        return enricher.enrich(story);
    }

    private static List<String> texts(EnrichedStory story) {
        return story.getEntities().stream().map(Entity::getText).map(CharSequence::toString).toList();
    }

    @Test
    void shouldTagOnlyKnownNamesInAStoryInAnotherLanguageAndSaySo() {
        EnrichedStory polish = enrich("pl");
        assertThat(polish.getNamesFromKnowledgeBaseOnly()).isTrue();
        assertThat(texts(polish)).contains("NATO").doesNotContain("Kowalski", "Sojusz");
    }

    @Test
    void shouldRunTheNameFinderOnEnglishAndOnStoriesOfUnknownLanguage() {
        for (String language : new String[] {"en", "en-GB", null}) {
            EnrichedStory story = enrich(language);
            assertThat(story.getNamesFromKnowledgeBaseOnly()).isFalse();
            assertThat(texts(story)).contains("NATO", "Kowalski");
        }
    }
}
