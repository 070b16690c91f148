package io.wirewatch.nlp.stance;

import io.wirewatch.schema.Signal;
import java.util.List;

/** Scores how hard a story's language is, from its signals: 0 = no conflict language, higher = harder. */
@FunctionalInterface
public interface EscalationScorer {

    double score(List<Signal> signals);
}
