package io.wirewatch.ingest;

import io.wirewatch.ingest.archive.JsonLinesStories;
import io.wirewatch.ingest.archive.WarcStories;
import io.wirewatch.ingest.dedup.NearDuplicates;
import io.wirewatch.ingest.extract.Article;
import io.wirewatch.ingest.extract.HtmlExtractor;
import io.wirewatch.ingest.feed.FeedItem;
import io.wirewatch.ingest.feed.FeedParser;
import io.wirewatch.ingest.feed.FeedResult;
import io.wirewatch.ingest.feed.Sitemap;
import io.wirewatch.ingest.fetch.FetchPolicy;
import io.wirewatch.ingest.fetch.FetchResult;
import io.wirewatch.ingest.fetch.Fetcher;
import io.wirewatch.ingest.fetch.Validators;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: reads story files and folders, extracts them and produces {@link Story} records to
 * {@code news.stories.raw} (also from RSS/Atom/JSON feeds and single URLs, fetched politely and safely), keyed by story id, with an idempotent producer ({@code acks=all}). Exact duplicates
 * (same id or same content hash) seen by this service are skipped and counted; near-duplicates (SimHash within
 * 3 bits) are produced with the cluster id of the first copy seen; inputs that give no story are reported with
 * the reason, and the run goes on. A feed item or URL whose page cannot be fetched is also written to
 * {@code news.stories.raw} as a record without text whose {@code fetchStatus} says why (e.g. "HTTP 404"), so
 * nothing vanishes; such records are not counted as produced.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** How to reach Kafka ({@code clientProperties} may carry SASL/SSL and other producer settings) and the clock. */
    public record Config(String bootstrapServers, Map<String, Object> clientProperties, Clock clock) {
        public Config {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(clock, "clock");
            clientProperties = Map.copyOf(clientProperties);
        }

        /** A config with no extra client properties, on the system clock. */
        public static Config of(String bootstrapServers) {
            return new Config(bootstrapServers, Map.of(), Clock.systemUTC());
        }
    }

    private final Producer<String, Story> producer;
    private final StoryReader reader;
    private final Set<String> seenIds = new HashSet<>();
    private final Set<String> seenHashes = new HashSet<>();
    private final NearDuplicates clusters = new NearDuplicates(3);
    private final Set<String> seenUrls = new HashSet<>();
    private final Map<URI, Validators> feedValidators = new HashMap<>();
    private final Clock clock;
    private final Fetcher fetcher;
    private final FeedParser feedParser;
    private final HtmlExtractor extractor;
    private final WarcStories warcs;
    private final JsonLinesStories jsonLines;

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
        this.clock = config.clock();
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.feedParser = new FeedParser(clock);
        this.extractor = new HtmlExtractor(clock);
        this.warcs = new WarcStories(clock);
        this.jsonLines = new JsonLinesStories(clock);
        this.reader = new StoryReader(config.clock());
        this.producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(),
                Topics.STORIES_RAW.valueSerde().serializer());
    }

    static Map<String, Object> producerProperties(Config config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-ingest");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        props.putAll(config.clientProperties());
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
    }

    /** As {@link #ingest(List)}, reporting progress file by file. */
    public synchronized IngestReport ingest(List<Path> paths, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        Batch batch = new Batch();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            expand(path, files, batch.failures);
        }
        int done = 0;
        for (Path file : files) {
            if (done > 0) {
                progress.fileDone(done, files.size(), files.get(done - 1));
            }
            done++;
            if (WarcStories.isWarc(file) || JsonLinesStories.isJsonLines(file)) {
                WarcStories.Sink sink = new WarcStories.Sink() {
                    @Override
                    public void story(String source, Story story) {
                        batch.offer(source, story);
                    }

                    @Override
                    public void failure(String source, String reason) {
                        batch.fail(source, reason);
                    }
                };
                try {
                    if (WarcStories.isWarc(file)) {
                        warcs.read(file, sink);
                    } else {
                        jsonLines.read(file, sink);
                    }
                } catch (IOException | RuntimeException e) {
                    batch.fail(file.toString(), "cannot read archive: " + e);
                }
                continue;
            }
            ReadResult result = reader.read(file);
            if (result instanceof ReadResult.Unreadable bad) {
                batch.fail(bad.path().toString(), bad.reason());
            } else {
                batch.offer(file.toString(), ((ReadResult.Read) result).story());
            }
        }
        if (!files.isEmpty()) {
            progress.fileDone(files.size(), files.size(), files.get(files.size() - 1));
        }
        return batch.finish();
    }

    /**
     * Fetches each feed (conditionally: a feed unchanged since this service last read it costs one 304), then
     * fetches and extracts every item's page that this service has not seen yet, and produces the stories.
     * The item's date stands in when the page has none. Failures of feeds and pages are reported with reasons.
     */
    public synchronized IngestReport ingestFeeds(List<URI> feeds) {
        Batch batch = new Batch();
        for (URI feedUrl : feeds) {
            FetchResult fetched = fetcher.fetch(feedUrl, feedValidators.getOrDefault(feedUrl, Validators.NONE));
            if (fetched instanceof FetchResult.NotModified) {
                LOG.info("feed {} not modified", feedUrl);
                continue;
            }
            if (fetched instanceof FetchResult.Failed failed) {
                batch.fail(feedUrl.toString(), failed.reason());
                continue;
            }
            FetchResult.Fetched ok = (FetchResult.Fetched) fetched;
            feedValidators.put(feedUrl, ok.validators());
            FeedResult parsed = feedParser.parse(ok.body(), ok.charset());
            if (parsed instanceof FeedResult.Malformed malformed) {
                batch.fail(feedUrl.toString(), "malformed feed: " + malformed.reason());
                continue;
            }
            for (FeedItem item : ((FeedResult.Parsed) parsed).feed().items()) {
                if (item.link() == null) {
                    batch.fail(feedUrl + " item '" + item.title() + "'", "item has no link");
                    continue;
                }
                URI link;
                try {
                    link = ok.url().resolve(item.link().strip());
                } catch (IllegalArgumentException e) {
                    batch.fail(feedUrl + " item '" + item.title() + "'", "bad link " + item.link());
                    continue;
                }
                ingestPage(batch, link, feedUrl.toString(), item.title(), item.published());
            }
        }
        return batch.finish();
    }

    /**
     * Fetches news sitemaps and sitemap indexes (following an index two levels deep, at most 100 sitemaps per
     * call), then every listed page this service has not seen yet, as {@link #ingestFeeds} does for feeds.
     */
    public synchronized IngestReport ingestSitemaps(List<URI> sitemaps) {
        Batch batch = new Batch();
        java.util.ArrayDeque<java.util.Map.Entry<URI, Integer>> queue = new java.util.ArrayDeque<>();
        sitemaps.forEach(u -> queue.add(Map.entry(u, 0)));
        int visited = 0;
        while (!queue.isEmpty() && visited++ < 100) {
            var next = queue.poll();
            URI sitemapUrl = next.getKey();
            FetchResult fetched = fetcher.fetch(sitemapUrl, feedValidators.getOrDefault(sitemapUrl, Validators.NONE));
            if (fetched instanceof FetchResult.NotModified) {
                continue;
            }
            if (fetched instanceof FetchResult.Failed failed) {
                batch.fail(sitemapUrl.toString(), failed.reason());
                continue;
            }
            FetchResult.Fetched ok = (FetchResult.Fetched) fetched;
            feedValidators.put(sitemapUrl, ok.validators());
            Sitemap sitemap;
            try {
                sitemap = Sitemap.parse(ok.body(), java.time.LocalDate.ofInstant(clock.instant(),
                        java.time.ZoneOffset.UTC).plusDays(1));
            } catch (IOException | RuntimeException e) {
                batch.fail(sitemapUrl.toString(), "malformed sitemap: " + e);
                continue;
            }
            if (next.getValue() < 2) {
                for (String child : sitemap.sitemaps()) {
                    try {
                        queue.add(Map.entry(ok.url().resolve(child.strip()), next.getValue() + 1));
                    } catch (IllegalArgumentException e) {
                        batch.fail(sitemapUrl + " sitemap " + child, "bad link");
                    }
                }
            }
            for (Sitemap.Page page : sitemap.pages()) {
                try {
                    ingestPage(batch, ok.url().resolve(page.url().strip()), sitemapUrl.toString(),
                            page.title() == null ? "" : page.title(), page.published());
                } catch (IllegalArgumentException e) {
                    batch.fail(sitemapUrl + " page " + page.url(), "bad link");
                }
            }
        }
        return batch.finish();
    }

    /** Fetches, extracts and produces single article URLs. */
    public synchronized IngestReport ingestUrls(List<URI> urls) {
        Batch batch = new Batch();
        for (URI url : urls) {
            ingestPage(batch, url, url.toString(), "", null);
        }
        return batch.finish();
    }

    private void ingestPage(Batch batch, URI url, String source, String knownTitle,
                            java.time.@Nullable Instant fallbackDate) {
        if (!seenUrls.add(StoryIdentity.canonicalUrl(url.toString()))) {
            batch.duplicates++;
            return;
        }
        FetchResult page = fetcher.fetch(url, Validators.NONE);
        if (page instanceof FetchResult.Failed failed) {
            batch.fail(url.toString(), failed.reason());
            batch.record(failureStory(url, source, knownTitle, fallbackDate, failed));
            return;
        }
        if (!(page instanceof FetchResult.Fetched fetched)) {
            return;
        }
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(fetched.body()), fetched.charset(),
                    fetched.url().toString());
            Article article = extractor.extract(doc, fetched.url().toString());
            if (article.paragraphs().isEmpty()) {
                batch.fail(url.toString(), "no story text found");
                return;
            }
            Story story = Stories.of(article, source, fetched.url().toString(), clock.instant());
            if (story.getPublishedAt() == null && fallbackDate != null) {
                story.setPublishedAt(fallbackDate);
            }
            batch.offer(url.toString(), story);
        } catch (IOException | RuntimeException e) {
            batch.fail(url.toString(), "cannot extract: " + e);
        }
    }

    /** The raw record of a page that could not be fetched: no text, and the reason in {@code fetchStatus}. */
    private Story failureStory(URI url, String source, String title, java.time.@Nullable Instant published,
                               FetchResult.Failed failed) {
        String status = failed.status() > 0 ? "HTTP " + failed.status() : failed.reason();
        return Story.newBuilder()
                .setId(StoryIdentity.id(url.toString(), title, ""))
                .setSource(source)
                .setUrl(url.toString())
                .setTitle(title)
                .setPublishedAt(published)
                .setFetchedAt(clock.instant())
                .setParagraphs(List.of())
                .setContentHash(StoryIdentity.contentHash(""))
                .setExtractionConfidence(0f)
                .setFetchStatus(status)
                .build();
    }

    /** Counts, exact and near duplicate checks and sends for one call. */
    private final class Batch {
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
            NearDuplicates.Assignment cluster = clusters.add(story.getId(), String.join("\n\n", story.getParagraphs()));
            story.setClusterId(cluster.clusterId());
            if (cluster.copy()) {
                LOG.info("story {} from {} is a near-duplicate of {}", story.getId(), source, cluster.clusterId());
            }
            sent.put(source, producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), story.getId(), story)));
        }

        /** Writes a record that is not a story (a fetch failure): not deduplicated, not counted as produced. */
        void record(Story failure) {
            producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), failure.getId(), failure), (meta, error) -> {
                if (error != null) {
                    LOG.error("cannot record fetch failure of {} on {}: {}", failure.getUrl(),
                            Topics.STORIES_RAW.name(), error.toString());
                }
            });
        }

        IngestReport finish() {
            producer.flush();
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

    private static void expand(Path path, List<Path> files, List<IngestReport.Failure> failures) {
        if (!Files.exists(path)) {
            failures.add(new IngestReport.Failure(path.toString(), "no such file or folder"));
            return;
        }
        if (!Files.isDirectory(path)) {
            files.add(path);
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> found = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
            int skipped = 0;
            for (Path p : found) {
                if (StoryReader.supports(p) || WarcStories.isWarc(p) || JsonLinesStories.isJsonLines(p)) {
                    files.add(p);
                } else {
                    skipped++;
                }
            }
            if (skipped > 0) {
                LOG.info("{}: skipped {} files that are not .txt, .html (optionally .gz), WARC or JSON lines", path, skipped);
            }
        } catch (IOException | UncheckedIOException e) {
            failures.add(new IngestReport.Failure(path.toString(), "cannot list folder: " + e));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
