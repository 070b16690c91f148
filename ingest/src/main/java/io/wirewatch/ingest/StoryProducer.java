package io.wirewatch.ingest;

import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.StoryTimes;
import io.wirewatch.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes stories to {@code news.stories.raw}: drops exact duplicates (same id or content hash) of stories the
 * archive already holds ({@link IndexStore}) or this instance wrote, gives each story its near-duplicate cluster,
 * and counts what one call did in a {@link Batch}.
 *
 * <p>Each story and its {@code news.stories.index} records are written in one Kafka transaction (a few stories
 * per transaction, committed at least every {@link #COMMIT_EVERY_NANOS} ms): a reader with
 * {@code read_committed} (enrichment, the index at the next start) sees both or neither. An ingester killed
 * mid-file therefore leaves no story that the index does not know, and no index entry without its story: run
 * again, it writes exactly the stories that were not committed. A story too large for one request is refused
 * before it is sent; the stories of a transaction that fails are reported, forgotten and can be offered again.
 * The stories of a transaction that committed are handed to the archive ({@link NewStories#written}) only then.
 */
final class StoryProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoryProducer.class);
    /** At most this many stories per transaction. */
    static final int MAX_PER_TRANSACTION = 200;
    /** A transaction open this long is committed at the next story, so downstream sees a steady flow. */
    static final long COMMIT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Producer<String, byte[]> producer;
    private final NewStories admitted;
    private final int maxRequestSize;
    private final long gapNanos;
    private boolean fatal;

    /**
     * @param producer       a transactional producer (its {@code transactional.id} set) of raw stories and index
     *                       records, not yet initialised
     * @param maxRequestSize the producer's {@code max.request.size}: no larger story is sent
     * @param maxPerSecond   at most this many stories are sent per second; 0 for no limit
     */
    StoryProducer(Producer<String, byte[]> producer, NewStories admitted, int maxRequestSize, double maxPerSecond) {
        if (maxPerSecond < 0) {
            throw new IllegalArgumentException("maxPerSecond must be 0 (no limit) or positive, was " + maxPerSecond);
        }
        this.producer = producer;
        this.maxRequestSize = maxRequestSize;
        this.gapNanos = maxPerSecond == 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / maxPerSecond);
        this.admitted = admitted;
        // Fences an earlier producer with the same transactional.id (an ingester killed mid-file) and aborts
        // what it left open, so readers need not wait for its transaction to time out.
        producer.initTransactions();
    }

    Batch batch() {
        return new Batch();
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Counts, exact and near duplicate checks and transactional sends for one call of the service. */
    final class Batch {
        final List<IngestReport.Failure> failures = new ArrayList<>();
        /** Pages not read whose feed item made the story instead, and why the page was not read. */
        final List<IngestReport.Failure> fromSummaries = new ArrayList<>();
        /** Stories written without a publication date, placed at the time they were read. */
        final List<IngestReport.Failure> undated = new ArrayList<>();
        /** How many stories written took their time from each source. */
        private final Map<DateSource, Integer> dateSources = new EnumMap<>(DateSource.class);
        private @org.jspecify.annotations.Nullable Instant earliest;
        private @org.jspecify.annotations.Nullable Instant latest;
        private final List<Pending> open = new ArrayList<>();
        private long openedAt;
        private long nextSend = System.nanoTime();
        int read;
        int produced;
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
            if (fatal) {
                fail(source, "not written: the producer to " + Topics.STORIES_RAW.name() + " failed for good earlier"
                        + " in this run");
                return;
            }
            NewStories.Admitted cluster = admitted.admit(story);
            if (cluster == null) {
                duplicates++;
                LOG.info("skipping duplicate story {} from {}", story.getId(), source);
                return;
            }
            byte[] value = Topics.STORIES_RAW.valueSerde().serializer().serialize(Topics.STORIES_RAW.name(), story);
            int size = value.length + story.getId().length() * 4 + RECORD_OVERHEAD;
            if (size > maxRequestSize) {
                admitted.forget(story, cluster);
                fail(source, "story " + story.getId() + " is " + size + " bytes encoded, more than max.request.size "
                        + maxRequestSize + " of the producer to " + Topics.STORIES_RAW.name() + ": not written");
                return;
            }
            if (cluster.copy()) {
                LOG.info("story {} from {} is a near-duplicate of {}", story.getId(), source, cluster.clusterId());
            }
            pace();
            begin();
            Future<RecordMetadata> write = producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), null,
                    eventTime(story).toEpochMilli(), story.getId(), value));
            index(story, cluster.fingerprint(), cluster.clusterId());
            open.add(new Pending(source, story, cluster, write));
            if (open.size() >= MAX_PER_TRANSACTION || System.nanoTime() - openedAt >= COMMIT_EVERY_NANOS) {
                commit();
            }
        }

        /** Waits until the next story may go, at the configured rate; after a stall it goes on, no burst. */
        private void pace() {
            if (gapNanos == 0) {
                return;
            }
            nextSend = Math.max(nextSend + gapNanos, System.nanoTime() - gapNanos);
            long wait = nextSend - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }

        private void begin() {
            if (open.isEmpty()) {
                producer.beginTransaction();
                openedAt = System.nanoTime();
            }
        }

        /** Records the story in the index, in the transaction that writes the story. */
        private void index(Story story, long fingerprint, String clusterId) {
            sendIndex(StoryIndex.ID + story.getId(), story.getId());
            sendIndex(StoryIndex.HASH + story.getContentHash(), story.getId());
            sendIndex(StoryIndex.SIMHASH + story.getId(), StoryIndex.simValue(fingerprint, clusterId));
        }

        private void sendIndex(String key, String value) {
            producer.send(new ProducerRecord<>(Topics.STORIES_INDEX.name(), key,
                    value.getBytes(StandardCharsets.UTF_8)));
        }

        /** Writes a record that is not a story (a fetch failure): not deduplicated, not counted as produced. */
        void record(Story failure) {
            if (fatal) {
                LOG.error("cannot record fetch failure of {}: the producer failed for good earlier", failure.getUrl());
                return;
            }
            begin();
            Future<RecordMetadata> write = producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), null,
                    eventTime(failure).toEpochMilli(), failure.getId(),
                    Topics.STORIES_RAW.valueSerde().serializer().serialize(Topics.STORIES_RAW.name(), failure)));
            open.add(new Pending(null, failure, null, write));
        }

        /**
         * Commits the open transaction: every story in it is produced; or, when any of its writes failed, aborts
         * it: every story in it is reported failed and forgotten, so a later call can write it.
         */
        private void commit() {
            if (open.isEmpty()) {
                return;
            }
            List<Pending> stories = List.copyOf(open);
            open.clear();
            String failure = null;
            try {
                producer.flush();
                for (Pending pending : stories) {
                    try {
                        pending.write().get();
                    } catch (ExecutionException e) {
                        failure = failure == null ? "transaction aborted: cannot produce story "
                                + pending.story().getId() + " to " + Topics.STORIES_RAW.name() + ": " + e.getCause()
                                : failure;
                    }
                }
                if (failure == null) {
                    producer.commitTransaction();
                } else {
                    producer.abortTransaction();
                }
            } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
                // Fatal for this producer: another ingester took over its transactional.id, or it may not write.
                fatal = true;
                failure = "transaction on " + Topics.STORIES_RAW.name() + " failed for good: " + e;
            } catch (KafkaException e) {
                failure = "transaction on " + Topics.STORIES_RAW.name() + " aborted: " + e;
                abortQuietly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted while producing";
                abortQuietly();
            }
            List<NewStories.Written> written = new ArrayList<>();
            for (Pending pending : stories) {
                if (pending.source() == null || pending.admitted() == null) {
                    continue;
                }
                if (failure == null) {
                    produced++;
                    written(pending.source(), pending.story());
                    written.add(new NewStories.Written(pending.story(), pending.admitted()));
                } else {
                    admitted.forget(pending.story(), pending.admitted());
                    LOG.error("{}: story {} not written: {}", pending.source(), pending.story().getId(), failure);
                    failures.add(new IngestReport.Failure(pending.source(), failure));
                }
            }
            admitted.written(written);
        }

        private void abortQuietly() {
            try {
                producer.abortTransaction();
            } catch (KafkaException e) {
                LOG.warn("cannot abort the transaction on {}: {}", Topics.STORIES_RAW.name(), e.toString());
            }
        }

        /** Notes a written story's event time and where it came from, and names it when it had no date. */
        private void written(String source, Story story) {
            Instant at = eventTime(story);
            earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
            latest = latest == null || at.isAfter(latest) ? at : latest;
            DateSource dated = StoryTimes.dateSource(story);
            if (dated != null) {
                dateSources.merge(dated, 1, Integer::sum);
            }
            if (dated == DateSource.READ) {
                LOG.warn("{}: story {} has no publication date; its event time is when it was read ({})", source,
                        story.getId(), story.getFetchedAt());
                undated.add(new IngestReport.Failure(source, "no publication date found: placed at the time it was"
                        + " read, " + story.getFetchedAt()));
            }
        }

        IngestReport finish() {
            commit();
            IngestReport report = new IngestReport(read, produced, duplicates, failures, fromSummaries, undated,
                    dateSources, earliest == null ? null : new IngestReport.Span(earliest, latest));
            LOG.info("ingest: {} read, {} produced ({} from feed summaries), {} duplicates, {} failures", read,
                    produced, fromSummaries.size(), duplicates, failures.size());
            return report;
        }
    }

    /** A record sent in the open transaction; {@code source} is null for a fetch failure, which is not a story. */
    private record Pending(@org.jspecify.annotations.Nullable String source, Story story,
                           NewStories.@org.jspecify.annotations.Nullable Admitted admitted,
                           Future<RecordMetadata> write) {
    }

    /** Upper bound of a record's batch and header bytes beside its key and value. */
    private static final int RECORD_OVERHEAD = 128;

    /** Event time of a raw story is its publication time, so windows and replays see it when it happened. */
    static java.time.Instant eventTime(Story story) {
        return story.getPublishedAt() != null ? story.getPublishedAt() : story.getFetchedAt();
    }
}
