package io.wirewatch.nlp.stance;

import io.wirewatch.nlp.Fixtures;
import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Signal;
import java.time.Instant;
import java.util.List;

/** Test helper: entities and signals of a text with the standard taggers. */
final class Tagging {

    static final ActorTagger ENTITIES = ActorTagger.standard(NameFinder.none());
    static final PatternStanceTagger STANCE = PatternStanceTagger.standard();
    static final Instant DATE = Instant.parse("2025-03-10T12:00:00Z");

    private Tagging() {
    }

    static List<Signal> signals(String... paragraphs) {
        return signals(Fixtures.paragraphs(DATE, paragraphs));
    }

    static List<Signal> story(String path) {
        return signals(Fixtures.story(path, DATE));
    }

    static List<Signal> signals(TextDocument document) {
        List<Entity> entities = ENTITIES.tag(document);
        return STANCE.tag(document, entities);
    }

    static String describe(List<Signal> signals) {
        StringBuilder out = new StringBuilder();
        for (Signal s : signals) {
            out.append(s.getCategory()).append(' ').append(s.getModality()).append(' ').append(s.getSource())
                    .append("->").append(s.getTarget()).append(" '").append(s.getEvidence()).append("' ")
                    .append(s.getRule()).append('\n');
        }
        return out.toString();
    }
}
