/**
 * The enrichment service: a Kafka Streams topology that runs the nlp library's {@code Enricher} over every story,
 * then the dyad windows and stance changes.
 */
@NullMarked
package io.wirewatch.enrich;

import org.jspecify.annotations.NullMarked;
