package io.wirewatch.app.backtest;

import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.rules.RulesFile;
import io.wirewatch.app.archive.ArchiveReader;
import io.wirewatch.enrich.Enrichers;
import io.wirewatch.ingest.ReadResult;
import io.wirewatch.ingest.StoryReader;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.Story;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

    @Option(names = "--mark", paramLabel = "DAY=LABEL",
            description = "Mark a date on the report's charts, e.g. 2022-02-24=invasion (repeatable).")
    List<String> marks = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Story files or folders.")
    List<Path> paths = List.of();

    @Override
    public Integer call() throws Exception {
        if ((bootstrapServers == null) == paths.isEmpty()) {
            throw new IllegalArgumentException("give either story files/folders or -b HOST:PORT, not "
                    + (paths.isEmpty() ? "neither" : "both"));
        }
        PrintWriter out = spec.commandLine().getOut();
        marks.forEach(TrendCharts.Mark::parse);
        RuleSet rules = rulesFile == null ? RulesFile.loadDefault() : RulesFile.load(rulesFile);
        List<Story> stories = bootstrapServers == null ? fromFiles(out) : fromArchive();
        long began = System.nanoTime();
        Backtest.Result result = Backtest.run(stories, rules, Enrichers.standard(Clock.systemUTC()), to);
        double seconds = (System.nanoTime() - began) / 1e9;
        String source = bootstrapServers == null ? paths.size() + " path(s)" : "news.stories.raw at " + bootstrapServers;
        Files.writeString(report, BacktestReport.html(result, new BacktestReport.Meta(source, rules.origin(), from,
                to, Instant.now(), marks)), StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%d stories, %d alerts, %d stance changes in %.1f s (%.0f stories/s); report: %s%n",
                result.stories(), result.alerts().size(), result.stanceChanges().size(), seconds,
                result.stories() / Math.max(seconds, 1e-9), report.toAbsolutePath());
        out.flush();
        return 0;
    }

    private List<Story> fromFiles(PrintWriter out) throws IOException {
        List<Story> stories = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        for (Path path : paths) {
            List<Path> files;
            try (Stream<Path> walk = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
                files = walk.filter(Files::isRegularFile).filter(StoryReader::supports).sorted().toList();
            }
            for (Path file : files) {
                ReadResult result = StoryReader.read(file, clock);
                if (result instanceof ReadResult.Read read) {
                    Story story = read.story();
                    Instant at = story.getPublishedAt() != null ? story.getPublishedAt() : story.getFetchedAt();
                    if (!at.isBefore(from) && at.isBefore(to)) {
                        stories.add(story);
                    }
                } else {
                    spec.commandLine().getErr().println("skipped " + file + ": " + result);
                }
            }
        }
        return stories;
    }

    private List<Story> fromArchive() throws InterruptedException {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);
        List<Story> stories = new ArrayList<>();
        Map<String, Object> props = new HashMap<>();
        new ArchiveReader(bootstrapServers, props).read(from, to, size -> { }, () -> { }, record -> {
            try {
                stories.add(serde.decode(record.value()));
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("skipped undecodable record " + record.topic() + "-"
                        + record.partition() + "@" + record.offset() + ": " + e.getMessage());
            }
        });
        return stories;
    }
}
