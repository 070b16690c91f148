package io.wirewatch.tools.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.nlp.ner.ConllEval;
import io.wirewatch.nlp.ner.LabelledSentence;
import io.wirewatch.nlp.ner.NameSpan;
import io.wirewatch.nlp.ner.Trainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private static List<LabelledSentence> corpus() {
        String[] people = {"Lavrov", "Blinken", "Stoltenberg", "Zelensky", "Scholz", "Macron"};
        List<LabelledSentence> sentences = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = people[i % people.length];
            sentences.add(new LabelledSentence(List.of(name, "said", "on", "Monday", "."),
                    List.of(new NameSpan(0, 1, "PER")), i / 10));
        }
        return sentences;
    }

    @Test
    void shouldScoreEverySentenceOnceWithAModelThatNeverSawIt() {
        ConllEval.Scores scores = CrossValidation.run(corpus(), 3, new Trainer.Options(2, 1, 1L));
        assertThat(scores.sentences()).isEqualTo(60);
        assertThat(scores.tokens()).isEqualTo(300);
        ConllEval.Counts per = scores.byType().get("PER");
        assertThat(per.truePositives() + per.falseNegatives()).isEqualTo(60);
        assertThat(scores.overall().f1()).isGreaterThan(0.5);
    }

    @Test
    void shouldHoldOutEachSentenceInExactlyOneFoldAndTrainItsModelOnAllTheOthers() {
        List<LabelledSentence> corpus = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            corpus.add(new LabelledSentence(List.of("Story", String.valueOf(i), "."), List.of(), i / 10));
        }
        List<LabelledSentence> seen = new ArrayList<>();
        for (int fold = 0; fold < 4; fold++) {
            List<LabelledSentence> held = CrossValidation.heldOut(corpus, 4, fold);
            List<LabelledSentence> training = CrossValidation.training(corpus, 4, fold);
            assertThat(held).hasSize(15);
            assertThat(training).hasSize(45).doesNotContainAnyElementsOf(held);
            seen.addAll(held);
        }
        assertThat(seen).containsExactlyElementsOf(corpus);
        assertThatThrownBy(() -> CrossValidation.heldOut(corpus, 4, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fold must be between 0 and 3");
    }

    @Test
    void shouldRefuseFewerThanTwoFolds() {
        assertThatThrownBy(() -> CrossValidation.run(corpus(), 1, new Trainer.Options(2, 1, 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("folds");
    }
}
