package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.ingest.IngestReport;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.ReadResult;
import io.wirewatch.ingest.StoryReader;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed scenario of the foundation issue, against whatever Kafka a subclass provides: the AP story goes in
 * (twice), and exactly one alert comes out whose evidence holds its escalation language.
 */
abstract class SeedScenario {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String SEED = "2022-01-26-ap-no-concessions.txt";

    @TempDir
    static Path samples;

    /** The services under test, started by the subclass before its tests. */
    static Pipeline pipeline;

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    String bootstrapServers() {
        return pipeline.bootstrapServers();
    }

    URI dashboard() {
        return pipeline.dashboardUri();
    }

    static Path seed() {
        return Samples.extractTo(samples).stream().filter(p -> p.getFileName().toString().equals(SEED))
                .findFirst().orElseThrow();
    }

    static IngestReport ingest(String bootstrap, List<Path> paths) {
        try (IngestService ingest = new IngestService(new IngestService.Config(bootstrap, Map.of(),
                Clock.systemUTC()))) {
            return ingest.ingest(paths);
        }
    }

    @Test
    void shouldRaiseExactlyOneAlertPerRuleForTheSeedStoryEvenWhenItIsIngestedTwice() throws Exception {
        Path seed = seed();
        IngestReport first = ingest(bootstrapServers(), List.of(seed));
        assertThat(first.produced() + first.duplicates()).as("the seed, new or already archived by another test")
                .isEqualTo(1);
        IngestReport again = ingest(bootstrapServers(), List.of(seed));
        assertThat(again.failures()).isEmpty();
        assertThat(again.duplicates()).as("ingest knows the archive holds the seed").isEqualTo(1);
        // Another ingester that does not know the archive (or a replay) writes the same story again:
        // enrichment and alerts must still raise each alert once.
        Story story = ((ReadResult.Read) StoryReader.read(seed, Clock.systemUTC())).story();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(),
                Topics.STORIES_RAW.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), story.getId(), story)).get();
        }

        KafkaProbe.awaitCaughtUp(bootstrapServers(), EnrichService.DEFAULT_APPLICATION_ID,
                Topics.STORIES_RAW.name(), PATIENCE);
        KafkaProbe.awaitCaughtUp(bootstrapServers(), "wirewatch-alerts", Topics.STORIES_ENRICHED.name(), PATIENCE);

        List<ConsumerRecord<String, Alert>> alerts = KafkaProbe.readAll(bootstrapServers(), Topics.ALERTS.name(),
                Topics.ALERTS.valueSerde().deserializer());
        List<Alert> seedAlerts = alerts.stream().map(ConsumerRecord::value)
                .filter(a -> a.getStoryTitle().contains("no concessions to Russia")).toList();
        assertThat(seedAlerts).as("alerts for the seed story").isNotEmpty();
        assertThat(seedAlerts.stream().collect(java.util.stream.Collectors.groupingBy(Alert::getRuleId,
                java.util.stream.Collectors.counting())))
                .as("alerts per rule for the seed story, ingested twice").allSatisfy((rule, count) ->
                        assertThat(count).as(rule).isEqualTo(1L));
        assertThat(seedAlerts).allSatisfy(alert -> assertThat(alert.getEvidence()).as("evidence of " + alert.getId())
                .anySatisfy(signal -> assertThat(signal.getEvidence() + " " + signal.getSentence())
                        .containsAnyOf("no concessions", "retaliatory measures")));

        List<ConsumerRecord<String, String>> json = KafkaProbe.readAll(bootstrapServers(),
                Topics.ALERTS_JSON.name(), Topics.ALERTS_JSON.valueSerde().deserializer());
        assertThat(json).extracting(ConsumerRecord::key)
                .containsAll(seedAlerts.stream().map(Alert::getId).toList());
    }

    @Test
    void shouldAlertRussiaAgainstUkraineWhenRussianWarplanesBombAUkrainianCity() throws Exception {
        Path story = samples.resolve("2024-05-14-air-strikes.txt");
        try (var in = SeedScenario.class.getResourceAsStream("/stories/2024-05-14-air-strikes.txt")) {
            java.nio.file.Files.copy(Objects.requireNonNull(in, "the air-strike story fixture"), story,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String title = Files.readAllLines(story).get(0).strip();
        ingest(bootstrapServers(), List.of(story));

        Awaitility.await("an alert for the air-strike story").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(KafkaProbe.readAll(bootstrapServers(), Topics.ALERTS.name(),
                        Topics.ALERTS.valueSerde().deserializer()).stream().map(ConsumerRecord::value)
                        .filter(a -> a.getStoryTitle().equals(title)).toList())
                        .as("alerts for '%s'", title).isNotEmpty()
                        .allSatisfy(a -> assertThat(a.getDyad()).isEqualTo("RUS->UKR")));
    }

    @Test
    void shouldShowTheSeedAlertAtTheRestApi() {
        ingest(bootstrapServers(), List.of(seed()));
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await("seed alert at /api/alerts").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            dashboard().resolve("/api/alerts")).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).isEqualTo(200);
                    JsonNode alerts = AvroJson.mapper().readTree(response.body());
                    assertThat(alerts.isArray()).isTrue();
                    assertThat(response.body()).containsAnyOf("no concessions", "retaliatory measures");
                });
    }
}
