package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.alerts.AlertsService;
import io.wirewatch.alerts.testing.Chromium;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.schema.EnrichedStory;
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
 * The dashboard in a real headless Chromium: alerts raised before the page opened are listed, a new alert appears
 * without reload, markup in story data shows as text and runs nothing, the detail highlights the evidence, and the
 * filters work. Skips when Debian's chromium or chromium-driver is not installed.
 */
class DashboardBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HOSTILE_TITLE =
            "<script>window.__pwned = 'script'</script><img src=x onerror=\"window.__pwned='img'\"> Kremlin warns";
    private static final String HOSTILE_EVIDENCE = "<img src=x onerror=\"window.__pwned='evidence'\">retaliation";

    @TempDir
    static Path dir;

    private static EmbeddedBroker broker;
    private static AlertsService service;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        Chromium.assumeInstalled();
        broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("broker"), 0));
        service = AlertsService.start(new AlertsService.Config(broker.bootstrapServers(), "alerts-browser-it",
                dir.resolve("state"), "127.0.0.1", 0, Map.of(), null, Clock.systemUTC()));
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
    void shouldShowAlertsLiveAsTextWithHighlightedEvidenceFiltersAndSearch() {
        await().atMost(WAIT).until(service::isRunning);
        produce(Stories.seed("before-page", null));
        await().atMost(WAIT).until(() -> httpAlertCount() >= 1);

        browser.get(service.dashboardUri().toString());
        await().atMost(WAIT).until(() -> browser.findElement(By.id("status")).getText().equals("live"));
        assertThat(cards()).hasSize(1);
        assertThat(cards().get(0).findElement(By.className("alert-title")).getText())
                .startsWith("Sergei Lavrov (RUS) threatened the West");

        produce(hostileStory());
        await().atMost(WAIT).until(() -> cards().size() == 2);

        WebElement newest = cards().get(0);
        assertThat(newest.findElement(By.className("story-title")).getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(browser.findElements(By.cssSelector("#alerts img, #alerts script"))).isEmpty();
        assertThat(pwned()).as("no script from alert data ran").isNull();

        newest.click();
        WebElement detail = browser.findElement(By.id("detail"));
        await().atMost(WAIT).until(detail::isDisplayed);
        assertThat(browser.findElement(By.id("detail-story")).getText()).isEqualTo(HOSTILE_TITLE);
        List<WebElement> marks = browser.findElements(By.cssSelector("#detail-evidence mark"));
        assertThat(marks).extracting(WebElement::getText).containsExactly(HOSTILE_EVIDENCE);
        assertThat(browser.findElements(By.cssSelector("#detail img, #detail script"))).isEmpty();
        assertThat(pwned()).isNull();

        cards().get(1).click();
        assertThat(browser.findElements(By.cssSelector("#detail-evidence mark"))).extracting(WebElement::getText)
                .containsExactly("Moscow will take the necessary retaliatory measures", "no concessions");

        WebElement actor = browser.findElement(By.id("actor"));
        actor.sendKeys("xyz");
        await().atMost(WAIT).until(() -> cards().isEmpty());
        actor.clear();
        actor.sendKeys("WST");
        await().atMost(WAIT).until(() -> cards().size() == 1);
        assertThat(cards().get(0).findElement(By.className("story-title")).getText())
                .isEqualTo("There are no concessions to Russia in the US response");
        actor.clear();
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("retaliatory LAVROV");
        await().atMost(WAIT).until(() -> cards().size() == 1);
        assertThat(cards().get(0).findElement(By.className("alert-title")).getText()).startsWith("Sergei Lavrov");
        search.sendKeys(" nowhere-to-be-found");
        await().atMost(WAIT).until(() -> cards().isEmpty());
        search.clear();
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('search').dispatchEvent(new Event('input', {bubbles: true}));");
        await().atMost(WAIT).until(() -> cards().size() == 2);
        browser.findElement(By.id("min-severity")).sendKeys("CRITICAL");
        await().atMost(WAIT).until(() -> cards().isEmpty());
        ((JavascriptExecutor) browser).executeScript("const s = document.getElementById('min-severity');"
                + " s.value = ''; s.dispatchEvent(new Event('change', {bubbles: true}));");
        await().atMost(WAIT).until(() -> cards().size() == 2);
        assertThat(pwned()).isNull();
    }

    private static List<WebElement> cards() {
        return browser.findElements(By.cssSelector("#alerts li.alert"));
    }

    private static Object pwned() {
        return ((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined ? null : window.__pwned;");
    }

    private static long httpAlertCount() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(service.dashboardUri().resolve("api/alerts"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return io.wirewatch.schema.AvroJson.mapper().readTree(response.body()).size();
    }

    private static EnrichedStory hostileStory() {
        String sentence = "A spokesman said " + HOSTILE_EVIDENCE + " would follow.";
        Story story = Stories.story("hostile-1", HOSTILE_TITLE, null, sentence);
        return Stories.enriched(story, List.of(), List.of(Stories.signal("THREATEN", -6.0, Modality.FUTURE, "RUS",
                "UKR", "<b onmouseover=alert(1)>spokesman</b>", HOSTILE_EVIDENCE, sentence)), 0.0);
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
