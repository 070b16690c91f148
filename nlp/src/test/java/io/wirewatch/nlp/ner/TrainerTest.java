package io.wirewatch.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static List<LabelledSentence> tiny;
    private static PerceptronNameFinder model;

    @BeforeAll
    static void trainOnTheTinyFixture() throws IOException {
        try (InputStream in = TrainerTest.class.getResourceAsStream("tiny.conll")) {
            tiny = ConllCorpus.read(new BufferedReader(new InputStreamReader(Objects.requireNonNull(in),
                    StandardCharsets.UTF_8)), "tiny.conll");
        }
        model = Trainer.train(tiny, new Trainer.Options(10, 1, 3L));
    }

    @Test
    void shouldReproduceTheNamesItWasTrainedOn() {
        ConllEval.Scores scores = ConllEval.score(model, tiny);

        assertThat(scores.overall().f1()).isGreaterThan(0.95);
    }

    @Test
    void shouldFindKnownNamesInASentenceItHasNotSeen() {
        // starts in lower case: the fixture has too few capitalised sentence openers to learn what they are
        List<String> tokens = tokens("later , reporters in Ostreva said Miro Delane left the Tallis Group .");

        assertThat(model.find(tokens)).containsExactly(
                new NameSpan(4, 5, "LOC"), new NameSpan(6, 8, "PER"), new NameSpan(10, 12, "ORG"));
    }

    @Test
    void shouldGiveTheSamePredictionsAfterAWriteAndReadRoundTrip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);

        PerceptronNameFinder read = PerceptronNameFinder.read(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(read.featureCount()).isEqualTo(model.featureCount());
        for (LabelledSentence sentence : tiny) {
            assertThat(read.find(sentence.tokens())).isEqualTo(model.find(sentence.tokens()));
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        read.write(again);
        assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
    }

    @Test
    void shouldBeDeterministicForAGivenSeed() throws IOException {
        PerceptronNameFinder second = Trainer.train(tiny, new Trainer.Options(10, 1, 3L));
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();

        model.write(a);
        second.write(b);

        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void shouldTrainWithJackKnifedLexiconsWhenAskedForFolds() {
        PerceptronNameFinder folded = Trainer.train(tiny, new Trainer.Options(10, 4, 3L));

        assertThat(ConllEval.score(folded, tiny).overall().f1()).isGreaterThan(0.9);
    }

    @Test
    void shouldWriteFormatTwoWithoutKnownNamesAndFormatThreeWithThem() throws IOException {
        PerceptronNameFinder withKnown = Trainer.train(tiny, new Trainer.Options(2, 1, 3L, 1, true));

        assertThat(formatOf(model)).isEqualTo(2);
        assertThat(formatOf(withKnown)).isEqualTo(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        withKnown.write(bytes);
        PerceptronNameFinder read = PerceptronNameFinder.read(new ByteArrayInputStream(bytes.toByteArray()));
        for (LabelledSentence sentence : tiny) {
            assertThat(read.find(sentence.tokens())).isEqualTo(withKnown.find(sentence.tokens()));
        }
    }

    private static int formatOf(PerceptronNameFinder finder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        finder.write(bytes);
        try (java.io.DataInputStream in = new java.io.DataInputStream(
                new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bytes.toByteArray())))) {
            in.readInt();
            return in.readInt();
        }
    }

    @Test
    void shouldRejectSomethingThatIsNotAModel() {
        byte[] notAModel = "hello".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PerceptronNameFinder.read(new ByteArrayInputStream(notAModel)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldRejectAnEmptyTrainingSet() {
        assertThatThrownBy(() -> Trainer.train(List.of(), Trainer.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no training sentences");
    }

    static List<String> tokens(String text) {
        return Arrays.asList(text.split(" "));
    }
}
