package io.wirewatch.app.archive;

import io.wirewatch.enrich.EnrichService;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.nlp.Enricher;
import io.wirewatch.enrich.dyad.DyadTopology;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays stories through the live enrichment topology on a cluster so that it finds what {@code backtest} finds:
 * the same windows, stance changes and (through the alert service) alerts.
 *
 * <p>Why a run of its own: the topology's windows, de-duplication and stance detectors follow stream time, which
 * each task advances to the newest event time it has seen. The live service has seen today's stories (or an
 * archive ingested in file order), so a story of January 2022 arriving after them is older than its window's
 * grace (6 h) and is dropped ("Skipping record for expired window"), and the stance detector ignores signals older
 * than the newest. A replay run therefore gets its own application id and state (its own stream time), and its
 * stories, sorted by event time as the backtest sorts them, go into a topic of one partition, so that every stage
 * (the enrichment, the re-keying by actor pair, the windows) sees them in that order. Its results go to the live
 * topics ({@code news.stories.enriched}, {@code news.dyads.escalation}, {@code news.stance.changes}), where the
 * alert service and subscribers read them. The run's topics and state are deleted when it ends.
 */
public final class ReplayRun {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayRun.class);

    private ReplayRun() {
    }

    /** The order of a backtest: event time, then story id. */
    public static List<Story> inEventTimeOrder(List<Story> stories) {
        return stories.stream().sorted(Comparator.comparing(ReplayRun::eventTime).thenComparing(Story::getId))
                .toList();
    }

    /** Publication time, or when the story was fetched. */
    public static Instant eventTime(Story story) {
        return story.getPublishedAt() != null ? story.getPublishedAt() : story.getFetchedAt();
    }

    /**
     * Replays {@code stories} and returns when the enrichment has processed all of them (and everything it
     * derived), or throws after {@code timeout}.
     *
     * @param onProduced told how many stories are written to the run's topic, as they are written
     */
    public static void run(String bootstrapServers, Map<String, Object> clientProperties, List<Story> stories,
                           Enricher enricher, Duration timeout, IntConsumer onProduced)
            throws InterruptedException, TimeoutException {
        Objects.requireNonNull(enricher, "enricher");
        String id = "wirewatch-replay-" + UUID.randomUUID().toString().substring(0, 8);
        String input = id + "-stories";
        Map<String, Object> admin = new HashMap<>(clientProperties);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Path state = tempState(id);
        try (Admin cluster = Admin.create(admin)) {
            try {
                cluster.createTopics(List.of(new NewTopic(input, Optional.of(1), Optional.empty()))).all().get();
                produce(bootstrapServers, clientProperties, input, inEventTimeOrder(stories), onProduced);
                EnrichTopology.Config topology = new EnrichTopology.Config(enricher, DyadTopology.Config.defaults(),
                        List.of(input));
                try (EnrichService enrich = EnrichService.start(new EnrichService.Config(bootstrapServers, id, state,
                        clientProperties, topology));
                     KafkaConsumer<byte[], byte[]> reader = markerReader(bootstrapServers, clientProperties)) {
                    awaitDone(cluster, reader, id, input, timeout);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("replay run " + id + " on " + bootstrapServers + " failed: "
                        + e.getCause(), e.getCause());
            } finally {
                deleteTopics(cluster, id);
                deleteQuietly(state);
            }
        }
    }

    private static void produce(String bootstrapServers, Map<String, Object> clientProperties, String topic,
                                List<Story> ordered, IntConsumer onProduced) throws InterruptedException,
            ExecutionException {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(),
                Topics.STORIES_RAW.valueSerde().serializer())) {
            int sent = 0;
            for (Story story : ordered) {
                producer.send(new ProducerRecord<>(topic, 0, eventTime(story).toEpochMilli(), story.getId(), story));
                onProduced.accept(++sent);
            }
            producer.flush();
        }
    }

    /**
     * Done when the run's consumer group has committed the end of its input and of every topic it wrote to itself
     * (the re-keyed signals), twice in a row.
     */
    private static void awaitDone(Admin cluster, KafkaConsumer<byte[], byte[]> reader, String id, String input,
                                  Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int settled = 0;
        while (settled < 2) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("replay run " + id + " did not finish within " + timeout);
            }
            Thread.sleep(500);
            settled = caughtUp(cluster, reader, id, input) ? settled + 1 : 0;
        }
    }

    private static boolean caughtUp(Admin cluster, KafkaConsumer<byte[], byte[]> reader, String id, String input)
            throws InterruptedException, ExecutionException {
        Set<String> topics = cluster.listTopics().names().get().stream()
                .filter(name -> name.equals(input) || name.startsWith(id) && name.endsWith("-repartition"))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetAndMetadata> committed = cluster.listConsumerGroupOffsets(id)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        cluster.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        var ends = cluster.listOffsets(latest).all().get();
        for (var end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            long position = at == null ? 0 : at.offset();
            if (position < end.getValue().offset()
                    && !onlyTransactionMarkers(reader, end.getKey(), position, end.getValue().offset())) {
                return false;
            }
        }
        return !ends.isEmpty();
    }

    /**
     * Whether nothing but transaction markers lies between {@code from} and {@code to}: under exactly-once the end
     * of a topic written in transactions is a commit marker, which a consumer's committed offset may stop before.
     */
    private static boolean onlyTransactionMarkers(KafkaConsumer<byte[], byte[]> reader, TopicPartition partition,
                                                  long from, long to) {
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        for (int polls = 0; polls < 3 && reader.position(partition) < to; polls++) {
            if (!reader.poll(Duration.ofMillis(200)).isEmpty()) {
                return false;
            }
        }
        return reader.position(partition) >= to;
    }

    private static KafkaConsumer<byte[], byte[]> markerReader(String bootstrapServers,
                                                              Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void deleteTopics(Admin cluster, String id) {
        try {
            List<String> mine = cluster.listTopics().names().get().stream().filter(name -> name.startsWith(id))
                    .toList();
            cluster.deleteTopics(mine).all().get();
            cluster.deleteConsumerGroups(List.of(id)).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("replay run {}: could not delete its topics or consumer group: {}", id, e.getCause().toString());
        }
    }

    private static Path tempState(String id) {
        try {
            return Files.createTempDirectory(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state folder for replay run " + id, e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("replay state {} left for the OS to clean: {}", folder, e.toString());
        }
    }
}
