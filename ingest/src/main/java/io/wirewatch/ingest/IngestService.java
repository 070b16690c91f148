package io.wirewatch.ingest;

import io.wirewatch.ingest.dedup.NearDuplicates;
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
 * {@code news.stories.raw}, keyed by story id, with an idempotent producer ({@code acks=all}). Exact duplicates
 * (same id or same content hash) seen by this service are skipped and counted; near-duplicates (SimHash within
 * 3 bits) are produced with the cluster id of the first copy seen; inputs that give no story are reported with
 * the reason, and the run goes on.
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

    public IngestService(Config config) {
        Objects.requireNonNull(config, "config");
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
     * Ingests files and folders (recursively; within folders, files of unsupported types are skipped). Blocks
     * until every produced record is acknowledged.
     */
    public synchronized IngestReport ingest(List<Path> paths) {
        List<IngestReport.Failure> failures = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            expand(path, files, failures);
        }
        int read = 0;
        int duplicates = 0;
        Map<Path, Future<RecordMetadata>> sent = new java.util.LinkedHashMap<>();
        for (Path file : files) {
            ReadResult result = reader.read(file);
            if (result instanceof ReadResult.Unreadable bad) {
                LOG.warn("no story in {}: {}", bad.path(), bad.reason());
                failures.add(new IngestReport.Failure(bad.path().toString(), bad.reason()));
                continue;
            }
            read++;
            Story story = ((ReadResult.Read) result).story();
            boolean newId = seenIds.add(story.getId());
            boolean newContent = seenHashes.add(story.getContentHash());
            if (!newId || !newContent) {
                duplicates++;
                LOG.info("skipping duplicate story {} from {}", story.getId(), file);
                continue;
            }
            NearDuplicates.Assignment cluster = clusters.add(story.getId(), String.join("\n\n", story.getParagraphs()));
            story.setClusterId(cluster.clusterId());
            if (cluster.copy()) {
                LOG.info("story {} from {} is a near-duplicate of {}", story.getId(), file, cluster.clusterId());
            }
            sent.put(file, producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), story.getId(), story)));
        }
        producer.flush();
        int produced = 0;
        for (Map.Entry<Path, Future<RecordMetadata>> entry : sent.entrySet()) {
            try {
                entry.getValue().get();
                produced++;
            } catch (ExecutionException e) {
                String reason = "cannot produce to " + Topics.STORIES_RAW.name() + ": " + e.getCause();
                LOG.error("{}: {}", entry.getKey(), reason);
                failures.add(new IngestReport.Failure(entry.getKey().toString(), reason));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new IngestReport.Failure(entry.getKey().toString(), "interrupted while producing"));
            }
        }
        IngestReport report = new IngestReport(read, produced, duplicates, failures);
        LOG.info("ingest: {} read, {} produced, {} duplicates, {} failures", read, produced, duplicates,
                failures.size());
        return report;
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
                if (StoryReader.supports(p)) {
                    files.add(p);
                } else {
                    skipped++;
                }
            }
            if (skipped > 0) {
                LOG.info("{}: skipped {} files that are not .txt or .html (optionally .gz)", path, skipped);
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
