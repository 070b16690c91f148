package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.alerts.AlertsService;
import io.wirewatch.alerts.testing.Chromium;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.broker.EmbeddedBroker;
import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Topics;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Every alert traceable, in a real headless Chromium against the real alerts service: a link to one alert opens it
 * with its story's date, its id and its source; actor names filter; the trend charts share one labelled axis and
 * show the dates marked in the address. Skips without Debian's chromium.
 */
class DashboardTraceBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private static AlertsService service;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        Chromium.assumeInstalled();
        broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("broker"), 0));
        service = AlertsService.start(new AlertsService.Config(broker.bootstrapServers(), "alerts-trace-it",
                dir.resolve("state"), "127.0.0.1", 0, Map.of(), null, Clock.systemUTC()),
                AlertsService.Options.NONE.withActors(ActorDirectory.of(List.of(
                        new ActorDirectory.Actor("RUS", "Russia"), new ActorDirectory.Actor("RUS", "Sergei Lavrov"),
                        new ActorDirectory.Actor("NATO", "NATO")))));
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldOpenAnAlertFromItsLinkWithTheStorysDateSourceAndTrendsOnOneAxis() {
        await().atMost(WAIT).until(service::isRunning);
        EnrichedStory seed = Stories.seed();
        seed.getStory().setPublishedLocal("2022-01-26T13:00:00-05:00");
        produce(seed);
        produce(Stories.conditionalThreat());
        await().atMost(WAIT).until(() -> listed().size() == 2);
        String id = listed().stream().filter(a -> a.storyId().equals("seed-1")).findFirst().orElseThrow().id();

        browser.get(service.dashboardUri().resolve("/alerts/" + id + "?mark=2022-01-26=talks").toString());

        await().atMost(WAIT).until(() -> browser.findElement(By.id("detail")).isDisplayed()
                && browser.findElement(By.id("detail-id")).getText().equals(id));
        assertThat(browser.getCurrentUrl()).endsWith("#alert-" + id);
        assertThat(browser.findElement(By.id("detail-time")).getText())
                .startsWith("story of 2022-01-26 (published 2022-01-26T13:00:00-05:00) · raised ");
        assertThat(browser.findElement(By.id("detail-source")).getAttribute("href"))
                .isEqualTo("https://example.org/seed-1");
        assertThat(browser.findElement(By.id("detail-permalink")).getAttribute("href")).endsWith("/alerts/" + id);
        assertThat(browser.findElement(By.cssSelector("#alerts li.selected .story-day")).getText())
                .isEqualTo("story of 2022-01-26");

        await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#trends figure")).size() == 3);
        assertThat(browser.findElements(By.cssSelector("#trends figcaption"))).extracting(e -> e.getText())
                .containsExactly("Overall conflict index per day (the pairs below, signal-weighted)", "RUS → NATO",
                        "RUS → WST");
        assertThat(browser.findElements(By.cssSelector("#trends .mark-label"))).hasSize(3)
                .allSatisfy(label -> assertThat(label.getText()).isEqualTo("talks"));
        assertThat(browser.findElements(By.cssSelector("#trends .axis-label"))).extracting(e -> e.getText())
                .contains("index", "day (story dates, UTC days)");

        browser.findElement(By.id("actor")).sendKeys("nato");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("actor-status")).getText().equals("= NATO"));
        await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#alerts li.alert")).size() == 1);
        assertThat(browser.findElement(By.id("export-alerts-csv")).getAttribute("href"))
                .endsWith("/api/alerts/export?actor=nato&format=csv");

        // a story that gave no date stands at the time it was read, and the alert detail says so
        EnrichedStory undated = Stories.seed("undated-1", "cluster-undated");
        undated.getStory().setPublishedAt(null);
        undated.getStory().setDateSource(DateSource.READ);
        produce(undated);
        await().atMost(WAIT).until(() -> listed().size() == 3);
        String undatedId = listed().stream().filter(a -> a.storyId().equals("undated-1")).findFirst().orElseThrow()
                .id();
        browser.get(service.dashboardUri().resolve("/alerts/" + undatedId).toString());
        await().atMost(WAIT).until(() -> browser.findElement(By.id("detail-id")).getText().equals(undatedId));
        assertThat(browser.findElement(By.id("detail-time")).getText()).contains(" · date: read time · raised ");
    }

    /** An alert as the REST API lists it: its id and its story. */
    private record Listed(String id, String storyId) {
    }

    private static List<Listed> listed() {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    service.dashboardUri().resolve("/api/alerts")).build(), HttpResponse.BodyHandlers.ofString());
            List<Listed> alerts = new ArrayList<>();
            for (JsonNode node : AvroJson.mapper().readTree(response.body())) {
                alerts.add(new Listed(node.get("id").asText(), node.get("storyId").asText()));
            }
            return alerts;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static void produce(EnrichedStory story) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, EnrichedStory> producer = new KafkaProducer<>(props, new StringSerializer(),
                Topics.STORIES_ENRICHED.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.STORIES_ENRICHED.name(), story.getStory().getId(), story));
            producer.flush();
        }
    }
}
