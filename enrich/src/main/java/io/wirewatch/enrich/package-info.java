/** The enrichment stage: a Kafka Streams topology that tags every story with entities, actors and stance signals. */
@NullMarked
package io.wirewatch.enrich;

import org.jspecify.annotations.NullMarked;
