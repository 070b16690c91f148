package io.wirewatch.enrich.entity;

import io.wirewatch.enrich.text.TextDocument;
import io.wirewatch.schema.Entity;
import java.util.List;

/** Finds the named entities of a document and resolves each, where it can, to a canonical actor. */
@FunctionalInterface
public interface EntityTagger {

    /** Entity mentions in text order, with spans into {@link TextDocument#text()}. */
    List<Entity> tag(TextDocument document);
}
