package io.wirewatch.enrich.entity;

import io.wirewatch.enrich.Fixtures;
import io.wirewatch.enrich.ner.NameFinder;
import io.wirewatch.enrich.stance.PatternStanceTagger;
import io.wirewatch.enrich.text.TextDocument;
import io.wirewatch.schema.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        TextDocument doc = Fixtures.seed();
        List<Entity> entities = ActorTagger.standard(NameFinder.none()).tag(doc);
        PatternStanceTagger tagger = PatternStanceTagger.standard();
        tagger.quotes(doc, entities).forEach(q -> System.out.println("Q " + doc.text().substring(q.start(), Math.min(q.end(), q.start() + 40)) + " -> " + (q.speaker() == null ? null : q.speaker().getActorName()) + " " + q.how()));
        tagger.tag(doc, entities).forEach(s -> System.out.println(s.getCategory() + " " + s.getCameoCode() + " " + s.getModality() + " " + s.getSource() + "->" + s.getTarget() + " [" + s.getSpeaker() + "] '" + s.getEvidence() + "' " + s.getRule()));
    }
}
