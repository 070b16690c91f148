package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.wirewatch.alerts.AlertsService;
import io.wirewatch.alerts.subscribe.Webhook;
import io.wirewatch.alerts.testing.SseReader;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Topics;
import java.net.InetSocketAddress;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with a rules file, a bearer token and a webhook on the real broker: 100 concurrent SSE clients all
 * receive every alert, filtered streams get only theirs, the webhook gets each alert, and an edited rules file takes
 * effect without a restart.
 */
class SseFanOutIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int CLIENTS = 100;
    private static final String TOKEN = "fan-out-token-0123456789";
    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + TOKEN);

    private HttpServer hooks;
    private final List<String> hooked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startWebhookReceiver() throws Exception {
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/hook", exchange -> {
            hooked.add(storyIdAndVersion(new String(exchange.getRequestBody().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hooks.start();
    }

    @AfterEach
    void stopWebhookReceiver() {
        hooks.stop(0);
    }

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
                     Clock.systemUTC()), new AlertsService.Options(TOKEN, List.of(Webhook.of(
                             URI.create("http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook"), "secret"))))) {
            URI stream = service.dashboardUri().resolve("api/alerts/stream");
            List<SseReader> clients = new ArrayList<>();
            try {
                SseReader anonymous = SseReader.open(http, stream, Map.of());
                await().atMost(WAIT).until(anonymous::connected);
                assertThat(anonymous.status()).as("the token guards the event stream").isEqualTo(401);
                anonymous.close();
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(SseReader.open(http, stream, AUTH));
                }
                SseReader russia = SseReader.open(http, URI.create(stream + "?actor=rus"), AUTH);
                SseReader nobody = SseReader.open(http, URI.create(stream + "?actor=XYZ"), AUTH);
                SseReader critical = SseReader.open(http, URI.create(stream + "?minSeverity=CRITICAL"), AUTH);
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

                await().atMost(WAIT).until(() -> hooked.size() >= 4);
                assertThat(hooked).as("the webhook got every alert once")
                        .containsExactlyInAnyOrderElementsOf(everyone.get(0).events().stream()
                                .map(e -> storyIdAndVersion(e.data())).toList());
                assertThat(nobody.events()).as("no alert involves XYZ").isEmpty();
                assertThat(critical.events()).as("no alert is CRITICAL").isEmpty();
            } finally {
                clients.forEach(SseReader::close);
            }
        }
    }

    private static String storyIdAndVersion(String json) {
        try {
            JsonNode alert = AvroJson.mapper().readTree(json);
            return alert.get("storyId").asText() + " v" + alert.get("ruleVersion").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
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
        assertThat(response.statusCode()).as("health needs no token").isIn(200, 503);
        return AvroJson.mapper().readTree(response.body());
    }

    private static KafkaProducer<String, EnrichedStory> producer(EmbeddedBroker broker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), Topics.STORIES_ENRICHED.valueSerde().serializer());
    }
}
