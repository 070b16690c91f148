/**
 * The data contract of wirewatch: Avro records (generated from {@code src/main/avro}), their Kafka Serdes in
 * Avro single-object encoding, a plain JSON view of them, and the catalogue of topics. The shared vocabulary is
 * Avro enums, each with a default symbol a reader falls back on for a symbol added after it was built:
 * {@link io.wirewatch.schema.PloverCategory}, {@link io.wirewatch.schema.QuadClass},
 * {@link io.wirewatch.schema.Modality}, {@link io.wirewatch.schema.StanceLevel},
 * {@link io.wirewatch.schema.StanceChangeKind} and {@link io.wirewatch.schema.Severity}. Records written when
 * categories and levels were strings are upgraded on read by {@link io.wirewatch.schema.AvroSerde}.
 */
@NullMarked
package io.wirewatch.schema;

import org.jspecify.annotations.NullMarked;
