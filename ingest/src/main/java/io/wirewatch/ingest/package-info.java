/**
 * Ingest: reads stories from files, folders and pages, extracts them and produces {@code Story} records to
 * {@code news.stories.raw} with an idempotent producer. {@link io.wirewatch.ingest.IngestService} is the entry
 * point; {@link io.wirewatch.ingest.StoryReader} turns one file into a story without Kafka.
 */
@NullMarked
package io.wirewatch.ingest;

import org.jspecify.annotations.NullMarked;
