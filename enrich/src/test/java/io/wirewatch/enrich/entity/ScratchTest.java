package io.wirewatch.enrich.entity;

import io.wirewatch.enrich.Fixtures;
import io.wirewatch.enrich.ner.NameFinder;
import io.wirewatch.enrich.text.TextDocument;
import io.wirewatch.schema.AvroJson;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        TextDocument doc = Fixtures.seed();
        doc.sentences().forEach(s -> System.out.println("S" + s.index() + "/" + s.paragraph() + ": " + s.text()));
        ActorTagger.standard(NameFinder.none()).tag(doc).forEach(e -> System.out.println(AvroJson.toJson(e)));
    }
}
