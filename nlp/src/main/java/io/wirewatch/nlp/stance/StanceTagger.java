package io.wirewatch.nlp.stance;

import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Signal;
import java.util.List;

/** Finds stance signals (PLOVER categories with source, target, modality and evidence) in a tagged document. */
@FunctionalInterface
public interface StanceTagger {

    /** Signals in text order, given the document and its entities (as an entity tagger found them). */
    List<Signal> tag(TextDocument document, List<Entity> entities);
}
