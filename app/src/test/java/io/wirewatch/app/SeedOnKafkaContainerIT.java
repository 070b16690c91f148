package io.wirewatch.app;

import io.wirewatch.schema.TopicAdmin;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The seed scenario against a real apache/kafka container; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class SeedOnKafkaContainerIT extends SeedScenario {

    @Container
    static final KafkaContainer KAFKA = KafkaContainers.broker()
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, Topics.all(), (short) 1);
        }
        pipeline = Pipeline.startOn(KAFKA.getBootstrapServers(),
                new Pipeline.Config(dataDir, 0, "127.0.0.1", 0, null, Clock.systemUTC()), Duration.ofSeconds(90));
    }
}
