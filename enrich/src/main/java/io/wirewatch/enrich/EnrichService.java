package io.wirewatch.enrich;

import io.wirewatch.enrich.dyad.DyadQueryServer;
import io.wirewatch.schema.streams.DeadLetterHandlers;
import io.wirewatch.schema.streams.StreamThreadFailures;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrichment topology as a Kafka Streams application (exactly once) against any Kafka cluster. */
public final class EnrichService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
    public static final String DEFAULT_APPLICATION_ID = "wirewatch-enrich";

    private final KafkaStreams streams;
    private final @Nullable DyadQueryServer queries;

    /**
     * @param clientProperties passed through to Kafka (e.g. SASL/SSL settings of a real cluster); they win over
     *     the defaults set here
     * @param queryHost where to serve dyad timeline queries ({@code /dyads/timeline}); null serves none
     * @param queryPort port of the query server; 0 picks a free one
     */
    public record Config(String bootstrapServers, String applicationId, Path stateDir,
                         Map<String, Object> clientProperties, EnrichTopology.Config topology,
                         @Nullable String queryHost, int queryPort) {
        public Config {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(stateDir, "stateDir");
            clientProperties = Map.copyOf(clientProperties);
            Objects.requireNonNull(topology, "topology");
        }

        /** A service without a query server. */
        public Config(String bootstrapServers, String applicationId, Path stateDir,
                      Map<String, Object> clientProperties, EnrichTopology.Config topology) {
            this(bootstrapServers, applicationId, stateDir, clientProperties, topology, null, 0);
        }
    }

    private EnrichService(KafkaStreams streams, @Nullable DyadQueryServer queries) {
        this.streams = streams;
        this.queries = queries;
    }

    /** Starts the application; it runs until {@link #close()}. */
    public static EnrichService start(Config config) {
        Properties properties = properties(config);
        int queryPort = 0;
        if (config.queryHost() != null) {
            queryPort = config.queryPort() == 0 ? DyadQueryServer.reservePort(config.queryHost()) : config.queryPort();
            properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.queryHost() + ":" + queryPort);
        }
        KafkaStreams streams = new KafkaStreams(EnrichTopology.build(config.topology()), properties);
        streams.setUncaughtExceptionHandler(new StreamThreadFailures("Enrichment", java.time.Clock.systemUTC()));
        streams.start();
        LOG.info("Enrichment started (application.id {}, brokers {})", config.applicationId(),
                config.bootstrapServers());
        DyadQueryServer queries = null;
        if (config.queryHost() != null) {
            try {
                queries = DyadQueryServer.start(streams, config.queryHost(), queryPort);
            } catch (RuntimeException e) {
                streams.close(Duration.ofSeconds(10));
                throw e;
            }
        }
        return new EnrichService(streams, queries);
    }

    static Properties properties(Config config) {
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        // Under exactly-once, downstream sees a record only when its transaction commits: keep commits frequent.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 16 * 1024 * 1024);
        DeadLetterHandlers.install(props, EnrichTopology.STAGE);
        io.wirewatch.schema.ExactlyOnce.refuseWeaker(config.clientProperties(), "enrichment");
        props.putAll(config.clientProperties());
        Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** True once Kafka Streams has stopped for good by itself (its threads kept failing): the service is over. */
    public boolean hasFailed() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Base URI of the dyad query server, or null when none runs. */
    public @Nullable URI queryUri() {
        return queries == null ? null
                : URI.create("http://" + queries.hostInfo().host() + ":" + queries.hostInfo().port() + "/");
    }

    /** Leaves the consumer group (so a restart does not wait for the session timeout) and stops. */
    @Override
    public void close() {
        if (queries != null) {
            queries.close();
        }
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        LOG.info("Enrichment stopped");
    }
}
