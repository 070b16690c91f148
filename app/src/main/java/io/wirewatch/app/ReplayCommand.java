package io.wirewatch.app;

import io.wirewatch.app.archive.ArchiveReader;
import io.wirewatch.app.archive.ReplayRun;
import io.wirewatch.app.backtest.BacktestInput;
import io.wirewatch.schema.Story;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch replay}: feeds archived stories from {@code news.stories.raw} (by event time) through the live
 * enrichment topology again, in a run of its own ({@link ReplayRun}), so that its windows, stance changes and, through
 * the alert service, alerts are the backtest's; the archive stays as it was. It takes the stories a backtest of the
 * same range takes, and names the ones it skips.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Feed archived stories (news.stories.raw, by event time) through the enrichment again, in"
                + " event-time order and with state of their own, so that windows, stance changes and alerts come out"
                + " as backtest finds them; results go to the live topics."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Mixin
    KbOptions kb = new KbOptions();

    @Option(names = "--from", required = true, converter = TimeConverter.class, paramLabel = "TIME",
            description = "First event time to replay (2022-01-26, 2022-01-26T18:00 or an ISO instant; UTC).")
    Instant from = Instant.EPOCH;

    @Option(names = "--to", converter = TimeConverter.class, paramLabel = "TIME",
            description = "Replay stories before this time (default: everything up to now).")
    Instant to = Instant.now();

    @Option(names = "--date", converter = TimeConverter.class, paramLabel = "DAY",
            description = "Publication time for stories that give none, marked read time (default: they are skipped and"
                    + " named, as backtest does).")
    @Nullable Instant undatedAt;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Give up when the run has not finished after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = 1800;

    @Override
    public Integer call() throws Exception {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("--to (" + to + ") must be after --from (" + from + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        BacktestInput input = new BacktestInput(from, to, undatedAt);
        input.readArchive(new ArchiveReader(kafka.bootstrapServers, kafka.clientProperties()));
        input.printSummary(spec.commandLine().getErr());
        List<Story> stories = input.stories();
        if (stories.isEmpty()) {
            spec.commandLine().getErr().println("no stories to replay from " + from + " to " + to);
            spec.commandLine().getErr().flush();
            return 2;
        }
        long began = System.nanoTime();
        ReplayRun.run(kafka.bootstrapServers, kafka.clientProperties(), stories, kb.enricher(Clock.systemUTC()),
                Duration.ofSeconds(timeoutSeconds), sent -> { });
        out.printf("Replayed %d stories from %s to %s in %.1f s; their windows, stance changes and enriched stories"
                + " are on the live topics.%n", stories.size(), from, to, (System.nanoTime() - began) / 1e9);
        out.flush();
        return 0;
    }
}
