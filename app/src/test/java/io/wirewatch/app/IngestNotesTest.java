package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.ingest.IngestReport;
import io.wirewatch.schema.DateSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code wirewatch ingest} adds to its summary about undated stories and history sent to a live pipeline. */
class IngestNotesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static IngestReport report(List<IngestReport.Failure> undated, IngestReport.Span span) {
        return new IngestReport(3, 3, 0, List.of(), List.of(), undated, Map.of(), span);
    }

    @Test
    void shouldCountTheStoriesOfEachSourceOfTheirDate() {
        IngestReport report = new IngestReport(4, 4, 0, List.of(), List.of(), List.of(new IngestReport.Failure(
                "file:a.txt", "no publication date found")), Map.of(DateSource.READ, 1, DateSource.PUBLISHED, 2,
                DateSource.FILE, 1), null);

        assertThat(IngestCommand.notes("files", report, NOW, "b:9092")).containsExactly(
                "  dated by: 2 the page's own date, 1 a date in the file (date line, file name, JSON field, WARC"
                        + " capture), 1 the time they were read (no date found)",
                "  undated: 1 with no publication date, marked as such (dateSource READ): a running pipeline places"
                        + " them at the time they were read; backtest and replay skip them unless given --date DAY");
    }

    @Test
    void shouldNameUndatedStoriesAndPointHistoryFilesToReplay() {
        IngestReport history = report(List.of(new IngestReport.Failure("file:a.txt",
                "no publication date found: placed at the time it was read, 2026-12-03T11:59:00Z")),
                new IngestReport.Span(Instant.parse("2022-01-03T09:00:00Z"), Instant.parse("2022-02-27T23:00:00Z")));

        assertThat(IngestCommand.notes("files", history, NOW, "127.0.0.1:9092")).containsExactly(
                "  undated: 1 with no publication date, marked as such (dateSource READ): a running pipeline places"
                        + " them at the time they were read; backtest and replay skip them unless given --date DAY",
                "  note: these stories (2022-01-03 .. 2022-02-27) went to a running pipeline in file order, after"
                        + " newer ones: its windows, stance changes and alerts of that history depend on the order of"
                        + " arrival. For the backtest's results run `wirewatch replay -b 127.0.0.1:9092 --from"
                        + " 2022-01-03 --to 2022-02-28`.");
    }

    @Test
    void shouldSayNothingOfFreshStoriesOrFeeds() {
        IngestReport.Span recent = new IngestReport.Span(NOW.minusSeconds(3600), NOW);
        IngestReport.Span old = new IngestReport.Span(Instant.parse("2022-01-03T09:00:00Z"), NOW);

        assertThat(IngestCommand.notes("files", report(List.of(), recent), NOW, "b:9092")).isEmpty();
        assertThat(IngestCommand.notes("feeds", report(List.of(), old), NOW, "b:9092")).isEmpty();
        assertThat(IngestCommand.notes("files", report(List.of(), null), NOW, "b:9092")).isEmpty();
    }
}
