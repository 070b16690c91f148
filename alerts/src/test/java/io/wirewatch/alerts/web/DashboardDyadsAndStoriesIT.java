package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.alerts.AlertsService;
import io.wirewatch.alerts.testing.Chromium;
import io.wirewatch.alerts.testing.KeptDyadWindows;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard's dyad timeline and story views in a real headless Chromium, against the real alerts service (its
 * story store and its dyad window store) on a real broker: closed windows of January 2022 written to
 * {@code news.dyads.escalation} as a replay writes them, long after stream time has passed them, are kept and drawn
 * when their alert is selected; the picker switches dyads, the alert's story shows with entities and signals
 * highlighted, story search finds it, and markup in story text or chart data shows as text and runs nothing. Skips
 * without Debian's chromium.
 */
class DashboardDyadsAndStoriesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HOSTILE = "<img src=x onerror=\"window.__pwned='story'\">";

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private static AlertsService service;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        Chromium.assumeInstalled();
        broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("broker"), 0));
        service = AlertsService.start(new AlertsService.Config(broker.bootstrapServers(), "alerts-dyads-it",
                dir.resolve("state"), "127.0.0.1", 0, Map.of(), null, Clock.systemUTC()),
                AlertsService.Options.NONE);
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
    void shouldDrawAReplayedPairsWindowsAndShowTheStoryWithHighlightsAsText() {
        await().atMost(WAIT).until(service::isRunning);
        produceWindow(day("RUS", "WST", "2026-11-30", -2.0)); // a live window of late 2026 first: stream time moves on
        KeptDyadWindows.twoDays().forEach(DashboardDyadsAndStoriesIT::produceWindow); // then the replay's
        produce(threatStory());
        produce(Stories.conditionalThreat());
        browser.get(service.dashboardUri().toString());
        await().atMost(WAIT).until(() -> cards().size() == 2);

        WebElement threat = cards().stream().filter(c -> c.getText().contains("RUS->WST")).findFirst().orElseThrow();
        threat.click();

        await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#dyad-chart circle")).size() == 2);
        assertThat(browser.findElement(By.id("dyad-status")).getText()).startsWith("RUS → WST: 2 daily windows");
        assertThat(browser.findElements(By.cssSelector("#dyad-chart polyline"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#dyad-chart circle.conflict"))).hasSize(1);
        Object tooltip = ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('#dyad-chart circle.conflict title').textContent;");
        assertThat((String) tooltip).contains("index -4.40", "onerror=\"window.__pwned='chart'\">retaliatory");

        await().atMost(WAIT).until(() -> browser.findElement(By.id("story")).isDisplayed()
                && !browser.findElements(By.cssSelector("#story-text mark.sig")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#story-text mark.sig"))).extracting(WebElement::getText)
                .containsExactly("retaliatory measures");
        assertThat(browser.findElements(By.cssSelector("#story-text .ent"))).extracting(WebElement::getText)
                .containsExactly("Lavrov", "the West");
        assertThat(browser.findElement(By.cssSelector("#story-text .ent")).getAttribute("title"))
                .isEqualTo("PERSON · PER:SERGEI_LAVROV · Sergei Lavrov");
        assertThat(browser.findElement(By.id("story-text")).getText()).startsWith(HOSTILE + "Lavrov said");
        assertThat(browser.findElements(By.cssSelector("#story img, #dyads img, #story script"))).isEmpty();

        assertThat(browser.findElements(By.cssSelector("#dyad-pick option"))).extracting(WebElement::getText)
                .contains("RUS → NATO", "RUS → WST");
        choose("dyad-pick", "RUS->NATO");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("dyad-status")).getText()
                .startsWith("RUS → NATO: 0 daily windows"));
        choose("dyad-window", "HOUR");
        await().atMost(WAIT).until(() -> browser.findElement(By.id("dyad-status")).getText()
                .startsWith("RUS → NATO: 0 hourly windows"));
        assertThat(browser.findElements(By.cssSelector("#dyad-chart circle"))).isEmpty();

        browser.findElement(By.id("story-search")).sendKeys("baltic countermeasures");
        browser.findElement(By.id("story-search-go")).click();
        await().atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#story-results li")).size() == 1);
        browser.findElement(By.cssSelector("#story-results li")).click();
        await().atMost(WAIT).until(() -> browser.findElement(By.id("story-title")).getText()
                .equals("Russia warns of response if NATO expands deployments in Baltics"));
        assertThat(pwned()).as("no script from story or chart data ran").isNull();
    }

    /** Picks an option as a user does: the value changes, then a change event. */
    private static void choose(String selectId, String value) {
        ((JavascriptExecutor) browser).executeScript("const s = document.getElementById(arguments[0]);"
                + " s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true}));", selectId, value);
    }

    private static List<WebElement> cards() {
        return browser.findElements(By.cssSelector("#alerts li.alert"));
    }

    private static Object pwned() {
        return ((JavascriptExecutor) browser).executeScript(
                "return window.__pwned === undefined ? null : window.__pwned;");
    }

    /** Lavrov's threat, with markup in the text and spans that index it as the enricher's do. */
    private static EnrichedStory threatStory() {
        String text = HOSTILE + "Lavrov said Moscow will take retaliatory measures if the West goes on.";
        Story story = Stories.story("dyad-threat", "Lavrov threatens retaliation", null, text);
        return Stories.enriched(story,
                List.of(entity(text, "Lavrov", EntityType.PERSON, "PER:SERGEI_LAVROV", "Sergei Lavrov"),
                        entity(text, "the West", EntityType.NORP, "WST", "the West")),
                List.of(Stories.at(0, "THREATEN", -4.4, Modality.CONDITIONAL, "RUS", "WST", "Sergei Lavrov",
                        "retaliatory measures", text)),
                4.4);
    }

    private static Entity entity(String text, String mention, EntityType type, String actorId, String name) {
        int at = text.indexOf(mention);
        return Entity.newBuilder().setText(mention).setType(type).setStart(at).setEnd(at + mention.length())
                .setActorId(actorId).setActorName(name).build();
    }

    private static DyadWindow day(String source, String target, String day, double mean) {
        return KeptDyadWindows.day(source, target, day, Map.of("DEMAND", 1), 1, mean, 1.0, null);
    }

    /** A closed window on {@code news.dyads.escalation}, keyed by its pair, as enrichment and a replay write it. */
    private static void produceWindow(DyadWindow window) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, DyadWindow> producer = new KafkaProducer<>(props, new StringSerializer(),
                Topics.DYADS_ESCALATION.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.DYADS_ESCALATION.name(), null,
                    window.getWindowEnd().toEpochMilli(), window.getSource() + "->" + window.getTarget(), window));
            producer.flush();
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
