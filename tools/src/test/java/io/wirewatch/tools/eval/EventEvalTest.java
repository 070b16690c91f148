package io.wirewatch.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import io.wirewatch.schema.PloverCategory;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventEvalTest {

    private final EventEval eval = new EventEval(WireSentenceSplitter.standard(),
            ActorTagger.standard(NameFinder.none()), PatternStanceTagger.standard(), ActorKb.standard());

    private static Path gold() throws URISyntaxException {
        return Path.of(EventEvalTest.class.getClassLoader().getResource("eval/mini-gold.json").toURI());
    }

    @Test
    void shouldReadGoldRecordsAndSkipDocumentation() throws Exception {
        List<EventEval.Gold> records = EventEval.read(gold());
        assertThat(records).extracting(EventEval.Gold::id).containsExactly("t1", "t2", "t3", "t4");
        assertThat(records.get(0).sources()).containsExactly("RUS");
        assertThat(records.get(3).targets()).isEmpty();
    }

    @Test
    void shouldScoreCategoriesAndActorsAndMapIgosToTheGoldVocabulary() throws Exception {
        StringWriter lines = new StringWriter();
        EventEval.Report report = eval.evaluate(EventEval.read(gold()), lines);
        assertThat(report.records()).isEqualTo(4);
        assertThat(report.accuracy()).isEqualTo(0.75);
        // REJECT, THREATEN, AGREE each F1 1.0; PROTEST never predicted: F1 0
        assertThat(report.macroF1()).isCloseTo(0.75, within(1e-9));
        assertThat(report.sourceAgreement()).isEqualTo(0.75);
        assertThat(report.confusion().get("PROTEST")).containsEntry(EventEval.NONE, 1);
        assertThat(report.confusion().get("REJECT")).containsEntry("REJECT", 1);
        assertThat(lines.toString().lines()).hasSize(4).first().asString()
                .contains("\"id\":\"t1\"").contains("\"target\":\"IGO\"");
        assertThat(report.format()).contains("category macro-F1 0.750").contains("confusion");
    }

    @Test
    void shouldScoreAnAppealAsTheDemandPloverCodesItAs() {
        assertThat(EventEval.plover(PloverCategory.APPEAL)).isEqualTo("DEMAND");
        assertThat(EventEval.plover(PloverCategory.DEMAND)).isEqualTo("DEMAND");
        assertThat(EventEval.plover(PloverCategory.FIGHT)).isEqualTo("FIGHT");
    }

    @Test
    void shouldCrossValidateByDroppingTheRulesThatFireOnlyOnTheScoredFold() {
        // Two sentences share the "threatened" rule; the "non-starter" rule (which the verb lexicon does not know)
        // fires on one sentence only.
        List<EventEval.Gold> records = List.of(
                new EventEval.Gold("x1", "Russia threatened Ukraine on Monday.", null, "THREATEN", List.of("RUS"),
                        List.of("UKR")),
                new EventEval.Gold("x4", "Iran threatened Israel on Tuesday.", null, "THREATEN", List.of("IRN"),
                        List.of("ISR")),
                new EventEval.Gold("x6", "Russia called the idea a non-starter for Ukraine.", null, "REJECT",
                        List.of("RUS"), List.of("UKR")));
        assertThat(eval.evaluate(records, null).accuracy()).isEqualTo(1.0);

        EventEval.CrossValidation cv = eval.crossValidate(records, 3);

        // x1, x4 and x6 fall in folds 0, 1 and 2: the shared rule survives in every fold, "non-starter" not
        assertThat(List.of("x1", "x4", "x6")).extracting(id -> EventEval.fold(records.stream()
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow(), 3)).containsExactly(0, 1, 2);
        assertThat(cv.report().records()).isEqualTo(3);
        assertThat(cv.report().confusion().get("THREATEN")).containsEntry("THREATEN", 2);
        assertThat(cv.report().confusion().get("REJECT")).doesNotContainKey("REJECT");
        assertThat(cv.rulesRemovedPerFold()).isGreaterThan(0);
        assertThat(cv.format()).startsWith("3-fold cross-validation");
    }
}
