package io.wirewatch.ingest;

import io.wirewatch.ingest.dedup.NearDuplicates;
import io.wirewatch.ingest.dedup.SimHash;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * archive already holds ({@link StoryIndex}) or this instance wrote, gives each story its near-duplicate cluster,
 * records in the index only the stories the archive acknowledged, and counts what one call did in a
 * {@link Batch}. A story too large for one request is refused before it is sent; a story whose write fails is
 * forgotten, so that a later run can write it.
 */
final class StoryProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoryProducer.class);

    private final Producer<String, Story> producer;
    private final Producer<String, String> index;
    private final Set<String> seenIds;
    private final Set<String> seenHashes;
    private final NearDuplicates clusters = new NearDuplicates(3);
    private final int maxRequestSize;

    /** @param maxRequestSize the story producer's {@code max.request.size}: no larger story is sent */
    StoryProducer(Producer<String, Story> producer, Producer<String, String> index, StoryIndex known,
                  int maxRequestSize) {
        this.producer = producer;
        this.index = index;
        this.maxRequestSize = maxRequestSize;
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
        /** Pages not read whose feed item made the story instead, and why the page was not read. */
        final List<IngestReport.Failure> fromSummaries = new ArrayList<>();
        final List<Pending> sent = new ArrayList<>();
        int read;
        int duplicates;

        void fail(String source, String reason) {
            LOG.warn("no story from {}: {}", source, reason);
            failures.add(new IngestReport.Failure(source, reason));
        }

        /** Offers a story made of a feed item because its page could not be read ({@code why}). */
        void offerFromSummary(String source, Story story, String why) {
            LOG.info("page {} not read ({}): story made of its feed item", source, why);
            fromSummaries.add(new IngestReport.Failure(source, why));
            offer(source, story);
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
            int size = encodedSize(story);
            if (size > maxRequestSize) {
                forget(story);
                fail(source, "story " + story.getId() + " is " + size + " bytes encoded, more than max.request.size "
                        + maxRequestSize + " of the producer to " + Topics.STORIES_RAW.name() + ": not written");
                return;
            }
            long fingerprint = SimHash.of(String.join("\n\n", story.getParagraphs()));
            NearDuplicates.Assignment cluster = clusters.add(story.getId(), fingerprint);
            story.setClusterId(cluster.clusterId());
            if (cluster.copy()) {
                LOG.info("story {} from {} is a near-duplicate of {}", story.getId(), source, cluster.clusterId());
            }
            Future<RecordMetadata> write = producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), null,
                    eventTime(story).toEpochMilli(), story.getId(), story));
            sent.add(new Pending(source, story, fingerprint, cluster.clusterId(), write));
        }

        /** Records in the index a story the archive acknowledged. */
        private void index(Pending written) {
            Story story = written.story();
            index.send(new ProducerRecord<>(Topics.STORIES_INDEX.name(), StoryIndex.ID + story.getId(), story.getId()));
            index.send(new ProducerRecord<>(Topics.STORIES_INDEX.name(), StoryIndex.HASH + story.getContentHash(),
                    story.getId()));
            index.send(new ProducerRecord<>(Topics.STORIES_INDEX.name(), StoryIndex.SIMHASH + story.getId(),
                    StoryIndex.simValue(written.fingerprint(), written.clusterId())));
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
            int produced = 0;
            for (Pending pending : sent) {
                try {
                    pending.write().get();
                    produced++;
                    index(pending);
                } catch (ExecutionException e) {
                    forget(pending.story());
                    String reason = "cannot produce story " + pending.story().getId() + " to "
                            + Topics.STORIES_RAW.name() + ": " + e.getCause();
                    LOG.error("{}: {}", pending.source(), reason);
                    failures.add(new IngestReport.Failure(pending.source(), reason));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(new IngestReport.Failure(pending.source(), "interrupted while producing"));
                }
            }
            index.flush();
            IngestReport report = new IngestReport(read, produced, duplicates, failures, fromSummaries);
            LOG.info("ingest: {} read, {} produced ({} from feed summaries), {} duplicates, {} failures", read,
                    produced, fromSummaries.size(), duplicates, failures.size());
            return report;
        }
    }

    /** A story sent to the archive, not yet acknowledged. */
    private record Pending(String source, Story story, long fingerprint, String clusterId,
                           Future<RecordMetadata> write) {
    }

    /** Lets a story whose write failed or was refused be offered again. */
    private void forget(Story story) {
        seenIds.remove(story.getId());
        seenHashes.remove(story.getContentHash());
    }

    /** The story's size as the producer will send it: key, value and record overhead. */
    private static int encodedSize(Story story) {
        byte[] value = Topics.STORIES_RAW.valueSerde().serializer().serialize(Topics.STORIES_RAW.name(), story);
        return value.length + story.getId().length() * 4 + RECORD_OVERHEAD;
    }

    /** Upper bound of a record's batch and header bytes beside its key and value. */
    private static final int RECORD_OVERHEAD = 128;

    /** Event time of a raw story is its publication time, so windows and replays see it when it happened. */
    static java.time.Instant eventTime(Story story) {
        return story.getPublishedAt() != null ? story.getPublishedAt() : story.getFetchedAt();
    }
}
