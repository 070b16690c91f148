package io.wirewatch.app;

import io.wirewatch.enrich.EnrichService;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.nlp.Enricher;
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

    /** The Kafka Streams state, rewritten under the state folder when it changes, for a container's health check. */
    static final String STATE_FILE = "streams-state";

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Enricher enricher = kb.enricher(Clock.systemUTC());
        EnrichService service = EnrichService.start(new EnrichService.Config(kafka.bootstrapServers, applicationId,
                stateDir, kafka.clientProperties(), EnrichTopology.Config.defaults(enricher)));
        StateFile state = new StateFile(stateDir.resolve(STATE_FILE));
        state.write(service.state().name()); // at once: a file left by an earlier run says RUNNING
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            state.write(service.state().name());
            stopped.countDown();
        }, "enrich-shutdown"));
        while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
            state.write(service.state().name());
            if (service.hasFailed()) {
                System.err.println("wirewatch: enrichment stopped: its stream threads kept failing (see the log)");
                return 1;
            }
        }
        return 0;
    }

    /**
     * One line naming the service's state, written when it changes; a failure to write is logged once per state,
     * not fatal.
     */
    static final class StateFile {
        private final Path path;
        private String written = "";

        StateFile(Path path) {
            this.path = path;
        }

        synchronized void write(String state) {
            if (state.equals(written)) {
                return;
            }
            written = state;
            try {
                java.nio.file.Files.createDirectories(path.getParent());
                java.nio.file.Files.writeString(path, state + "\n");
            } catch (java.io.IOException e) {
                org.slf4j.LoggerFactory.getLogger(EnrichCommand.class).warn("Cannot write the state file {}: {}",
                        path, e.toString());
            }
        }
    }
}
