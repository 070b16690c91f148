package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.app.backtest.BacktestCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code backtest} reads every input {@code ingest} reads, and counts and names every input it does not take. */
class BacktestInputsTest {

    @TempDir
    static Path dir;

    static Run all;

    record Run(int exitCode, String out, String err) {
    }

    static Run backtest(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BacktestCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> arguments = new ArrayList<>(List.of("--report", dir.resolve("report-" + System.nanoTime()
                + ".html").toString(), "--to", "2026-01-01"));
        arguments.addAll(List.of(args));
        int code = cli.execute(arguments.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void backtestTheWholeFolder() throws Exception {
        HistoryFolder.write(dir.resolve("history"));
        all = backtest(dir.resolve("history").toString());
    }

    @Test
    void shouldBacktestTxtJsonLinesAndWarcFromOneFolder() {
        assertThat(all.exitCode()).as(all.err()).isZero();
        // six samples, the .txt dated by its date line, two dated JSON lines, one WARC page
        assertThat(all.out()).startsWith("10 stories, ");
    }

    @Test
    void shouldBacktestAJsonLinesArchiveAlone() {
        Run run = backtest(dir.resolve("history").resolve(HistoryFolder.JSONL).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("2 stories, ");
    }

    @Test
    void shouldBacktestAWarcCaptureAloneAndCountRecordsThatAreNotPages() {
        Run run = backtest(dir.resolve("history").resolve(HistoryFolder.WARC).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("1 stories, ");
        assertThat(run.err()).contains("skipped 1: WARC response that is not a 200 HTML page",
                "https://wire.example/logo.png");
    }

    @Test
    void shouldNameUndatedStoriesAndSayHowToDateThem() {
        assertThat(all.err()).contains("skipped 2: no publication date (give the .txt a date line", "--date DAY",
                "lavrov-undated.txt", HistoryFolder.JSONL + "#line3");
    }

    @Test
    void shouldDateUndatedStoriesWithTheDateOption() {
        Run run = backtest("--date", "2022-02-01", dir.resolve("history").toString());

        assertThat(run.out()).startsWith("12 stories, ");
        assertThat(run.err()).doesNotContain("no publication date");
    }

    @Test
    void shouldSayWhatTheTxtFormatIsWhenATxtHoldsOnlyATitle() {
        assertThat(all.err()).contains("could not read 1: no story text found after the title line; a .txt story"
                + " is its title on the first line, then optionally a date line", "2022-02-21-title-only.txt");
    }

    @Test
    void shouldNameFilesThatAreNotStoryFiles() {
        assertThat(all.err()).contains("skipped 1: not a story file", "notes.pdf");
    }

    @Test
    void shouldCountExactDuplicatesAsIngestDoes() {
        assertThat(all.err()).contains("skipped 1: exact duplicate of a story read before",
                "2022-01-27-talks-offer.txt");
    }

    @Test
    void shouldNameABrokenJsonLineWithItsNumber() {
        assertThat(all.err()).containsPattern("could not read 1: not a JSON object.*\\n.*" + HistoryFolder.JSONL
                + "#line4");
    }

    @Test
    void shouldCountStoriesOutsideTheRange() {
        Run run = backtest("--from", "2022-02-01", dir.resolve("history").resolve(HistoryFolder.SAMPLES).toString());

        assertThat(run.err()).contains("skipped 2: published outside --from/--to", "2022-01-26-ap-no-concessions.txt");
    }

    @Test
    void shouldExitNonZeroAndWriteNoReportWhenNothingIsRead() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        Files.writeString(empty.resolve("notes.pdf"), "%PDF");
        Path report = dir.resolve("none.html");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BacktestCommand());
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));

        int code = cli.execute("--report", report.toString(), empty.toString());

        assertThat(code).isNotZero();
        assertThat(report).doesNotExist();
        assertThat(err.toString()).contains("skipped 1: not a story file", "no stories to backtest");
    }
}
