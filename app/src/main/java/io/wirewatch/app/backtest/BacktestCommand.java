package io.wirewatch.app.backtest;

import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.rules.RulesFile;
import io.wirewatch.app.archive.ArchiveReader;
import io.wirewatch.nlp.Enrichers;
import io.wirewatch.ingest.FileSources;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.NewStories;
import io.wirewatch.ingest.archive.WarcStories;
import io.wirewatch.schema.Story;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirewatch backtest}: run alert rules over archived stories and write an HTML report. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Run alert rules over archived stories, isolated from the live pipeline, and write a"
                + " self-contained HTML report.",
                "Stories come from files and folders (PATH...) or from news.stories.raw on a cluster (-b with"
                        + " --from/--to)."})
public final class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (default: the bundled rules).")
    @Nullable Path rulesFile;

    @Option(names = "--report", paramLabel = "FILE", required = true, description = "Where to write the HTML report.")
    Path report = Path.of("backtest.html");

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Read the archive (news.stories.raw) from this cluster instead of files.")
    @Nullable String bootstrapServers;

    @Option(names = "--from", converter = io.wirewatch.app.TimeConverter.class, paramLabel = "TIME",
            description = "First event time (default: the beginning).")
    Instant from = Instant.EPOCH;

    @Option(names = "--to", converter = io.wirewatch.app.TimeConverter.class, paramLabel = "TIME",
            description = "Stories before this time (default: now).")
    Instant to = Instant.now();

    @Option(names = "--date", converter = io.wirewatch.app.TimeConverter.class, paramLabel = "DAY",
            description = "Publication time for stories that give none, marked read time (default: they are skipped"
                    + " and named).")
    @Nullable Instant undatedAt;

    @Option(names = "--mark", paramLabel = "DAY=LABEL",
            description = "Mark a date on the report's charts, e.g. 2022-02-24=invasion (repeatable).")
    List<String> marks = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Story files or folders: every input ingest"
            + " reads (.txt, .html, .htm, their .gz, .warc(.gz), .jsonl(.gz)).")
    List<Path> paths = List.of();

    @Override
    public Integer call() throws Exception {
        if ((bootstrapServers == null) == paths.isEmpty()) {
            throw new IllegalArgumentException("give either story files/folders or -b HOST:PORT, not "
                    + (paths.isEmpty() ? "neither" : "both"));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        marks.forEach(TrendCharts.Mark::parse);
        RuleSet rules = rulesFile == null ? RulesFile.loadDefault() : RulesFile.load(rulesFile);
        BacktestInput input = new BacktestInput(from, to, undatedAt);
        String source;
        if (bootstrapServers == null) {
            fromFiles(input);
            source = paths.size() + " path(s)";
        } else {
            fromArchive(input);
            source = "news.stories.raw at " + bootstrapServers;
        }
        input.printSummary(err);
        List<Story> stories = input.stories();
        if (stories.isEmpty()) {
            err.println("no stories to backtest in " + source + " (see above); no report written");
            err.flush();
            return 2;
        }
        long began = System.nanoTime();
        Backtest.Result result = Backtest.run(stories, rules, Enrichers.standard(Clock.systemUTC()), to);
        double seconds = (System.nanoTime() - began) / 1e9;
        Files.writeString(report, BacktestReport.html(result, new BacktestReport.Meta(source, rules.origin(), from,
                to, Instant.now(), marks)), StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%d stories, %d alerts, %d stance changes in %.1f s (%.0f stories/s); report: %s%n",
                result.stories(), result.alerts().size(), result.stanceChanges().size(), seconds,
                result.stories() / Math.max(seconds, 1e-9), report.toAbsolutePath());
        out.flush();
        return 0;
    }

    /** Reads the files as ingest does (one reader), and drops exact duplicates and clusters copies as ingest does. */
    private void fromFiles(BacktestInput input) {
        NewStories admitted = new NewStories();
        new FileSources(Clock.systemUTC()).read(paths, new WarcStories.Sink() {
            @Override
            public void story(String source, Story story) {
                if (admitted.admit(story) == null) {
                    input.skip(source, BacktestInput.DUPLICATE);
                } else {
                    input.offer(source, story);
                }
            }

            @Override
            public void failure(String source, String reason) {
                input.fail(source, reason);
            }

            @Override
            public void skipped(String source, String reason) {
                input.skip(source, reason);
            }
        }, IngestService.Progress.NONE);
    }

    private void fromArchive(BacktestInput input) throws InterruptedException {
        input.readArchive(new ArchiveReader(bootstrapServers, Map.of()));
    }
}
