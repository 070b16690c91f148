package io.wirewatch.ingest;

import io.wirewatch.ingest.archive.WarcStories;
import io.wirewatch.ingest.fetch.FetchPolicy;
import io.wirewatch.ingest.fetch.Fetcher;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import io.wirewatch.schema.streams.RocksDbMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: reads story files and folders, extracts them and produces {@link Story} records to
 * {@code news.stories.raw}, keyed by story id, each with its index records in one transaction ({@code acks=all});
 * also from feeds, sitemaps and single URLs, fetched politely and safely, and from WARC archives and JSON lines. Exact duplicates
 * (same id or same content hash) seen by this service are skipped and counted; near-duplicates (SimHash within
 * 3 bits) are produced with the cluster id of the first copy seen; inputs that give no story are reported with
 * the reason, and the run goes on. Pages are fetched hosts in parallel, one page at a time per host, each within a
 * deadline. A feed item whose page cannot be read (unreachable, paywalled, 403) becomes a story of its own title,
 * summary and date, marked {@code fromFeedSummary}; an item without a summary, or a URL, whose page cannot be
 * fetched is written to {@code news.stories.raw} as a record without text whose {@code fetchStatus} says why
 * (e.g. "HTTP 404"), so nothing vanishes; such records are not counted as produced and are no story downstream.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /**
     * How to reach Kafka ({@code clientProperties} may carry SASL/SSL and other producer settings, a
     * {@code transactional.id}, and {@code wirewatch.rocksdb.memory.bytes}, the index's RocksDB budget shared with
     * the process's other stores: {@link RocksDbMemory}), the clock, at most how many stories to write per second
     * (0: no limit), and the directory of the on-disk index of what the archive holds ({@link IndexStore}). With a
     * directory, a restart reads only the part of {@code news.stories.index} written since the last run; without one
     * (null), the index is built in a temporary directory from the whole topic at each start and deleted at
     * {@link #close}. Either way memory does not grow with the archive.
     */
    public record Config(String bootstrapServers, Map<String, Object> clientProperties, Clock clock,
                         double maxStoriesPerSecond, @Nullable Path indexDir) {
        public Config {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(clock, "clock");
            clientProperties = Map.copyOf(clientProperties);
            if (maxStoriesPerSecond < 0 || Double.isNaN(maxStoriesPerSecond)) {
                throw new IllegalArgumentException("maxStoriesPerSecond must be 0 (no limit) or positive, was "
                        + maxStoriesPerSecond);
            }
        }

        /** A config with its index in a temporary directory. */
        public Config(String bootstrapServers, Map<String, Object> clientProperties, Clock clock,
                      double maxStoriesPerSecond) {
            this(bootstrapServers, clientProperties, clock, maxStoriesPerSecond, null);
        }

        /** A config that writes as fast as it reads. */
        public Config(String bootstrapServers, Map<String, Object> clientProperties, Clock clock) {
            this(bootstrapServers, clientProperties, clock, 0);
        }

        /** This config writing at most {@code perSecond} stories a second. */
        public Config withRate(double perSecond) {
            return new Config(bootstrapServers, clientProperties, clock, perSecond, indexDir);
        }

        /** This config keeping its index in {@code dir} (e.g. {@code <data dir>/ingest-index}) across runs. */
        public Config withIndexDir(Path dir) {
            return new Config(bootstrapServers, clientProperties, clock, maxStoriesPerSecond,
                    Objects.requireNonNull(dir, "dir"));
        }

        /** A config with no extra client properties, on the system clock. */
        public static Config of(String bootstrapServers) {
            return new Config(bootstrapServers, Map.of(), Clock.systemUTC());
        }
    }

    private final StoryProducer stories;
    private final IndexStore index;
    private final boolean temporaryIndex;
    private final FileSources files;
    private final WebSources web;

    public IngestService(Config config) {
        this(config, FetchPolicy.defaults());
    }

    /** A service that fetches feeds and pages with {@code fetchPolicy} (e.g. trusting the demo's loopback host). */
    public IngestService(Config config, FetchPolicy fetchPolicy) {
        this(config, Fetcher.of(fetchPolicy));
    }

    /** A service that fetches with the given fetcher. */
    public IngestService(Config config, Fetcher fetcher) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(fetcher, "fetcher");
        this.files = new FileSources(config.clock());
        this.web = new WebSources(config.clock(), fetcher);
        Map<String, Object> producer = producerProperties(config);
        Map<String, Object> reader = RocksDbMemory.withoutBudget(config.clientProperties());
        reader.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        this.temporaryIndex = config.indexDir() == null;
        this.index = openIndex(config.indexDir(), RocksDbMemory.budget(config.clientProperties()));
        try {
            index.catchUp(reader);
            this.stories = new StoryProducer(new KafkaProducer<>(producer, new StringSerializer(),
                    new ByteArraySerializer()), new NewStories(index), maxRequestSize(producer),
                    config.maxStoriesPerSecond());
        } catch (RuntimeException e) {
            closeIndex();
            throw e;
        }
    }

    private static IndexStore openIndex(@Nullable Path dir, long memoryBudget) {
        if (dir != null) {
            return IndexStore.open(dir, memoryBudget).store();
        }
        try {
            Path temporary = Files.createTempDirectory("wirewatch-ingest-index-");
            LOG.info("no index directory given: the ingest index is built from the whole {} in {} and deleted at"
                    + " the end of this run", Topics.STORIES_INDEX.name(), temporary);
            return IndexStore.open(temporary, memoryBudget).store();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the ingest index: " + e, e);
        }
    }

    private void closeIndex() {
        index.close();
        if (temporaryIndex) {
            try {
                IndexStore.deleteTree(index.dir());
            } catch (IOException e) {
                LOG.warn("cannot delete the temporary ingest index {}: {}", index.dir(), e.toString());
            }
        }
    }

    /** The producer's {@code max.request.size}, as set here or by the client properties. */
    static int maxRequestSize(Map<String, Object> producer) {
        Object value = producer.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().strip());
    }

    static Map<String, Object> producerProperties(Config config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-ingest");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        // Stories and their index records are written in transactions (see StoryProducer). Give a restarted
        // ingester the transactional.id of the one it replaces and it aborts what that one left open at once;
        // with the default (a new id per process) readers wait at most this timeout for such a transaction.
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "wirewatch-ingest-" + java.util.UUID.randomUUID());
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        props.putAll(RocksDbMemory.withoutBudget(config.clientProperties()));
        // never weakened by client properties: a story is written once and never lost
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    /**
     * Ingests files and folders (recursively; within folders, files of unsupported types are skipped): saved
     * pages and texts, WARC archives ({@code .warc}, {@code .warc.gz}) whose HTML responses become stories, and
     * JSON lines ({@code .jsonl}, one story per line).
     * Blocks until every produced record is acknowledged.
     */
    public synchronized IngestReport ingest(List<Path> paths) {
        return ingest(paths, Progress.NONE);
    }

    /** Told after each input file, so that a command can draw a progress bar with rate and ETA. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, file) -> { };

        /** {@code done} of {@code total} files are finished; {@code file} is the one just finished. */
        void fileDone(int done, int total, Path file);

        /**
         * {@code done} of {@code total} bytes of the input files are read; told after each file and, inside an
         * archive (WARC), after each record, so a bar over a single large archive moves too.
         */
        default void bytesRead(long done, long total) {
        }
    }

    /** As {@link #ingest(List)}, reporting progress file by file. */
    public synchronized IngestReport ingest(List<Path> paths, Progress progress) {
        return ingest(paths, progress, null);
    }

    /**
     * As {@link #ingest(List, Progress)}; a story that gives no date ({@link DateSource#READ}) is dated at the
     * start (UTC) of {@code undatedDay} and marked {@link DateSource#FILE} when that is not null (ingest's
     * {@code --date DAY}), instead of standing at the time it was read.
     */
    public synchronized IngestReport ingest(List<Path> paths, Progress progress, @Nullable LocalDate undatedDay) {
        Objects.requireNonNull(progress, "progress");
        StoryProducer.Batch batch = stories.batch();
        files.read(paths, new WarcStories.Sink() {
            @Override
            public void story(String source, Story story) {
                if (undatedDay != null && story.getDateSource() == DateSource.READ) {
                    Stories.date(story, undatedDay.atStartOfDay(ZoneOffset.UTC).toInstant(), undatedDay.toString(),
                            DateSource.FILE);
                }
                batch.offer(source, story);
            }

            @Override
            public void failure(String source, String reason) {
                batch.fail(source, reason);
            }
        }, progress);
        return batch.finish();
    }

    /**
     * Fetches each feed (conditionally: a feed unchanged since this service last read it costs one 304), then
     * fetches and extracts every item's page that this service has not seen yet, and produces the stories.
     * The item's date stands in when the page has none. Failures of feeds and pages are reported with reasons.
     */
    public synchronized IngestReport ingestFeeds(List<URI> feeds) {
        return ingestFeeds(feeds, LinkProgress.NONE);
    }

    /** Told after each page link of a feed, sitemap or URL list is fetched (from the fetching threads). */
    @FunctionalInterface
    public interface LinkProgress {
        LinkProgress NONE = (done, total, host, ok) -> { };

        /** {@code done} of {@code total} links are fetched; the last from {@code host}, {@code ok} if it was read. */
        void linkDone(int done, int total, String host, boolean ok);
    }

    /** As {@link #ingestFeeds(List)}, telling {@code progress} of each page fetched. */
    public synchronized IngestReport ingestFeeds(List<URI> feeds, LinkProgress progress) {
        StoryProducer.Batch batch = stories.batch();
        web.feeds(batch, feeds, progress);
        return batch.finish();
    }

    /**
     * Fetches news sitemaps and sitemap indexes (following an index two levels deep, at most 100 sitemaps per
     * call), then every listed page this service has not seen yet, as {@link #ingestFeeds} does for feeds.
     */
    public synchronized IngestReport ingestSitemaps(List<URI> sitemaps) {
        return ingestSitemaps(sitemaps, LinkProgress.NONE);
    }

    /** As {@link #ingestSitemaps(List)}, telling {@code progress} of each page fetched. */
    public synchronized IngestReport ingestSitemaps(List<URI> sitemaps, LinkProgress progress) {
        StoryProducer.Batch batch = stories.batch();
        web.sitemaps(batch, sitemaps, progress);
        return batch.finish();
    }

    /** Fetches, extracts and produces single article URLs. */
    public synchronized IngestReport ingestUrls(List<URI> urls) {
        return ingestUrls(urls, LinkProgress.NONE);
    }

    /** As {@link #ingestUrls(List)}, telling {@code progress} of each page fetched. */
    public synchronized IngestReport ingestUrls(List<URI> urls, LinkProgress progress) {
        StoryProducer.Batch batch = stories.batch();
        web.urls(batch, urls, progress);
        return batch.finish();
    }

    @Override
    public void close() {
        try {
            stories.close();
        } finally {
            closeIndex();
        }
    }
}
