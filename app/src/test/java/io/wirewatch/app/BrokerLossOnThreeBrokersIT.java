package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.EnrichService;
import io.wirewatch.schema.TopicAdmin;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;

/**
 * The pipeline on a three-broker KRaft cluster (apache/kafka containers, replication factor 3,
 * {@code min.insync.replicas=2}) loses a broker mid-stream, killed outright, and still enriches every story once
 * and raises every alert once: the exactly-once promise across a leader failover. Skipped where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class BrokerLossOnThreeBrokersIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLossOnThreeBrokersIT.class);
    private static final int BROKERS = 3;
    private static final int STORIES = 240;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static final Network NETWORK = Network.newNetwork();
    private static final List<KafkaContainer> KAFKA = IntStream.rangeClosed(1, BROKERS)
            .mapToObj(BrokerLossOnThreeBrokersIT::broker).toList();

    @TempDir
    static Path dataDir;

    private static Pipeline pipeline;

    static KafkaContainer broker(int id) {
        String voters = IntStream.rangeClosed(1, BROKERS).mapToObj(n -> n + "@kafka-" + n + ":9094")
                .collect(Collectors.joining(","));
        return KafkaContainers.broker()
                .withNetwork(NETWORK)
                .withNetworkAliases("kafka-" + id)
                .withEnv("KAFKA_NODE_ID", Integer.toString(id))
                .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", voters)
                .withEnv("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "2")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "3")
                .withStartupTimeout(Duration.ofMinutes(3));
    }

    static String bootstrapServers() {
        return KAFKA.stream().map(KafkaContainer::getBootstrapServers).collect(Collectors.joining(","));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        KAFKA.forEach(KafkaContainer::stop);
        NETWORK.close();
    }

    @Test
    void shouldEnrichAndAlertEveryStoryExactlyOnceWhenABrokerIsKilledMidStream() throws Exception {
        long started = System.nanoTime();
        Startables.deepStart(KAFKA).join(); // a KRaft quorum of three needs its voters up together
        LOG.info("three brokers up in {} s", seconds(started));
        String bootstrap = bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicAdmin.ensureTopics(admin, Topics.all(), (short) BROKERS);
        }
        pipeline = Pipeline.startOn(bootstrap, new Pipeline.Config(dataDir.resolve("data"), 0, "127.0.0.1", 0, null,
                Clock.systemUTC()), Duration.ofSeconds(120));
        LOG.info("pipeline running after {} s", seconds(started));

        StoryStream stream = StoryStream.of(STORIES, dataDir.resolve("samples"));
        KafkaContainer victim = leaderOfRawPartitionZero(bootstrap);
        stream.produce(bootstrap, 40, i -> {
            if (i == STORIES / 3) {
                LOG.info("killing broker {} after {} stories", victim.getNetworkAliases(), i);
                victim.getDockerClient().killContainerCmd(victim.getContainerId()).exec();
            }
        });
        LOG.info("{} stories written after {} s", STORIES, seconds(started));
        assertThat(victim.isRunning()).as("the killed broker stays down").isFalse();

        String survivors = KAFKA.stream().filter(k -> k != victim).map(KafkaContainer::getBootstrapServers)
                .collect(Collectors.joining(","));
        KafkaProbe.awaitCaughtUp(survivors, EnrichService.DEFAULT_APPLICATION_ID, Topics.STORIES_RAW.name(),
                PATIENCE);
        KafkaProbe.awaitCaughtUp(survivors, "wirewatch-alerts", Topics.STORIES_ENRICHED.name(), PATIENCE);
        LOG.info("pipeline caught up after {} s", seconds(started));

        Awaitility.await("every story enriched and alerted exactly once").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> stream.assertEachEnrichedAndAlertedExactlyOnce(survivors));
        LOG.info("checked after {} s", seconds(started));
    }

    /** The broker leading partition 0 of the raw stories: killing it forces a leader election on the input. */
    private static KafkaContainer leaderOfRawPartitionZero(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicDescription raw = admin.describeTopics(List.of(Topics.STORIES_RAW.name())).allTopicNames().get()
                    .get(Topics.STORIES_RAW.name());
            int leader = raw.partitions().get(0).leader().id();
            assertThat(raw.partitions().get(0).replicas()).as("replicas of raw partition 0").hasSize(BROKERS);
            return KAFKA.get(leader - 1);
        }
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }
}
