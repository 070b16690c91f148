package io.wirewatch.nlp.stance;

import io.wirewatch.schema.Modality;
import org.jspecify.annotations.Nullable;

/** A candidate signal before source and target are known. */
record Candidate(StanceRules.Match match, String category, String cameo, String rule, int spanStart,
        @Nullable Modality negation) {
}
