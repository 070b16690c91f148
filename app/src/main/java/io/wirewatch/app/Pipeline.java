package io.wirewatch.app;

import io.wirewatch.alerts.AlertsService;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.nlp.Enricher;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.nlp.Enrichers;
import io.wirewatch.nlp.kb.ActorKb;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything in one JVM: the embedded broker, enrichment and alerts (with the dashboard), started in order and
 * stopped in reverse. {@code wirewatch run} and the end-to-end tests use it; the services are the same ones
 * that run alone against a real cluster.
 */
final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /**
     * @param kb the actor knowledge base to enrich with; null for the bundled one
     * @param subscriptions the dashboard's bearer token and the webhooks
     */
    record Config(Path dataDir, int kafkaPort, String httpHost, int httpPort, @Nullable Path rulesFile,
                  Clock clock, @Nullable ActorKb kb, AlertsService.Options subscriptions) {
        Config {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(httpHost, "httpHost");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(subscriptions, "subscriptions");
        }

        Config(Path dataDir, int kafkaPort, String httpHost, int httpPort, @Nullable Path rulesFile, Clock clock,
               @Nullable ActorKb kb) {
            this(dataDir, kafkaPort, httpHost, httpPort, rulesFile, clock, kb, AlertsService.Options.NONE);
        }

        Config(Path dataDir, int kafkaPort, String httpHost, int httpPort, @Nullable Path rulesFile, Clock clock) {
            this(dataDir, kafkaPort, httpHost, httpPort, rulesFile, clock, null);
        }

        Enricher enricher() {
            return Enrichers.withKb(kb, clock);
        }
    }

    /**
     * Enrichment is the dearest stage: give it a stream thread per core, up to the raw topic's partitions, so it
     * does not queue stories behind one thread while the other cores idle.
     */
    private static final Map<String, Object> ENRICH_THREADS = Map.of("num.stream.threads",
            Math.max(1, Math.min(io.wirewatch.schema.Topics.STORIES_RAW.partitions(),
                    Runtime.getRuntime().availableProcessors())));

    /**
     * Settings layered over the defaults, for measuring: {@code broker} for the embedded broker's server
     * properties, {@code clients} for both services' Kafka Streams and client properties.
     */
    record Tuning(Map<String, String> broker, Map<String, Object> clients) {
        static final Tuning NONE = new Tuning(Map.of(), Map.of());

        Tuning {
            broker = Map.copyOf(broker);
            clients = Map.copyOf(clients);
        }
    }

    private final @Nullable EmbeddedBroker broker;
    private final String bootstrapServers;
    private final EnrichService enrich;
    private final AlertsService alerts;

    private Pipeline(@Nullable EmbeddedBroker broker, String bootstrapServers, EnrichService enrich,
                     AlertsService alerts) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.enrich = enrich;
        this.alerts = alerts;
    }

    /** Starts the embedded broker, then the services on it, and waits until they are RUNNING. */
    static Pipeline start(Config config, Duration readyTimeout) {
        return start(config, Tuning.NONE, readyTimeout);
    }

    /** Starts the embedded broker with {@code tuning}'s settings, then the services on it, and waits for them. */
    static Pipeline start(Config config, Tuning tuning, Duration readyTimeout) {
        // Loading the knowledge base and the name model takes seconds: do it while the broker starts.
        CompletableFuture<Enricher> enricher = CompletableFuture.supplyAsync(config::enricher);
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(config.dataDir(), config.kafkaPort())
                    .withOverrides(tuning.broker()));
        } catch (RuntimeException e) {
            enricher.cancel(true);
            throw e;
        }
        try {
            return startServices(broker, broker.bootstrapServers(), config, tuning, enricher, readyTimeout);
        } catch (RuntimeException e) {
            closeQuietly(broker);
            throw e;
        }
    }

    /** Starts the services on an existing cluster (whose topics exist) and waits until they are RUNNING. */
    static Pipeline startOn(String bootstrapServers, Config config, Duration readyTimeout) {
        return startServices(null, bootstrapServers, config, Tuning.NONE,
                CompletableFuture.supplyAsync(config::enricher), readyTimeout);
    }

    private static Pipeline startServices(@Nullable EmbeddedBroker broker, String bootstrap, Config config,
                                          Tuning tuning, CompletableFuture<Enricher> enricher,
                                          Duration readyTimeout) {
        EnrichService enrich = null;
        CompletableFuture<AlertsService> alerts = null;
        try {
            Path streams = config.dataDir().resolve("streams");
            // The alert service does not need the enricher: start it while the models finish loading.
            alerts = CompletableFuture.supplyAsync(() -> AlertsService.start(new AlertsService.Config(bootstrap,
                    "wirewatch-alerts", streams.resolve("alerts"), config.httpHost(), config.httpPort(),
                    tuning.clients(), config.rulesFile(), config.clock()),
                    config.subscriptions().withActors(ActorNames.directory(null))));
            enrich = EnrichService.start(new EnrichService.Config(bootstrap, EnrichService.DEFAULT_APPLICATION_ID,
                    streams.resolve("enrich"), with(ENRICH_THREADS, tuning.clients()),
                    EnrichTopology.Config.defaults(enricher.join())));
            Pipeline pipeline = new Pipeline(broker, bootstrap, enrich, alerts.join());
            pipeline.awaitRunning(readyTimeout);
            return pipeline;
        } catch (RuntimeException e) {
            if (alerts != null) {
                closeQuietly(alerts.handle((service, error) -> service).join());
            }
            closeQuietly(enrich);
            throw unwrap(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> defaults, Map<String, Object> overrides) {
        Map<String, Object> merged = new java.util.HashMap<>(defaults);
        merged.putAll(overrides);
        return merged;
    }

    private void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(enrich.isRunning() && alerts.isRunning())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("services not RUNNING after " + timeout.toSeconds()
                        + " s (enrich: " + enrich.state() + ", alerts running: " + alerts.isRunning() + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the services", e);
            }
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    URI dashboardUri() {
        return alerts.dashboardUri();
    }

    @Override
    public void close() {
        LOG.info("Stopping wirewatch");
        closeQuietly(alerts);
        closeQuietly(enrich);
        closeQuietly(broker);
    }

    /** The failure inside a CompletionException, so callers see what went wrong rather than where. */
    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() instanceof RuntimeException cause
                ? cause : e;
    }

    private static void closeQuietly(@Nullable AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("{} did not close cleanly: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
