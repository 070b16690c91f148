package io.wirewatch.enrich;

import io.wirewatch.schema.streams.BoundedRocksDbMemory;
import io.wirewatch.schema.streams.DeadLetterHandlers;
import io.wirewatch.schema.streams.StreamThreadFailures;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrichment topology as a Kafka Streams application (exactly once) against any Kafka cluster. */
public final class EnrichService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichService.class);
    public static final String DEFAULT_APPLICATION_ID = "wirewatch-enrich";

    private final KafkaStreams streams;

    /**
     * @param clientProperties passed through to Kafka (e.g. SASL/SSL settings of a real cluster); they win over
     *     the defaults set here
     */
    public record Config(String bootstrapServers, String applicationId, Path stateDir,
                         Map<String, Object> clientProperties, EnrichTopology.Config topology) {
        public Config {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(stateDir, "stateDir");
            clientProperties = Map.copyOf(clientProperties);
            Objects.requireNonNull(topology, "topology");
        }
    }

    private EnrichService(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts the application; it runs until {@link #close()}. */
    public static EnrichService start(Config config) {
        Properties properties = properties(config);
        KafkaStreams streams = new KafkaStreams(EnrichTopology.build(config.topology()), properties);
        streams.setUncaughtExceptionHandler(new StreamThreadFailures("Enrichment", java.time.Clock.systemUTC()));
        streams.start();
        LOG.info("Enrichment started (application.id {}, brokers {})", config.applicationId(),
                config.bootstrapServers());
        return new EnrichService(streams);
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
        // all stores of the process share one RocksDB budget (block cache, index and filter blocks, memtables)
        BoundedRocksDbMemory.install(props);
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

    /** Leaves the consumer group (so a restart does not wait for the session timeout) and stops. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        LOG.info("Enrichment stopped");
    }
}
