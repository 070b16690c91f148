package io.wirewatch.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model shipped in the jar, loaded once for all tests. */
class BundledModelTest {

    private static final PerceptronNameFinder MODEL = PerceptronNameFinder.bundled();

    @Test
    void shouldFindStoltenbergAsAPerson() {
        List<String> tokens = TrainerTest.tokens(
                "\" We will not compromise on our principles , \" Stoltenberg told reporters in Brussels .");

        assertThat(names(tokens)).contains("Stoltenberg/PER", "Brussels/LOC");
    }

    @Test
    void shouldFindNatoAsAnOrganisationAndTheSecretaryGeneralAsAPerson() {
        List<String> tokens = TrainerTest.tokens(
                "NATO Secretary-General Jens Stoltenberg said the alliance had sent its answer to Moscow .");

        assertThat(names(tokens)).contains("NATO/ORG", "Jens Stoltenberg/PER", "Moscow/LOC");
    }

    @Test
    void shouldFindTheKremlinWithTheTypeCoNllGivesIt() {
        // CoNLL-2003 annotates "Kremlin" as LOC every time it occurs in eng.train; the actor knowledge base, not
        // this tagger, resolves "the Kremlin" to Russia's government.
        List<String> tokens = TrainerTest.tokens("The Kremlin has repeatedly denied any plans to attack Ukraine .");

        assertThat(names(tokens)).containsExactly("Kremlin/LOC", "Ukraine/LOC");
    }

    @Test
    void shouldFindKaliningradAsAPlace() {
        List<String> tokens = TrainerTest.tokens("Russia has deployed Iskander missiles in Kaliningrad , officials said .");

        assertThat(names(tokens)).contains("Russia/LOC", "Kaliningrad/LOC");
    }

    @Test
    void shouldFindEveryPlaceOfTheSeedStorysExerciseSentenceAsAName() {
        // In eng.train "Kaliningrad" occurs only in a football club's name (ORG); in this sentence the model finds
        // it but mistypes it, a known weakness written up in MODEL_CARD.md. The other places get LOC.
        List<String> tokens = TrainerTest.tokens("As part of the exercise , motorized infantry and artillery units in"
                + " southwestern Russia practiced shelling , warplanes bombed Kaliningrad in the Baltic Sea , dozens of"
                + " warships sailed for training exercises in the Black Sea and Arctic , and arrived in Belarus for"
                + " joint war games .");

        assertThat(names(tokens)).contains("Russia/LOC", "Baltic Sea/LOC", "Black Sea/LOC", "Belarus/LOC");
        assertThat(MODEL.find(tokens)).extracting(span -> tokens.get(span.start())).contains("Kaliningrad");
    }

    @Test
    void shouldReturnNothingForNoTokens() {
        assertThat(MODEL.find(List.of())).isEmpty();
    }

    @Test
    void shouldTagTenThousandTokensInOneSentenceWithoutCuttingANameInTwo() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tokens.addAll(TrainerTest.tokens("Jens Stoltenberg met Sergei Lavrov in Geneva , officials said"));
        }

        List<NameSpan> spans = MODEL.find(tokens);

        assertWellFormed(spans, tokens.size());
        assertThat(spans).filteredOn(span -> tokens.get(span.start()).equals("Jens")
                        && span.end() - span.start() == 2 && span.type().equals("PER"))
                .hasSize(1000);
    }

    @Test
    void shouldReturnWellFormedSpansForNonLatinScript() {
        List<String> tokens = TrainerTest.tokens("Президент Владимир Путин заявил , что Москва не уступит НАТО .");

        List<NameSpan> spans = MODEL.find(tokens);

        assertWellFormed(spans, tokens.size());
    }

    @Test
    void shouldTagAnAllCapsHeadline() {
        List<String> tokens = TrainerTest.tokens("RUSSIA WARNS NATO OVER MISSILES IN KALININGRAD");

        List<NameSpan> spans = MODEL.find(tokens);

        assertWellFormed(spans, tokens.size());
        assertThat(names(tokens)).contains("NATO/ORG");
    }

    @Test
    void shouldSurviveOddTokens() {
        List<String> tokens = List.of("", " ", "â€™", "\u0000", "x".repeat(5000), "12:30", "???", "\uD83D\uDE00");

        assertWellFormed(MODEL.find(tokens), tokens.size());
    }

    @Test
    void shouldReportItsSize() {
        assertThat(MODEL.featureCount()).isGreaterThan(10_000);
        assertThat(MODEL.heapBytes()).isBetween(1_000_000L, 200_000_000L);
    }

    private static List<String> names(List<String> tokens) {
        List<String> names = new ArrayList<>();
        for (NameSpan span : MODEL.find(tokens)) {
            names.add(String.join(" ", tokens.subList(span.start(), span.end())) + "/" + span.type());
        }
        return names;
    }

    private static void assertWellFormed(List<NameSpan> spans, int n) {
        int last = 0;
        for (NameSpan span : spans) {
            assertThat(span.start()).isGreaterThanOrEqualTo(last);
            assertThat(span.end()).isLessThanOrEqualTo(n);
            assertThat(span.type()).isIn(Labels.TYPES);
            last = span.end();
        }
        assertThat(Collections.unmodifiableList(spans)).isNotNull();
    }
}
