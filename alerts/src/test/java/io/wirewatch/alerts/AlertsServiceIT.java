package io.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.alerts.testing.SseReader;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts service on the real embedded broker: story in, alert out on REST, news.alerts.json and SSE. */
class AlertsServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private static AlertsService service;
    private static final HttpClient HTTP = SseReader.client();

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("broker"), 0));
        service = AlertsService.start(new AlertsService.Config(broker.bootstrapServers(), "alerts-it",
                dir.resolve("state"), "127.0.0.1", 0, Map.of(), null, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldRaiseTheSeedAlertOnceAndShowItEverywhere() throws Exception {
        URI base = service.dashboardUri();
        try (SseReader live = SseReader.open(HTTP, base.resolve("api/alerts/stream"), Map.of())) {
            await().atMost(WAIT).until(live::connected);
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.contentType()).startsWith("text/event-stream");
            await().atMost(WAIT).until(service::isRunning);

            // one record key for all three, so they share a partition and the marker is read after both seeds
            produce("seed-it", Stories.seed("seed-it", null));
            produce("seed-it", Stories.seed("seed-it", null));
            produce("seed-it", Stories.seed("marker-it", null));

            List<JsonNode> alerts = await().atMost(WAIT).until(() -> getAlerts(base, ""),
                    list -> list.stream().anyMatch(a -> a.get("storyId").asText().equals("marker-it")));
            List<JsonNode> seedAlerts = alerts.stream().filter(a -> a.get("storyId").asText().equals("seed-it"))
                    .toList();
            assertThat(seedAlerts).hasSize(1);
            JsonNode seed = seedAlerts.get(0);
            assertThat(seed.get("ruleId").asText()).isEqualTo("escalation");
            assertThat(seed.get("evidence").toString()).contains("retaliatory measures").contains("no concessions");
            assertThat(alerts.get(0).get("storyId").asText()).as("newest first").isEqualTo("marker-it");
            assertThat(getAlerts(base, "?limit=1")).hasSize(1);

            List<String> json = readAlertsJson(2);
            assertThat(json).hasSize(2);
            JsonNode fromTopic = AvroJson.mapper().readTree(json.get(0));
            assertThat(fromTopic.get("id").asText()).isEqualTo(seed.get("id").asText());
            assertThat(fromTopic.get("explanation").asText())
                    .contains("Sergei Lavrov (RUS) threatened the West");

            await().atMost(WAIT).until(() -> live.events().size() >= 2);
            List<SseReader.Event> events = live.events();
            assertThat(events).extracting(SseReader.Event::event).containsOnly("alert");
            String seedOffset = seed.get("offset").asText();
            String markerOffset = alerts.get(0).get("offset").asText();
            assertThat(events).as("event ids are the alerts' offsets on news.alerts (not dense: "
                    + "transaction markers take offsets too)").extracting(SseReader.Event::id)
                    .containsExactly(seedOffset, markerOffset);
            assertThat(AvroJson.mapper().readTree(events.get(0).data()).get("id").asText())
                    .isEqualTo(seed.get("id").asText());

            try (SseReader resumed = SseReader.open(HTTP, base.resolve("api/alerts/stream"),
                    Map.of("Last-Event-ID", seedOffset))) {
                await().atMost(WAIT).until(() -> !resumed.events().isEmpty());
                assertThat(resumed.events()).extracting(SseReader.Event::id).containsExactly(markerOffset);
            }
        }

        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(base.resolve("health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode status = AvroJson.mapper().readTree(health.body());
        assertThat(status.get("status").asText()).isEqualTo("UP");
        assertThat(status.get("streams").asText()).isEqualTo("RUNNING");
        assertThat(status.get("consumer").get("ok").asBoolean()).isTrue();

        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(base.resolve("metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("wirewatch_alerts_total{rule=\"escalation\",severity=\"MEDIUM\"} 2.0")
                .contains("wirewatch_alert_delivery_seconds").contains("kafka_stream")
                .containsPattern("wirewatch_topic_end_offset\\{topic=\"news.stories.enriched\"\\} [1-9]");
        java.nio.file.Files.writeString(Path.of("target", "metrics-sample.txt"), metrics.body());

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(base).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>wirewatch alerts</title>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'"));
    }

    private static List<JsonNode> getAlerts(URI base, String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("api/alerts" + query))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        AvroJson.mapper().readTree(response.body()).forEach(out::add);
        return out;
    }

    private static void produce(String key, EnrichedStory story) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EnrichedStory> producer = new KafkaProducer<>(props, new StringSerializer(),
                Topics.STORIES_ENRICHED.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.STORIES_ENRICHED.name(), key, story));
            producer.flush();
        }
    }

    private static List<String> readAlertsJson(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.ALERTS_JSON.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
