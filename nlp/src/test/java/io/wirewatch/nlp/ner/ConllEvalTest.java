package io.wirewatch.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllEvalTest {

    private static final List<LabelledSentence> GOLD = List.of(
            new LabelledSentence(List.of("Jens", "Stoltenberg", "visited", "Kiev"),
                    List.of(new NameSpan(0, 2, "PER"), new NameSpan(3, 4, "LOC")), 0),
            new LabelledSentence(List.of("NATO", "and", "EU", "envoys"),
                    List.of(new NameSpan(0, 1, "ORG"), new NameSpan(2, 3, "ORG")), 0));

    /** Finds the surname alone (a wrong span), Kiev right, NATO right, EU as LOC (wrong type). */
    private static final NameFinder PARTLY_RIGHT = tokens -> tokens.get(0).equals("Jens")
            ? List.of(new NameSpan(1, 2, "PER"), new NameSpan(3, 4, "LOC"))
            : List.of(new NameSpan(0, 1, "ORG"), new NameSpan(2, 3, "LOC"));

    @Test
    void shouldCountOnlyExactSpanAndTypeAsCorrect() {
        ConllEval.Scores scores = ConllEval.score(PARTLY_RIGHT, GOLD);

        assertThat(scores.overall()).isEqualTo(new ConllEval.Counts(2, 2, 2));
        assertThat(scores.byType().get("PER")).isEqualTo(new ConllEval.Counts(0, 1, 1));
        assertThat(scores.byType().get("LOC")).isEqualTo(new ConllEval.Counts(1, 1, 0));
        assertThat(scores.byType().get("ORG")).isEqualTo(new ConllEval.Counts(1, 0, 1));
        assertThat(scores.overall().f1()).isEqualTo(0.5);
    }

    @Test
    void shouldWriteEachTokenWithGoldAndPredictedTags() throws IOException {
        StringWriter out = new StringWriter();

        ConllEval.score(PARTLY_RIGHT, GOLD, out);

        assertThat(out.toString()).isEqualTo("""
                Jens B-PER O
                Stoltenberg I-PER B-PER
                visited O O
                Kiev B-LOC B-LOC

                NATO B-ORG B-ORG
                and O O
                EU B-ORG B-LOC
                envoys O O

                """);
    }

    @Test
    void shouldPrintATableWithEveryType() {
        String table = ConllEval.score(PARTLY_RIGHT, GOLD).table();

        assertThat(table).contains("PER", "ORG", "LOC", "MISC", "overall").contains("0.5000");
    }
}
