package io.wirewatch.app;

import io.wirewatch.ingest.IngestReport;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.fetch.FetchPolicy;
import io.wirewatch.schema.DateSource;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirewatch ingest}: stories from files, folders, archives, feeds, sitemaps and URLs into news.stories.raw. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest stories into news.stories.raw: files and folders (.txt, .html, .html.gz, .warc(.gz),"
                + " .jsonl), RSS/Atom/JSON feeds, news sitemaps and article URLs.",
                "Without --follow it ingests once and exits; with --follow it polls the feeds and sitemaps.",
                "File formats (the .txt layout, the JSON lines fields and dates): README.md, section"
                        + " \"Story files\"."})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders (searched recursively).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--feed", paramLabel = "URL", description = "An RSS, Atom or JSON feed; repeatable.")
    List<URI> feeds = new ArrayList<>();

    @Option(names = "--sitemap", paramLabel = "URL", description = "A news sitemap or sitemap index; repeatable.")
    List<URI> sitemaps = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL", description = "A single article page; repeatable.")
    List<URI> urls = new ArrayList<>();

    @Option(names = "--follow", description = "Keep polling the feeds and sitemaps until Ctrl-C.")
    boolean follow;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "300",
            description = "Seconds between polls with --follow (default: ${DEFAULT-VALUE}); unchanged feeds cost a 304.")
    long intervalSeconds = 300;

    @Option(names = "--trust-host", paramLabel = "HOST",
            description = "Allow fetching from this host even if it is loopback or private (refused by default);"
                    + " repeatable.")
    Set<String> trustedHosts = Set.of();

    @Option(names = "--ignore-robots", description = "Do not honour robots.txt (only for sites you own).")
    boolean ignoreRobots;

    @Option(names = "--date", paramLabel = "DAY", description = "Date the stories of files that give no date of"
            + " their own at this day (00:00 UTC), marked as a date from the file, instead of the time they are"
            + " read (default: read time, marked and named in the summary).")
    @Nullable LocalDate undatedDay;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Write at most N stories a second (default: no limit).")
    double rate;

    @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Keep the index of stories already written in DIR between runs, so a start reads only"
                    + " what other ingesters wrote since (default: rebuilt from news.stories.index in a temporary"
                    + " directory at every start).")
    @Nullable Path indexDir;

    @Override
    public Integer call() throws InterruptedException {
        if (paths.isEmpty() && feeds.isEmpty() && sitemaps.isEmpty() && urls.isEmpty()) {
            throw new IllegalArgumentException("nothing to ingest: give PATHs, --feed, --sitemap or --url");
        }
        PrintWriter out = spec.commandLine().getOut();
        FetchPolicy policy = FetchPolicy.defaults().withTrustedHosts(trustedHosts).withRobots(!ignoreRobots);
        boolean failed = false;
        IngestService.Config config = new IngestService.Config(kafka.bootstrapServers, kafka.clientProperties(),
                Clock.systemUTC()).withRate(rate);
        try (IngestService ingest = new IngestService(indexDir == null ? config : config.withIndexDir(indexDir),
                policy)) {
            if (!paths.isEmpty()) {
                failed |= report(out, "files", ingestFiles(ingest));
            }
            if (!urls.isEmpty()) {
                failed |= report(out, "urls", ingest.ingestUrls(urls, linkProgress("urls")));
            }
            CountDownLatch stop = new CountDownLatch(1);
            if (follow) {
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "ingest-stop"));
            }
            do {
                if (!feeds.isEmpty()) {
                    failed |= report(out, "feeds", ingest.ingestFeeds(feeds, linkProgress("feeds")));
                }
                if (!sitemaps.isEmpty()) {
                    failed |= report(out, "sitemaps", ingest.ingestSitemaps(sitemaps, linkProgress("sitemaps")));
                }
            } while (follow && !stop.await(intervalSeconds, TimeUnit.SECONDS));
        }
        return failed ? 2 : 0;
    }

    private IngestReport ingestFiles(IngestService ingest) {
        // Measured in bytes, so one large WARC file moves the bar as much as a folder of pages does.
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MB", 1024 * 1024).showSpeed(new java.text.DecimalFormat("0.0"))
                .setUpdateIntervalMillis(250).setMaxRenderedLength(110).continuousUpdate().build()) {
            return ingest.ingest(paths, new IngestService.Progress() {
                @Override
                public void fileDone(int done, int total, Path file) {
                    bar.setExtraMessage(done + "/" + total + " files");
                }

                @Override
                public void bytesRead(long done, long total) {
                    bar.maxHint(total);
                    bar.stepTo(done);
                }
            }, undatedDay);
        }
    }

    /**
     * A progress line for the pages of feeds, sitemaps and URLs, redrawn in place on standard error, only when
     * standard error is a terminal (a log or a pipe gets the summary alone).
     */
    private IngestService.LinkProgress linkProgress(String what) {
        if (!Terminal.stderrIsTerminal()) {
            return IngestService.LinkProgress.NONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        java.util.concurrent.atomic.AtomicInteger unread = new java.util.concurrent.atomic.AtomicInteger();
        return (done, total, host, ok) -> {
            if (!ok) {
                unread.incrementAndGet();
            }
            synchronized (err) {
                err.printf("\r%s: %d/%d pages fetched, %d not read (last: %s)\u001B[K", what, done, total,
                        unread.get(), host.endsWith(":-1") ? host.substring(0, host.length() - 3) : host);
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        };
    }

    private boolean report(PrintWriter out, String what, IngestReport report) {
        out.printf("%s: read %d, new %d (%d from feed summaries), duplicates %d, failed %d%n", what, report.read(),
                report.produced(), report.fromFeedSummaries().size(), report.duplicates(), report.failures().size());
        report.summariesByReason().forEach((reason, count) -> out.printf(
                "  page not read, story from the feed item's summary: %d × %s%n", count, reason));
        report.failuresByReason().forEach((reason, count) -> out.printf("  failed: %d × %s%n", count, reason));
        report.failures().forEach(failure -> spec.commandLine().getErr().println("  failed: " + failure));
        report.undated().forEach(story -> spec.commandLine().getErr().println("  undated: " + story));
        notes(what, report, Instant.now(), kafka.bootstrapServers).forEach(out::println);
        out.flush();
        return !report.failures().isEmpty();
    }

    /** How the summary names each source of a story's date. */
    private static final Map<DateSource, String> DATE_SOURCES = Map.of(
            DateSource.PUBLISHED, "the page's own date",
            DateSource.FEED, "the feed item's date",
            DateSource.FILE, "a date in the file (date line, file name, JSON field, WARC capture)",
            DateSource.READ, "the time they were read (no date found)");

    /** How far back a story is history to a running pipeline: enrichment's dyad windows close 6 h after their end. */
    static final Duration HISTORY = Duration.ofHours(6);

    /**
     * What the summary adds: the undated stories and where they went, and, for files holding history, that a running
     * pipeline judged them in arrival order and how to get the backtest's results instead.
     */
    static List<String> notes(String what, IngestReport report, Instant now, String bootstrap) {
        List<String> notes = new ArrayList<>();
        if (!report.dateSources().isEmpty()) {
            notes.add("  dated by: " + report.dateSources().entrySet().stream()
                    .map(e -> e.getValue() + " " + DATE_SOURCES.get(e.getKey()))
                    .collect(Collectors.joining(", ")));
        }
        if (!report.undated().isEmpty()) {
            notes.add("  undated: " + report.undated().size() + " with no publication date, marked as such"
                    + " (dateSource READ): a running pipeline places them at the time they were read; backtest and"
                    + " replay skip them unless given --date DAY");
        }
        IngestReport.Span span = report.eventTimes();
        if (what.equals("files") && span != null && span.earliest().isBefore(now.minus(HISTORY))) {
            String from = span.earliest().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
            String to = span.latest().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).toString()
                    .substring(0, 10);
            notes.add("  note: these stories (" + from + " .. " + span.latest().toString().substring(0, 10)
                    + ") went to a running pipeline in file order, after newer ones: its windows, stance changes"
                    + " and alerts of that history depend on the order of arrival. For the backtest's results run"
                    + " `wirewatch replay -b " + bootstrap + " --from " + from + " --to " + to + "`.");
        }
        return notes;
    }
}
