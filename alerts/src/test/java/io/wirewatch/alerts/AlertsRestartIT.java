package io.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts: the feed shows alerts raised before the restart, and a story ingested again after a restart raises no
 * second alert, even when the local state folder is lost (the de-duplication store comes back from its changelog).
 */
class AlertsRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldKeepAlertsAndDeduplicateAcrossRestartsAndLostState() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("broker"), 0))) {
            try (AlertsService first = start(broker, dir.resolve("state-1"))) {
                await().atMost(WAIT).until(first::isRunning);
                produce(broker, Stories.seed("restart-seed", null));
                await().atMost(WAIT).until(() -> storyIds(first).contains("restart-seed"));
            }

            try (AlertsService second = start(broker, dir.resolve("state-2"))) {
                await().atMost(WAIT).until(() -> storyIds(second).contains("restart-seed"));
                await().atMost(WAIT).until(second::isRunning);
                produce(broker, Stories.seed("restart-seed", null));
                produce(broker, Stories.seed("restart-marker", null));
                await().atMost(WAIT).until(() -> storyIds(second).contains("restart-marker"));
                assertThat(storyIds(second)).containsExactly("restart-marker", "restart-seed");
            }
        }
    }

    private static AlertsService start(EmbeddedBroker broker, Path stateDir) {
        return AlertsService.start(new AlertsService.Config(broker.bootstrapServers(), "alerts-restart-it", stateDir,
                "127.0.0.1", 0, Map.of(), null, Clock.systemUTC()));
    }

    private static List<String> storyIds(AlertsService service) throws Exception {
        URI uri = service.dashboardUri().resolve("api/alerts");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        for (JsonNode alert : AvroJson.mapper().readTree(response.body())) {
            ids.add(alert.get("storyId").asText());
        }
        return ids;
    }

    private static void produce(EmbeddedBroker broker, EnrichedStory story) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, EnrichedStory> producer = new KafkaProducer<>(props, new StringSerializer(),
                Topics.STORIES_ENRICHED.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.STORIES_ENRICHED.name(), story.getStory().getId(), story));
            producer.flush();
        }
    }
}
