package io.wirewatch.alerts.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.testing.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Opens a backtest report in headless Chromium: the charts and the alert list are drawn, and no data runs. */
class BacktestReportBrowserIT {

    @TempDir
    Path dir;

    @Test
    void shouldDrawChartsAndTheAlertList() throws Exception {
        Chromium.assumeInstalled();
        Backtest.Result result = Backtest.run(DefaultRules.ruleSet(), BacktestTest.archive());
        Path report = dir.resolve("report.html");
        Files.writeString(report, BacktestReport.html(result, Instant.parse("2026-01-01T00:00:00Z")));

        WebDriver browser = Chromium.start();
        try {
            browser.get(report.toUri().toString());

            List<WebElement> ruleBars = browser.findElements(By.cssSelector("svg.rule-counts rect.bar"));
            assertThat(ruleBars).hasSize(2);
            assertThat(ruleBars).allSatisfy(bar -> assertThat(bar.getRect().getWidth()).isPositive());
            assertThat(ruleBars.get(0).getRect().getWidth()).as("4 alerts draw a longer bar than 1")
                    .isGreaterThan(ruleBars.get(1).getRect().getWidth());

            List<WebElement> timelines = browser.findElements(By.cssSelector("svg.dyad-timeline"));
            assertThat(timelines).extracting(t -> t.getAttribute("data-dyad")).containsExactly("RUS->WST", "IRN->ISR");
            List<WebElement> days = timelines.get(0).findElements(By.cssSelector("rect.bar"));
            assertThat(days).extracting(d -> d.getAttribute("data-day"))
                    .containsExactly("2022-01-26", "2022-01-27", "2022-01-28");
            assertThat(days).allSatisfy(d -> assertThat(d.getRect().getHeight()).isPositive());

            List<WebElement> alerts = browser.findElements(By.cssSelector("ol.alerts > li"));
            assertThat(alerts).hasSize(result.alerts().size());
            assertThat(alerts.get(2).findElement(By.className("story")).getText()).startsWith(BacktestTest.HOSTILE);
            assertThat(browser.findElements(By.cssSelector("script, img"))).isEmpty();
            assertThat(((JavascriptExecutor) browser).executeScript("return document.title")).isEqualTo(
                    "wirewatch backtest");
        } finally {
            browser.quit();
        }
    }
}
