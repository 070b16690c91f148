/**
 * The data contract of wirewatch: Avro records (generated from {@code src/main/avro}), their Kafka Serdes in
 * Avro single-object encoding, a plain JSON view of them, and the catalogue of topics.
 */
@NullMarked
package io.wirewatch.schema;

import org.jspecify.annotations.NullMarked;
