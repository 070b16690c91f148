package io.wirewatch.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.stance.WeightedEscalationScorer;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Story;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets a result, never a crash or a hang (the timeouts guard against hangs; they are not speed goals). */
class BadInputTest {

    private static final Duration NO_HANG = Duration.ofSeconds(90);

    private final Enricher enricher = new Enricher(WireSentenceSplitter.standard(),
            ActorTagger.standard(NameFinder.none()), PatternStanceTagger.standard(),
            WeightedEscalationScorer.standard(), "test", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private EnrichedStory enrich(List<String> paragraphs) {
        Story story = Story.newBuilder().setId("bad").setSource("test").setTitle("t")
                .setParagraphs(new ArrayList<>(paragraphs)).setFetchedAt(Instant.EPOCH).setContentHash("h").build();
        return enricher.enrich(story);
    }

    @Test
    void shouldEnrichAnEmptyStory() {
        assertThat(enrich(List.of()).getSignals()).isEmpty();
        assertThat(enrich(List.of("", "   ")).getEntities()).isEmpty();
    }

    @Test
    void shouldEnrichAFiveMegabyteStoryWithoutHanging() {
        String seed = Fixtures.resource("seed/ap-no-concessions-2022-01-26.txt");
        List<String> paragraphs = new ArrayList<>();
        int size = 0;
        while (size < 5_000_000) {
            for (String line : seed.split("\\R")) {
                if (!line.isBlank()) {
                    paragraphs.add(line);
                    size += line.length() + 2;
                }
            }
        }
        EnrichedStory enriched = assertTimeoutPreemptively(NO_HANG, () -> enrich(paragraphs));
        assertThat(enriched.getSignals()).isNotEmpty();
        assertThat(enriched.getEscalationScore()).isPositive();
    }

    @Test
    void shouldEnrichOneFiveMegabyteParagraphWithoutSentenceBreaks() {
        String word = "Russia NATO talks ";
        String blob = word.repeat(5_000_000 / word.length());
        EnrichedStory enriched = assertTimeoutPreemptively(NO_HANG, () -> enrich(List.of(blob)));
        assertThat(enriched.getEntities()).isNotEmpty();
    }

    @Test
    void shouldEnrichTextInAnotherScript() {
        EnrichedStory enriched = enrich(List.of("Россия отвергла требования НАТО и пригрозила ответными мерами.",
                "北约秘书长说，俄罗斯必须撤军。", "روسيا ترفض مطالب حلف الناتو"));
        assertThat(enriched.getEscalationScore()).isZero();
    }

    @Test
    void shouldEnrichAnAllCapsStory() {
        EnrichedStory enriched = enrich(List.of("RUSSIA REJECTS NATO DEMANDS, THREATENS RETALIATORY MEASURES"));
        assertThat(enriched.getEntities()).extracting(e -> e.getActorId()).contains("RUS", "NATO");
        assertThat(enriched.getSignals()).anyMatch(s -> s.getCategory() == PloverCategory.THREATEN);
    }

    @Test
    void shouldEnrichMojibake() {
        EnrichedStory enriched = enrich(List.of("â€œThere will be no change,â€ said Antony Blinken. Moscowâ€™s "
                + "demands were rejected by NATO.", "\uFFFD\uFFFD\u0000 \uD800 broken"));
        assertThat(enriched.getEntities()).extracting(e -> e.getActorId()).contains("PER:ANTONY_BLINKEN", "NATO");
    }

    @Test
    void shouldGiveSpansInsideTheTextForEveryInput() {
        for (List<String> paragraphs : List.of(List.of("“", "”"), List.of("\"\"\"\""), List.of("U.S.", "..."),
                List.of("?!?!", "Mr.", "A. B. C."))) {
            EnrichedStory enriched = enrich(paragraphs);
            TextDocument document = TextDocument.of("t", paragraphs, null, WireSentenceSplitter.standard());
            enriched.getSignals().forEach(s -> assertThat(s.getEnd()).isLessThanOrEqualTo(document.text().length()));
        }
    }
}
