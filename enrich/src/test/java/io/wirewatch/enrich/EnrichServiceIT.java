package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.enrich.dyad.DyadTopology;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** Two instances of the enrichment service on a real broker: exactly once, dead letters, dyad queries. */
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
                new DyadTopology.Config(Duration.ZERO, 3.0)), "127.0.0.1", 0));
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
    void shouldEnrichEachStoryOnceSendPoisonToTheDeadLetterTopicAndAnswerDyadQueriesFromAnyInstance()
            throws Exception {
        produce("s1", story("s1", "RUS USA THREATEN -7 ASSERTED"), T0);
        produce("poison", "garbage".getBytes(StandardCharsets.UTF_8), T0);
        produce("s2", story("s2", "NATO RUS DEMAND -5 ASSERTED"), T0.plusSeconds(60));
        produce("s3", story("s3", "FRA DEU CONSULT 1 ASSERTED"), T0.plus(Duration.ofDays(2)));

        List<ConsumerRecord<byte[], byte[]>> enriched = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "enrich-it-check",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STORIES_ENRICHED.name(), Topics.DLQ.name()));
            Awaitility.await("3 enriched stories and 1 dead letter").atMost(Duration.ofSeconds(60))
                    .until(() -> {
                        for (var record : consumer.poll(Duration.ofMillis(200))) {
                            (record.topic().equals(Topics.DLQ.name()) ? dead : enriched).add(record);
                        }
                        return enriched.size() >= 3 && !dead.isEmpty();
                    });
            consumer.poll(Duration.ofSeconds(1)).forEach(record ->
                    (record.topic().equals(Topics.DLQ.name()) ? dead : enriched).add(record));
        }
        assertThat(enriched).hasSize(3);
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
            assertThat(DeadLetter.from(record.headers()).stage()).isEqualTo("enrich");
        });

        HttpClient http = HttpClient.newHttpClient();
        for (EnrichService instance : List.of(first, second)) {
            URI uri = instance.queryUri().resolve("/dyads/timeline?source=RUS&target=USA&window=DAY"
                    + "&from=2022-01-25T00:00:00Z&to=2022-01-28T00:00:00Z");
            Awaitility.await("dyad timeline from " + uri).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode windows = AvroJson.mapper().readTree(response.body());
                assertThat(windows).hasSize(1);
                assertThat(windows.get(0).get("categories").get("THREATEN").asInt()).isEqualTo(1);
                assertThat(windows.get(0).get("windowStart").asText()).isEqualTo("2022-01-26T00:00:00Z");
            });
        }
    }
}
