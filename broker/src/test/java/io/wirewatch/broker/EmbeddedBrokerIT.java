package io.wirewatch.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldCreateCatalogueTopicsAndKeepRecordsAcrossRestarts() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dataDir, 0))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                Set<String> names = admin.listTopics().names().get();
                assertThat(names).containsAll(Topics.all().stream().map(t -> t.name()).toList());
                var raw = admin.describeTopics(List.of(Topics.STORIES_RAW.name())).allTopicNames().get()
                        .get(Topics.STORIES_RAW.name());
                assertThat(raw.partitions()).hasSize(Topics.STORIES_RAW.partitions());
            }
            broker.createTopics("restart-test");
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-test", "k", "survives")).get();
            }
        }

        try (EmbeddedBroker again = EmbeddedBroker.start(EmbeddedBroker.Config.of(dataDir, 0))) {
            assertThat(readAll(again.bootstrapServers(), "restart-test")).containsExactly("survives");
        }
    }

    @Test
    void shouldRefuseASecondBrokerOnTheSameDataFolder() {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dataDir, 0))) {
            assertThatThrownBy(() -> EmbeddedBroker.start(EmbeddedBroker.Config.of(dataDir, 0)))
                    .isInstanceOf(BrokerException.class)
                    .hasMessageContaining("is in use by another wirewatch")
                    .hasMessageContaining("--data-dir");
            assertThat(broker.bootstrapServers()).isNotBlank();
        }
    }

    @Test
    void shouldRefuseAPortInUseWithAClearMessage(@TempDir Path other) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedBroker.start(EmbeddedBroker.Config.of(other, taken.getLocalPort())))
                    .isInstanceOf(BrokerException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("in use");
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(other, 0))) {
            assertThat(broker.bootstrapServers()).as("the data folder was unlocked again").isNotBlank();
        }
    }

    @Test
    void shouldWaitForTheLastTransactionsMarkersAndFormatWithTheTransactionVersionAsked(@TempDir Path other)
            throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dataDir, 0));
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            var node = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.BROKER, "1");
            assertThat(admin.describeConfigs(List.of(node)).all().get().get(node)
                    .get("add.partitions.to.txn.retry.backoff.max.ms").value()).isEqualTo("2000");
            assertThat(transactionVersion(admin)).isEqualTo((short) 2);
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(other, 0)
                .withOverrides(Map.of(EmbeddedBroker.TRANSACTION_VERSION, "1")));
             Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(transactionVersion(admin)).isEqualTo((short) 1);
        }
    }

    private static short transactionVersion(Admin admin) throws Exception {
        return admin.describeFeatures().featureMetadata().get().finalizedFeatures()
                .get(EmbeddedBroker.TRANSACTION_VERSION).maxVersionLevel();
    }

    private static List<String> readAll(String bootstrap, String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
