package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.alerts.AlertsService;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with a rules file on the real broker: 100 concurrent SSE clients all receive every alert, filtered
 * streams get only theirs, and an edited rules file takes effect without a restart.
 */
class SseFanOutIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int CLIENTS = 100;

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryAlertToAHundredClientsAndApplyEditedRules() throws Exception {
        Path rulesFile = dir.resolve("rules.yml");
        Files.writeString(rulesFile, """
                rules:
                  - id: threats
                    version: 1
                    description: Threats
                    categories: [THREATEN]
                    severity: MEDIUM
                """);
        HttpClient http = SseReader.client();
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("broker"), 0));
             AlertsService service = AlertsService.start(new AlertsService.Config(broker.bootstrapServers(),
                     "alerts-fanout-it", dir.resolve("state"), "127.0.0.1", 0, Map.of(), rulesFile,
                     Clock.systemUTC()))) {
            URI stream = service.dashboardUri().resolve("api/alerts/stream");
            List<SseReader> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(SseReader.open(http, stream, Map.of()));
                }
                SseReader russia = SseReader.open(http, URI.create(stream + "?actor=rus"), Map.of());
                SseReader nobody = SseReader.open(http, URI.create(stream + "?actor=XYZ"), Map.of());
                SseReader critical = SseReader.open(http, URI.create(stream + "?minSeverity=CRITICAL"), Map.of());
                clients.addAll(List.of(russia, nobody, critical));
                await().atMost(WAIT).until(() -> clients.stream().allMatch(SseReader::connected));
                assertThat(clients).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
                await().atMost(WAIT).until(service::isRunning);

                try (KafkaProducer<String, EnrichedStory> producer = producer(broker)) {
                    for (int i = 0; i < 3; i++) {
                        EnrichedStory story = Stories.seed("fan-" + i, null);
                        producer.send(new ProducerRecord<>(Topics.STORIES_ENRICHED.name(), "fan-" + i, story));
                    }
                    producer.flush();
                }

                List<SseReader> everyone = clients.subList(0, CLIENTS);
                await().atMost(WAIT).until(() -> everyone.stream().allMatch(c -> c.events().size() >= 3));
                List<String> ids = everyone.get(0).events().stream().map(SseReader.Event::id).toList();
                assertThat(ids).hasSize(3).doesNotHaveDuplicates();
                assertThat(everyone).allSatisfy(c ->
                        assertThat(c.events()).extracting(SseReader.Event::id).containsExactlyElementsOf(ids));
                assertThat(everyone.get(CLIENTS - 1).events()).extracting(e -> storyId(e.data()))
                        .containsExactlyInAnyOrder("fan-0", "fan-1", "fan-2");
                await().atMost(WAIT).until(() -> russia.events().size() >= 3);
                assertThat(russia.events()).extracting(SseReader.Event::id).containsExactlyElementsOf(ids);

                Files.writeString(rulesFile, """
                        rules:
                          - id: threats
                            version: 2
                            description: Threats, stricter
                            categories: [THREATEN]
                            severity: HIGH
                        """);
                await().atMost(WAIT).until(() -> health(http, service).get("rules").get("rules").toString()
                        .contains("threats v2"));
                try (KafkaProducer<String, EnrichedStory> producer = producer(broker)) {
                    producer.send(new ProducerRecord<>(Topics.STORIES_ENRICHED.name(), "fan-0",
                            Stories.seed("fan-0", null)));
                    producer.flush();
                }
                await().atMost(WAIT).until(() -> everyone.stream().allMatch(c -> c.events().size() >= 4));
                JsonNode reRaised = AvroJson.mapper().readTree(everyone.get(7).events().get(3).data());
                assertThat(reRaised.get("ruleVersion").asText()).isEqualTo("2");
                assertThat(reRaised.get("severity").asText()).isEqualTo("HIGH");
                assertThat(reRaised.get("storyId").asText()).isEqualTo("fan-0");

                assertThat(nobody.events()).as("no alert involves XYZ").isEmpty();
                assertThat(critical.events()).as("no alert is CRITICAL").isEmpty();
            } finally {
                clients.forEach(SseReader::close);
            }
        }
    }

    private static String storyId(String json) {
        try {
            return AvroJson.mapper().readTree(json).get("storyId").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static JsonNode health(HttpClient http, AlertsService service) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.dashboardUri().resolve("health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return AvroJson.mapper().readTree(response.body());
    }

    private static KafkaProducer<String, EnrichedStory> producer(EmbeddedBroker broker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), Topics.STORIES_ENRICHED.valueSerde().serializer());
    }
}
