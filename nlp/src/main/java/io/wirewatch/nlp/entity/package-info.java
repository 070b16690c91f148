/** Entities and actors: who is in the story, resolved to canonical actors. */
@NullMarked
package io.wirewatch.nlp.entity;

import org.jspecify.annotations.NullMarked;
