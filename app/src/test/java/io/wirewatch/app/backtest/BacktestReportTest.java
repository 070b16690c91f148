package io.wirewatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The report's traceability (story date, link, anchor per alert) and its trends on one axis with marks. */
class BacktestReportTest {

    private static final Instant GENERATED = Instant.parse("2026-01-01T00:00:00Z");

    static {
        io.wirewatch.schema.GeneratedClasses.trust();
    }

    private static Alert alert(String id, String dyad, @Nullable String publishedLocal, @Nullable Instant publishedAt) {
        return Alert.newBuilder().setId(id).setRuleId("escalation").setRuleVersion("3").setSeverity(Severity.HIGH)
                .setTitle("Russia (RUS) attacked Ukraine: 'shelled'").setExplanation("why").setStoryId("s-" + id)
                .setStoryTitle("Shelling near Kharkiv").setStoryUrl("https://example.org/" + id).setDyad(dyad)
                .setActors(List.of(dyad.split("->"))).setScore(9).setEvidence(List.of())
                .setPublishedAt(publishedAt).setPublishedLocal(publishedLocal).setRaisedAt(GENERATED).build();
    }

    private static DyadWindow window(String source, String target, String day, double mean, int signals) {
        Instant start = LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        return DyadWindow.newBuilder().setSource(source).setTarget(target).setWindow("DAY").setWindowStart(start)
                .setWindowEnd(start.plusSeconds(86_400)).setSignals(signals).setStories(1)
                .setIntensitySum(mean * signals).setIntensityMean(mean).setConflictShare(mean < 0 ? 1 : 0).build();
    }

    private static String report(List<String> marks) {
        // published 23:30 in Kyiv on the 23rd is the 23rd to the publisher, the 23rd 21:30 UTC
        Alert shelling = alert("al-1", "RUS->UKR", "2022-02-23T23:30:00+02:00", Instant.parse("2022-02-23T21:30:00Z"));
        Backtest.Result result = new Backtest.Result(2, List.of(shelling),
                List.of(window("RUS", "UKR", "2022-02-20", -4, 2), window("RUS", "UKR", "2022-02-23", -8, 4),
                        window("USA", "RUS", "2022-02-10", 3, 1)), List.of(), List.of(), List.of());
        return BacktestReport.html(result, new BacktestReport.Meta("test", "default", Instant.EPOCH, GENERATED,
                GENERATED, marks));
    }

    @Test
    void shouldShowTheStorysDayLinkAndAnAnchorForEveryAlert() {
        String html = report(List.of());

        assertThat(html).contains("<li class=\"alert high\" id=\"alert-al-1\">")
                .contains("story of 2022-02-23")
                .contains("<a class=\"source\" href=\"https://example.org/al-1\" rel=\"noopener noreferrer\">"
                        + "Shelling near Kharkiv</a>")
                .contains("<a class=\"id\" href=\"#alert-al-1\">al-1</a>");
    }

    @Test
    void shouldSayWhereAStorysDateCameFromWhenItIsNotThePagesOwn() {
        Alert dated = Alert.newBuilder(alert("al-2", "RUS->UKR", null, Instant.parse("2022-02-01T00:00:00Z")))
                .setDateSource(DateSource.FILE).build();
        Alert undated = Alert.newBuilder(alert("al-3", "RUS->UKR", null, null)).setDateSource(DateSource.READ).build();
        String html = BacktestReport.html(new Backtest.Result(2, List.of(dated, undated), List.of(), List.of(),
                List.of(), List.of()), new BacktestReport.Meta("test", "default", Instant.EPOCH, GENERATED, GENERATED,
                List.of()));

        assertThat(html).contains("published 2022-02-01T00:00:00Z · date: file or --date · raised")
                .contains("date: read time · raised");
        assertThat(report(List.of())).as("the page's own date needs no note").doesNotContain("date: ");
    }

    @Test
    void shouldDrawEveryChartOnOneTimeAxisWithLabelsAndMarks() {
        String html = report(List.of("2022-02-24=invasion"));

        Matcher firstDays = Pattern.compile("<text x=\"46\" y=\"\\d+\">(\\d{4}-\\d{2}-\\d{2})</text>").matcher(html);
        int charts = 0;
        while (firstDays.find()) {
            assertThat(firstDays.group(1)).as("every chart starts on the period's first day").isEqualTo("2022-02-10");
            charts++;
        }
        assertThat(charts).as("overall index, the alert's pair, the other pair").isEqualTo(3);
        assertThat(html).contains("Overall conflict index per day").contains(">day (UTC)</text>")
                .contains(">index</text>").contains(">2022-02-24</text>")
                .contains("<text class=\"mark-label\"").contains(">invasion</text>")
                .contains("<title>2022-02-23: 1 alerts</title>");
        assertThat(html.indexOf("RUS → UKR")).as("the pair of the alerts first")
                .isLessThan(html.indexOf("USA → RUS"));
    }

    @Test
    void shouldWeighTheOverallIndexBySignals() {
        Map<LocalDate, TrendCharts.Bar> overall = TrendCharts.overall(List.of(window("RUS", "UKR", "2022-02-23", -8, 3),
                window("USA", "RUS", "2022-02-23", 4, 1)));

        assertThat(overall.get(LocalDate.parse("2022-02-23")).value()).isEqualTo(-5.0);
    }

    @Test
    void shouldRefuseAMarkThatIsNotADay() {
        assertThatThrownBy(() -> TrendCharts.Mark.parse("24 Feb=invasion"))
                .hasMessage("--mark must be DAY=label, e.g. 2022-02-24=invasion; was '24 Feb=invasion'");
        assertThat(TrendCharts.Mark.parse("2022-02-24")).isEqualTo(new TrendCharts.Mark(LocalDate.parse("2022-02-24"), ""));
    }
}
