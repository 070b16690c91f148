package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.enrich.dyad.DyadTopology;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13's 16-byte poison record against a running enrichment service on a real broker. */
class PoisonRecordIT {

    @TempDir
    Path dir;

    @Test
    void shouldSendSixteenBytePoisonRecordsToTheDeadLettersAndGoOnEnriching() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("broker"), 0));
             EnrichService service = EnrichService.start(new EnrichService.Config(broker.bootstrapServers(),
                     "enrich-poison-it", dir.resolve("state"), Map.of(),
                     new EnrichTopology.Config(ScriptedEnricher.create(Clock.systemUTC()),
                             new DyadTopology.Config(Duration.ZERO, 3.0))));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                     new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "poison-check",
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STORIES_ENRICHED.name(), Topics.DLQ.name()));
            List<ConsumerRecord<byte[], byte[]>> enriched = new ArrayList<>();
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            send(producer, "warm-up", story("warm-up"));
            Awaitility.await("the warm-up story enriched").atMost(Duration.ofSeconds(90))
                    .until(() -> read(consumer, enriched, dead) && enriched.size() == 1);
            long rssBefore = residentKiB();

            long sent = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                send(producer, "poison-" + i, EnrichTopologyTest.sixteenBytePoison());
            }
            Awaitility.await("four dead letters").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> read(consumer, enriched, dead) && dead.size() == 4);
            Duration toDeadLetters = Duration.ofNanos(System.nanoTime() - sent);
            send(producer, "after", story("after"));
            Awaitility.await("the next story enriched").atMost(Duration.ofSeconds(30))
                    .until(() -> read(consumer, enriched, dead) && enriched.size() == 2);
            long rssAfter = residentKiB();

            System.out.printf("poison: 4 x 16-byte records in %s in %d ms; RSS %d KiB -> %d KiB%n",
                    Topics.DLQ.name(), toDeadLetters.toMillis(), rssBefore, rssAfter);
            assertThat(dead).allSatisfy(record -> {
                assertThat(record.value()).hasSize(16);
                assertThat(DeadLetter.from(record.headers()).message()).contains("Story.id", "2147483000");
            });
            assertThat(new String(enriched.get(1).key(), StandardCharsets.UTF_8)).isEqualTo("after");
            assertThat(service.state()).as("still alive").isIn(org.apache.kafka.streams.KafkaStreams.State.RUNNING,
                    org.apache.kafka.streams.KafkaStreams.State.REBALANCING);
            assertThat(rssAfter - rssBefore).as("resident memory growth, KiB").isLessThan(256 * 1024);
        }
    }

    private static boolean read(KafkaConsumer<byte[], byte[]> consumer, List<ConsumerRecord<byte[], byte[]>> enriched,
                                List<ConsumerRecord<byte[], byte[]>> dead) {
        for (var record : consumer.poll(Duration.ofMillis(50))) {
            (record.topic().equals(Topics.DLQ.name()) ? dead : enriched).add(record);
        }
        return true;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), key, value)).get();
    }

    private static byte[] story(String id) {
        return AvroSerde.of(Story.class).encode(Story.newBuilder().setId(id).setSource("test").setTitle("t")
                .setFetchedAt(Instant.parse("2022-01-26T10:00:00Z")).setParagraphs(List.of("FRA DEU CONSULT 1 ASSERTED"))
                .setContentHash(id).build());
    }

    /** This JVM's resident set (VmRSS), in KiB. */
    private static long residentKiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
