package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.enrich.dyad.DyadTopology;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances of the enrichment service on a real broker: exactly once, dead letters, closed dyad windows. */
class EnrichServiceIT {

    private static final Instant T0 = Instant.parse("2022-01-26T10:00:00Z");

    @TempDir
    static Path dir;

    static EmbeddedBroker broker;
    static EnrichService first;
    static EnrichService second;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("broker"), 0));
        first = instance("one");
        second = instance("two");
        Awaitility.await("both instances RUNNING").atMost(Duration.ofSeconds(90))
                .until(() -> first.isRunning() && second.isRunning());
    }

    private static EnrichService instance(String name) {
        return EnrichService.start(new EnrichService.Config(broker.bootstrapServers(), "enrich-it",
                dir.resolve(name), Map.of(), new EnrichTopology.Config(ScriptedEnricher.create(Clock.systemUTC()),
                new DyadTopology.Config(Duration.ZERO, 3.0))));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, broker}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private static void produce(String key, byte[] value, Instant at) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), null, at.toEpochMilli(), key, value)).get();
        }
    }

    private static byte[] story(String id, String... signals) {
        return AvroSerde.of(Story.class).encode(Story.newBuilder().setId(id).setSource("it").setTitle(id)
                .setFetchedAt(T0).setParagraphs(List.of(signals)).setContentHash(id).build());
    }

    @Test
    void shouldEnrichEachStoryOnceSendPoisonToTheDeadLetterTopicAndCloseTheDyadWindowsOnTheirTopic()
            throws Exception {
        produce("s1", story("s1", "RUS USA THREATEN -7 ASSERTED"), T0);
        produce("poison", "garbage".getBytes(StandardCharsets.UTF_8), T0);
        produce("s2", story("s2", "NATO RUS DEMAND -5 ASSERTED"), T0.plusSeconds(60));
        produce("s3", story("s3", "FRA DEU CONSULT 1 ASSERTED"), T0.plus(Duration.ofDays(2)));

        List<ConsumerRecord<byte[], byte[]>> enriched = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        List<DyadWindow> windows = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "enrich-it-check",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STORIES_ENRICHED.name(), Topics.DLQ.name(),
                    Topics.DYADS_ESCALATION.name()));
            Awaitility.await("3 enriched stories, 1 dead letter and the RUS->USA day").atMost(Duration.ofSeconds(60))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> sort(record, enriched, dead, windows));
                        return enriched.size() >= 3 && !dead.isEmpty() && windows.stream().anyMatch(w ->
                                w.getSource().equals("RUS") && w.getWindow().equals("DAY"));
                    });
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> sort(record, enriched, dead, windows));
        }
        assertThat(enriched).hasSize(3);
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
            assertThat(DeadLetter.from(record.headers()).stage()).isEqualTo("enrich");
        });

        assertThat(windows).filteredOn(w -> w.getSource().equals("RUS") && w.getWindow().equals("DAY"))
                .singleElement().satisfies(day -> {
                    assertThat(day.getTarget()).isEqualTo("USA");
                    assertThat(day.getCategories()).containsEntry("THREATEN", 1);
                    assertThat(day.getWindowStart()).isEqualTo(Instant.parse("2022-01-26T00:00:00Z"));
                });
    }

    private static void sort(ConsumerRecord<byte[], byte[]> record, List<ConsumerRecord<byte[], byte[]>> enriched,
                             List<ConsumerRecord<byte[], byte[]>> dead, List<DyadWindow> windows) {
        if (record.topic().equals(Topics.DLQ.name())) {
            dead.add(record);
        } else if (record.topic().equals(Topics.DYADS_ESCALATION.name())) {
            windows.add(AvroSerde.of(DyadWindow.class).decode(record.value()));
        } else {
            enriched.add(record);
        }
    }
}
