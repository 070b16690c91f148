package io.wirewatch.nlp.entity;

import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.Entity;
import java.util.List;

/** Finds the named entities of a document and resolves each, where it can, to a canonical actor. */
@FunctionalInterface
public interface EntityTagger {

    /** Entity mentions in text order, with spans into {@link TextDocument#text()}. */
    List<Entity> tag(TextDocument document);

    /**
     * The tagger for text in a language its statistical name finder was not trained on: names the knowledge base
     * and gazetteer know, none guessed (an English model reads capitalised words of other languages as persons).
     * A tagger without a statistical part is its own.
     */
    default EntityTagger knownNamesOnly() {
        return this;
    }
}
