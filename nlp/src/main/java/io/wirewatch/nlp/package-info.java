/**
 * wirewatch's reading library, Kafka-free: what a story says and who says it about whom. One entry point,
 * {@link io.wirewatch.nlp.Enrichers#standard(java.time.Clock)}: its {@link io.wirewatch.nlp.Enricher} turns a
 * {@code Story} into an {@code EnrichedStory} (sentences, entities and actors, quotes, stance signals with
 * modality, the escalation score). The feature packages beneath: {@code text}, {@code kb}, {@code ner},
 * {@code entity}, {@code quote}, {@code stance}.
 */
@NullMarked
package io.wirewatch.nlp;

import org.jspecify.annotations.NullMarked;
