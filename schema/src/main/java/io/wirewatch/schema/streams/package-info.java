/**
 * What every wirewatch Kafka Streams service does with a record or a thread that fails: a record that makes a
 * processor throw, or that is too large to write, goes to {@code news.dlq} with the reason and its coordinates
 * ({@link io.wirewatch.schema.streams.DeadLetterHandlers}); a stream thread that keeps dying stops the service
 * instead of being replaced onto the same fault for ever ({@link io.wirewatch.schema.streams.StreamThreadFailures});
 * and all RocksDB stores of a process, Kafka Streams' and ingest's index, share one bounded memory budget
 * ({@link io.wirewatch.schema.streams.RocksDbMemory}, installed in Streams by
 * {@link io.wirewatch.schema.streams.BoundedRocksDbMemory}).
 * Kafka Streams is a provided dependency of this module: only the services that run it load these classes.
 */
@NullMarked
package io.wirewatch.schema.streams;

import org.jspecify.annotations.NullMarked;
