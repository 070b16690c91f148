package io.wirewatch.app;

import io.wirewatch.enrich.EnrichService;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.enrich.Enricher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wirewatch enrich}: the enrichment service alone, against a real cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrichment service (Kafka Streams) against a Kafka cluster until Ctrl-C."
                + " Run more instances with the same --application-id to share the work.")
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Mixin
    KbOptions kb = new KbOptions();

    @Option(names = "--application-id", defaultValue = EnrichService.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
    String applicationId = EnrichService.DEFAULT_APPLICATION_ID;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "data/streams/enrich",
            description = "Local state folder (default: ${DEFAULT-VALUE}).")
    Path stateDir = Path.of("data/streams/enrich");

    @Option(names = "--query-host", paramLabel = "HOST",
            description = "Serve dyad timeline queries (GET /dyads/timeline) on this host name, which the other"
                    + " instances and the alert service must reach (e.g. the container's name); off by default.")
    @org.jspecify.annotations.Nullable String queryHost;

    @Option(names = "--query-port", paramLabel = "N", defaultValue = "7070",
            description = "Port of the dyad query server (default: ${DEFAULT-VALUE}).")
    int queryPort = 7070;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Enricher enricher = kb.enricher(Clock.systemUTC());
        EnrichService service = EnrichService.start(new EnrichService.Config(kafka.bootstrapServers, applicationId,
                stateDir, kafka.clientProperties(), EnrichTopology.Config.defaults(enricher), queryHost, queryPort));
        if (service.queryUri() != null) {
            System.out.println("dyad queries " + service.queryUri() + "dyads/timeline");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "enrich-shutdown"));
        while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            if (service.hasFailed()) {
                System.err.println("wirewatch: enrichment stopped: its stream threads kept failing (see the log)");
                return 1;
            }
        }
        return 0;
    }
}
