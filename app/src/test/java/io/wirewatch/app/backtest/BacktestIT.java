package io.wirewatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.alerts.rules.RulesFile;
import io.wirewatch.nlp.Enrichers;
import io.wirewatch.ingest.ReadResult;
import io.wirewatch.ingest.StoryReader;
import io.wirewatch.schema.Story;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

class BacktestIT {

    private static final Instant GENERATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant RAISED = Instant.parse("2022-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private List<Story> samples() throws Exception {
        List<Story> stories = new ArrayList<>();
        for (String name : List.of("2022-01-26-ap-no-concessions.txt", "2022-01-27-talks-offer.txt",
                "2022-02-03-de-escalation.txt", "2022-02-08-denial.txt", "2022-02-10-conditional-threat.txt",
                "2022-02-11-business.txt")) {
            Path file = dir.resolve(name);
            try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
                Files.copy(in, file);
            }
            ReadResult result = StoryReader.read(file, Clock.fixed(GENERATED, ZoneOffset.UTC));
            stories.add(((ReadResult.Read) result).story());
        }
        return stories;
    }

    private String report(List<Story> stories) {
        Backtest.Result result = Backtest.run(stories, RulesFile.loadDefault(),
                Enrichers.standard(Clock.fixed(GENERATED, ZoneOffset.UTC)), RAISED);
        return BacktestReport.html(result, new BacktestReport.Meta("samples", "default", Instant.EPOCH, RAISED,
                GENERATED));
    }

    @Test
    void shouldGiveTheSameReportByteForByteForTheSameStoriesAndRules() throws Exception {
        List<Story> stories = samples();
        List<Story> shuffled = new ArrayList<>(stories);
        java.util.Collections.reverse(shuffled);

        String first = report(stories);

        assertThat(report(shuffled)).isEqualTo(first);
        assertThat(first).contains("no concessions to Russia").contains("<svg");
    }

    @Test
    void shouldDrawTheAlertListAndDyadChartsInARealBrowser() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path driverBinary = Path.of("/usr/bin/chromedriver");
        assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driverBinary),
                "needs Debian chromium and chromium-driver (CI installs them)");
        Path report = dir.resolve("report.html");
        Files.writeString(report, report(samples()));

        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(dir, "chrome"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(report.toUri().toString());
            assertThat(browser.getTitle()).isEqualTo("wirewatch backtest");
            assertThat(browser.findElements(By.cssSelector("#alerts > li.alert"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#dyads svg.chart rect"))).isNotEmpty();
            assertThat(browser.findElement(By.id("alerts")).getText()).contains("no concessions to Russia");
        } finally {
            browser.quit();
        }
    }
}
