package io.wirewatch.app;

import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.ingest.IngestReport;
import io.wirewatch.ingest.IngestService;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wirewatch run}: the embedded broker and all services in one JVM, with the sample stories. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run everything in one JVM on an embedded Kafka broker: ingest the sample stories,"
                + " enrich them, raise alerts, serve the dashboard. Ctrl-C stops it.")
final class RunCommand implements Callable<Integer> {

    static final String SAMPLES_MARKER = "samples.ingested";

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the broker and the services keep their data; reuse it to keep stories and"
                    + " alerts across restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("data");

    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "9092",
            description = "Port of the embedded Kafka broker on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort = 9092;

    @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080",
            description = "Port of the dashboard and REST API (default: ${DEFAULT-VALUE}).")
    int httpPort = 8080;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the dashboard binds (default: ${DEFAULT-VALUE}).")
    String httpHost = "127.0.0.1";

    @Option(names = "--rules", paramLabel = "FILE", description = "Alert rules file (default: the bundled rules).")
    @Nullable Path rulesFile;

    @Mixin
    KbOptions kb = new KbOptions();

    @Mixin
    SubscriptionOptions subscriptions = new SubscriptionOptions();

    @Option(names = "--no-samples", description = "Do not ingest the bundled sample stories.")
    boolean noSamples;

    @Option(names = "--verbose", description = "Show the log lines of Kafka, Jetty and the other libraries on the"
            + " console too (they always go to DATA-DIR/" + ConsoleLogging.LOG_FILE + ", at WARN).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        ActorKb actors = kb.load(); // a bad --kb line stops here, before anything starts
        Files.createDirectories(dataDir);
        Path logFile = ConsoleLogging.toFile(dataDir, verbose);
        CountDownLatch stopped = new CountDownLatch(1);
        Pipeline pipeline = Pipeline.start(new Pipeline.Config(dataDir, kafkaPort, httpHost, httpPort, rulesFile,
                clock, actors, subscriptions.options()), Duration.ofSeconds(120));
        Thread hook = new Thread(() -> {
            pipeline.close();
            stopped.countDown();
        }, "wirewatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        Duration ready = Duration.ofMillis(System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime());
        out.printf("wirewatch is running (ready in %.1f s)%n", ready.toMillis() / 1000.0);
        // The token is the user's own (--token or WIREWATCH_TOKEN): never echoed, where terminals and logs keep it.
        out.printf("  dashboard   %s%s%n", pipeline.dashboardUri(),
                subscriptions.options().bearerToken() == null ? "" : "  (open ?token=<your token> once)");
        out.printf("  alerts API  %sapi/alerts%n", pipeline.dashboardUri());
        out.printf("  Kafka       %s  (e.g. kcat -C -b %s -t news.alerts.json)%n", pipeline.bootstrapServers(),
                pipeline.bootstrapServers());
        out.printf("  data        %s%n", dataDir.toAbsolutePath());
        out.printf("  log         %s%s%n", logFile, verbose ? "" : "  (Kafka and Jetty; --verbose shows them here)");
        out.flush();

        if (!noSamples) {
            ingestSamplesOnce(pipeline, clock, out);
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    private void ingestSamplesOnce(Pipeline pipeline, Clock clock, PrintWriter out) throws IOException {
        Path marker = dataDir.resolve(SAMPLES_MARKER);
        if (Files.exists(marker)) {
            out.println("Sample stories were ingested at an earlier start (" + marker + "); not again.");
            return;
        }
        try (IngestService ingest = new IngestService(new IngestService.Config(pipeline.bootstrapServers(),
                Map.of(), clock).withIndexDir(dataDir.resolve("ingest-index")))) {
            IngestReport report = ingest.ingest(Samples.extractTo(dataDir.resolve("samples")));
            out.printf("Ingested %d sample stories (%d duplicates, %d failures).%n", report.produced(),
                    report.duplicates(), report.failures().size());
        }
        Files.writeString(marker, Instant.now(clock).toString() + System.lineSeparator());
    }
}
