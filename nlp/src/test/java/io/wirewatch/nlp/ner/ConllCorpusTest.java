package io.wirewatch.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllCorpusTest {

    @Test
    void shouldReadIob1WhereINamesStartAfterO() throws IOException {
        String text = """
                -DOCSTART- -X- O O

                Blinken NNP I-NP I-PER
                met VBD I-VP O
                Lavrov NNP I-NP I-PER
                Sergei NNP I-NP B-PER
                in IN I-PP O
                Geneva NNP I-NP I-LOC
                . . O O

                -DOCSTART- -X- O O

                NATO NNP I-NP I-ORG
                Secretary-General NNP I-NP O
                """;

        List<LabelledSentence> sentences = read(text);

        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).names()).containsExactly(
                new NameSpan(0, 1, "PER"), new NameSpan(2, 3, "PER"), new NameSpan(3, 4, "PER"),
                new NameSpan(5, 6, "LOC"));
        assertThat(sentences.get(0).document()).isZero();
        assertThat(sentences.get(1).document()).isEqualTo(1);
        assertThat(sentences.get(1).names()).containsExactly(new NameSpan(0, 1, "ORG"));
    }

    @Test
    void shouldReadIob2AndTypeChanges() {
        List<NameSpan> spans = ConllCorpus.spans(List.of("B-ORG", "I-ORG", "I-LOC", "O", "B-MISC", "B-MISC"));

        assertThat(spans).containsExactly(new NameSpan(0, 2, "ORG"), new NameSpan(2, 3, "LOC"),
                new NameSpan(4, 5, "MISC"), new NameSpan(5, 6, "MISC"));
    }

    @Test
    void shouldWriteIob2ThatReadsBackToTheSameSpans() {
        List<NameSpan> spans = List.of(new NameSpan(0, 2, "PER"), new NameSpan(2, 3, "PER"), new NameSpan(4, 5, "LOC"));

        List<String> tags = ConllCorpus.iob2(spans, 6);

        assertThat(tags).containsExactly("B-PER", "I-PER", "B-PER", "O", "B-LOC", "O");
        assertThat(ConllCorpus.spans(tags)).isEqualTo(spans);
    }

    @Test
    void shouldSayWhereABadTagIs() {
        assertThatThrownBy(() -> read("Blinken PERSON\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("test:1")
                .hasMessageContaining("PERSON");
    }

    @Test
    void shouldReadAFileWithoutDocumentMarksAsOneDocument() throws IOException {
        List<LabelledSentence> sentences = read("a O\n\nb O\n\n\n");

        assertThat(sentences).extracting(LabelledSentence::document).containsExactly(0, 0);
    }

    private static List<LabelledSentence> read(String text) throws IOException {
        return ConllCorpus.read(new BufferedReader(new StringReader(text)), "test");
    }
}
