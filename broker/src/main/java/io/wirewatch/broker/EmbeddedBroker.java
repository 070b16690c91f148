package io.wirewatch.broker;

import io.wirewatch.schema.Topic;
import io.wirewatch.schema.TopicAdmin;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft: broker and controller in one process) running inside this JVM.
 *
 * <p>The data folder survives restarts: the first start formats it, later starts reuse its cluster id, topics
 * and offsets. Topics of the catalogue are created at start when missing. Closing shuts the broker down cleanly.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The transaction protocol version is a feature of the cluster, not a server property: an override of this
     * name is applied when the data folder is formatted (a folder formatted before keeps its version).
     */
    public static final String TRANSACTION_VERSION = "transaction.version";

    private final Config config;
    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final DataDirLock lock;
    private volatile boolean closed;

    /** How to start the broker. A port of 0 picks a free port. */
    public record Config(Path dataDir, int port, int controllerPort, List<Topic<?, ?>> topics,
                         Map<String, String> overrides) {
        public Config {
            Objects.requireNonNull(dataDir, "dataDir");
            topics = List.copyOf(topics);
            overrides = Map.copyOf(overrides);
        }

        /** A broker on {@code port} storing its data in {@code dataDir}, with the whole topic catalogue. */
        public static Config of(Path dataDir, int port) {
            return new Config(dataDir, port, 0, Topics.all(), Map.of());
        }

        public Config withTopics(List<Topic<?, ?>> topics) {
            return new Config(dataDir, port, controllerPort, topics, overrides);
        }

        public Config withOverrides(Map<String, String> overrides) {
            return new Config(dataDir, port, controllerPort, topics, overrides);
        }
    }

    private EmbeddedBroker(Config config, KafkaRaftServer server, String bootstrapServers, DataDirLock lock) {
        this.config = config;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.lock = lock;
    }

    /**
     * Formats the data folder if it is new, starts the broker, waits until it serves requests and creates the
     * configured topics that do not exist yet.
     *
     * @throws BrokerException when the ports are taken, the folder cannot be used, or the broker does not come up
     */
    public static EmbeddedBroker start(Config config) {
        Path logDir = config.dataDir().resolve("kafka").toAbsolutePath();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new BrokerException("cannot create broker data folder " + logDir + ": " + e.getMessage(), e);
        }
        DataDirLock lock = DataDirLock.acquire(config.dataDir());
        KafkaRaftServer server;
        int port;
        long started = System.nanoTime();
        try {
            port = config.port() == 0 ? freePort() : requireFree(config.port());
            int controllerPort = config.controllerPort() == 0 ? freePort() : requireFree(config.controllerPort());
            Map<String, String> overrides = new java.util.HashMap<>(config.overrides());
            @org.jspecify.annotations.Nullable String transactionVersion = overrides.remove(TRANSACTION_VERSION);
            Properties props = serverProperties(logDir, port, controllerPort, overrides);
            KafkaConfig kafkaConfig = KafkaConfig.fromProps(props, false);
            formatIfNew(logDir, kafkaConfig, transactionVersion);
            server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            server.startup();
        } catch (RuntimeException e) {
            safeShutdown(server);
            lock.close();
            throw new BrokerException("embedded broker did not start on port " + port + " with data in " + logDir
                    + ": " + e.getMessage(), e);
        }
        String bootstrap = "127.0.0.1:" + port;
        EmbeddedBroker broker = new EmbeddedBroker(config, server, bootstrap, lock);
        try {
            broker.createTopics(config.topics());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("Embedded Kafka broker ready at {} (data in {}) in {} ms", bootstrap, logDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return broker;
    }

    /** host:port for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** Creates the given topics (replication factor 1) unless they exist, and waits until they are ready. */
    public void createTopics(List<Topic<?, ?>> topics) {
        if (topics.isEmpty()) {
            return;
        }
        List<NewTopic> requests = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            requests.add(topic.newTopic((short) 1));
        }
        createTopicRequests(requests);
    }

    /** Creates topics by name with default settings, for tests that need their own topics. */
    public void createTopics(String... names) {
        List<NewTopic> requests = new ArrayList<>();
        for (String name : names) {
            requests.add(new NewTopic(name, 1, (short) 1));
        }
        createTopicRequests(requests);
    }

    private void createTopicRequests(List<NewTopic> requests) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()))) {
            TopicAdmin.ensure(admin, requests);
        } catch (IllegalStateException e) {
            throw new BrokerException("embedded broker at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /** Shuts the broker down and waits until it has stopped. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Stopping embedded Kafka broker at {}", bootstrapServers);
        safeShutdown(server);
        lock.close();
    }

    private static void safeShutdown(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Embedded broker did not shut down cleanly: {}", e.toString());
        }
    }

    private static Properties serverProperties(Path logDir, int port, int controllerPort,
                                               Map<String, String> overrides) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // A single node: every internal topic must live with one replica, or exactly-once Streams hangs.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Transactions v2: a transaction's first write makes the partition leader add the partition at the
        // coordinator, which answers CONCURRENT_TRANSACTIONS while the last transaction's markers are still being
        // written. Under exactly-once Streams commits every 30-50 ms, so nearly every transaction starts that way.
        // The broker retries for up to this long before giving the error to the producer; Kafka's 100 ms was too
        // short on a busy 2-core machine, and the producer then backed off 100 ms to 1 s, its later batches of the
        // same partition failed OUT_OF_ORDER_SEQUENCE_NUMBER, and a task was once corrupted (bench pipeline at
        // 200/s: 95 and 6 errors in a run with 100 ms, none with 2 s).
        props.put("add.partitions.to.txn.retry.backoff.max.ms", "2000");
        props.put("auto.create.topics.enable", "false");
        props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        props.putAll(overrides);
        return props;
    }

    private static void formatIfNew(Path logDir, KafkaConfig config,
                                    @org.jspecify.annotations.Nullable String transactionVersion) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Formatter formatter = new Formatter();
            if (transactionVersion != null) {
                formatter.setFeatureLevel(TRANSACTION_VERSION, Short.parseShort(transactionVersion));
            }
            formatter
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new BrokerException("cannot format broker data folder " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return port;
        } catch (IOException e) {
            throw new BrokerException("port " + port + " on 127.0.0.1 is in use (another Kafka or wirewatch?): choose"
                    + " another port", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        }
    }
}
