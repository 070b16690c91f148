package io.wirewatch.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wirewatch.enrich.entity.ActorTagger;
import io.wirewatch.enrich.kb.ActorKb;
import io.wirewatch.enrich.ner.NameFinder;
import io.wirewatch.enrich.stance.PatternStanceTagger;
import io.wirewatch.enrich.text.WireSentenceSplitter;
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
}
