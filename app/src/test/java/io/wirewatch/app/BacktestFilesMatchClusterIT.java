package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.app.backtest.BacktestCommand;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.ingest.IngestReport;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.schema.DateSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A backtest of a folder (a JSON lines archive, a WARC capture and .txt stories) counts what ingesting the folder
 * into a cluster and backtesting the cluster counts: the same stories, alerts and stance changes, the same
 * undated stories named.
 */
class BacktestFilesMatchClusterIT {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        /** "N stories, A alerts, C stance changes", without the timing. */
        String counts() {
            return out.substring(0, out.indexOf(" in "));
        }
    }

    private Run backtest(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BacktestCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void shouldCountTheSameFromTheFilesAsFromTheClusterTheyWereIngestedInto() throws Exception {
        Path history = HistoryFolder.write(dir.resolve("history"));
        Run files = backtest("--report", dir.resolve("files.html").toString(), history.toString());

        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("kafka"), 0))) {
            IngestReport ingested;
            try (IngestService ingest = new IngestService(IngestService.Config.of(broker.bootstrapServers()))) {
                ingested = ingest.ingest(List.of(history));
            }
            Run cluster = backtest("--report", dir.resolve("cluster.html").toString(), "-b",
                    broker.bootstrapServers());

            assertThat(files.exitCode()).as(files.err()).isZero();
            assertThat(cluster.exitCode()).as(cluster.err()).isZero();
            assertThat(files.counts()).startsWith("10 stories, ");
            assertThat(cluster.counts()).isEqualTo(files.counts());
            // ingest places an undated story at the time it read it, marked READ; both backtests name it instead
            assertThat(ingested.undated()).hasSize(2);
            assertThat(ingested.dateSources()).containsEntry(DateSource.READ, 2);
            assertThat(cluster.err()).contains("skipped 2: no publication date");
            assertThat(files.err()).contains("skipped 2: no publication date");
            assertThat(ingested.produced()).as("the 10 dated and 2 undated stories").isEqualTo(12);
            assertThat(ingested.duplicates()).isEqualTo(1);
            assertThat(ingested.failures()).extracting(IngestReport.Failure::reason)
                    .containsExactlyInAnyOrderElementsOf(files.err().lines()
                            .filter(line -> line.startsWith("could not read "))
                            .map(line -> line.substring(line.indexOf(": ") + 2)).toList());
        }
    }
}
