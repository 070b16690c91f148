package io.wirewatch.ingest;

import io.wirewatch.ingest.dedup.NearDuplicates;
import io.wirewatch.ingest.dedup.SimHash;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes stories to {@code news.stories.raw}: drops exact duplicates (same id or content hash) of stories the
 * archive already holds ({@link StoryIndex}) or this instance wrote, records each new story in the index, gives
 * each story its near-duplicate cluster, and counts what one call did in a {@link Batch}.
 */
final class StoryProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoryProducer.class);

    private final Producer<String, Story> producer;
    private final Producer<String, String> index;
    private final Set<String> seenIds;
    private final Set<String> seenHashes;
    private final NearDuplicates clusters = new NearDuplicates(3);

    StoryProducer(Producer<String, Story> producer, Producer<String, String> index, StoryIndex known) {
        this.producer = producer;
        this.index = index;
        this.seenIds = new HashSet<>(known.ids());
        this.seenHashes = new HashSet<>(known.hashes());
        known.clusters().forEach(clusters::remember);
    }

    Batch batch() {
        return new Batch();
    }

    @Override
    public void close() {
        producer.close();
        index.close();
    }

    /** Counts, exact and near duplicate checks and sends for one call of the service. */
    final class Batch {
        final List<IngestReport.Failure> failures = new ArrayList<>();
        final Map<String, Future<RecordMetadata>> sent = new LinkedHashMap<>();
        int read;
        int duplicates;

        void fail(String source, String reason) {
            LOG.warn("no story from {}: {}", source, reason);
            failures.add(new IngestReport.Failure(source, reason));
        }

        void offer(String source, Story story) {
            read++;
            boolean newId = seenIds.add(story.getId());
            boolean newContent = seenHashes.add(story.getContentHash());
            if (!newId || !newContent) {
                duplicates++;
                LOG.info("skipping duplicate story {} from {}", story.getId(), source);
                return;
            }
            long fingerprint = SimHash.of(String.join("\n\n", story.getParagraphs()));
            NearDuplicates.Assignment cluster = clusters.add(story.getId(), fingerprint);
            story.setClusterId(cluster.clusterId());
            if (cluster.copy()) {
                LOG.info("story {} from {} is a near-duplicate of {}", story.getId(), source, cluster.clusterId());
            }
            sent.put(source, producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), null,
                    eventTime(story).toEpochMilli(), story.getId(), story)));
            index.send(new ProducerRecord<>(Topics.STORIES_INDEX.name(), StoryIndex.ID + story.getId(), story.getId()));
            index.send(new ProducerRecord<>(Topics.STORIES_INDEX.name(), StoryIndex.HASH + story.getContentHash(),
                    story.getId()));
            index.send(new ProducerRecord<>(Topics.STORIES_INDEX.name(), StoryIndex.SIMHASH + story.getId(),
                    StoryIndex.simValue(fingerprint, cluster.clusterId())));
        }

        /** Writes a record that is not a story (a fetch failure): not deduplicated, not counted as produced. */
        void record(Story failure) {
            producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), null, eventTime(failure).toEpochMilli(),
                    failure.getId(), failure), (meta, error) -> {
                if (error != null) {
                    LOG.error("cannot record fetch failure of {} on {}: {}", failure.getUrl(),
                            Topics.STORIES_RAW.name(), error.toString());
                }
            });
        }

        IngestReport finish() {
            producer.flush();
            index.flush();
            int produced = 0;
            for (Map.Entry<String, Future<RecordMetadata>> entry : sent.entrySet()) {
                try {
                    entry.getValue().get();
                    produced++;
                } catch (ExecutionException e) {
                    String reason = "cannot produce to " + Topics.STORIES_RAW.name() + ": " + e.getCause();
                    LOG.error("{}: {}", entry.getKey(), reason);
                    failures.add(new IngestReport.Failure(entry.getKey(), reason));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(new IngestReport.Failure(entry.getKey(), "interrupted while producing"));
                }
            }
            IngestReport report = new IngestReport(read, produced, duplicates, failures);
            LOG.info("ingest: {} read, {} produced, {} duplicates, {} failures", read, produced, duplicates,
                    failures.size());
            return report;
        }
    }

    /** Event time of a raw story is its publication time, so windows and replays see it when it happened. */
    static java.time.Instant eventTime(Story story) {
        return story.getPublishedAt() != null ? story.getPublishedAt() : story.getFetchedAt();
    }
}
