package io.wirewatch.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13 §1, small: 500 stories through a broker, two enrich instances, the alert service and an ingester, each
 * its own OS process, five of them killed with SIGKILL (the ingester mid-file first) and restarted; every story,
 * enrichment, stance change and alert must come out exactly once and as the backtest of the same stories says.
 */
class BenchFaultsIT {

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void shouldEndWithExactlyTheBacktestsOutputsAfterFiveKills(@TempDir Path work) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(new Main());
        line.setOut(new PrintWriter(out, true));
        Path report = work.resolve("report.txt");

        int exit = line.execute("bench", "faults", "--stories", "500", "--kills", "5", "--seed", "7", "--rate", "50",
                "--work-dir", work.resolve("run").toString(), "--report", report.toString(),
                "--drain-timeout", Long.toString(Duration.ofMinutes(8).toSeconds()));

        assertThat(out.toString()).contains("kill 1 at").contains(": ingest (pid");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).containsPattern("stories 500/500 \\(0 lost, 0 duplicated, 0 differing\\) enriched"
                + " 500 \\(0 lost, 0 duplicated\\) alerts (\\d+)/\\1 \\(0 lost, 0 duplicated, 0 differing\\) changes"
                + " (\\d+)/\\2 \\(0 lost, 0 duplicated, 0 differing\\) dead letters 0/0 kills 5");
        assertThat(Files.readAllLines(report)).filteredOn(l -> l.startsWith("kill ")).hasSize(5);
    }
}
