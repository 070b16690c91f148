package io.wirewatch.alerts;

import io.wirewatch.schema.Topics;
import io.wirewatch.schema.streams.BoundedRocksDbMemory;
import io.wirewatch.schema.streams.DeadLetterHandlers;
import io.wirewatch.schema.streams.StreamThreadFailures;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.rules.RulesWatcher;
import io.wirewatch.alerts.subscribe.Webhook;
import io.wirewatch.alerts.subscribe.WebhookDispatcher;
import io.wirewatch.alerts.topology.AlertsTopology;
import io.wirewatch.alerts.web.ActorDirectory;
import io.wirewatch.alerts.web.AlertFeed;
import io.wirewatch.alerts.web.AlertMetrics;
import io.wirewatch.alerts.web.DashboardServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: the alert topology on Kafka Streams ({@code exactly_once_v2}), the live feed read from
 * {@code news.alerts}, the dashboard, REST API, Server-Sent Events and metrics over HTTP, and optional webhooks.
 */
public final class AlertsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);
    private static final int FEED_CAPACITY = 1000;
    private static final int COMMIT_INTERVAL_MS = 30;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How to run the service.
     *
     * @param bootstrapServers Kafka brokers
     * @param applicationId    Streams application id (instances with the same id share the work)
     * @param stateDir         where Streams keeps its local state
     * @param httpHost         the address the dashboard binds, 127.0.0.1 by default
     * @param httpPort         the dashboard port; 0 picks a free one
     * @param clientProperties passed to every Kafka client as they are (SASL/SSL for real clusters)
     * @param rulesFile        a YAML rules file, re-read when it changes; null for the rules shipped with wirewatch
     * @param clock            gives alerts their raisedAt
     */
    public record Config(String bootstrapServers, String applicationId, Path stateDir, String httpHost,
                         int httpPort, Map<String, Object> clientProperties, @Nullable Path rulesFile, Clock clock) {
        public Config {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(stateDir, "stateDir");
            Objects.requireNonNull(httpHost, "httpHost");
            Objects.requireNonNull(clock, "clock");
            clientProperties = Map.copyOf(clientProperties);
            if (httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("httpPort must be 0..65535, was " + httpPort);
            }
        }

        /** Defaults: application id {@code wirewatch-alerts}, dashboard on 127.0.0.1, built-in rules, UTC clock. */
        public static Config of(String bootstrapServers, Path stateDir, int httpPort) {
            return new Config(bootstrapServers, "wirewatch-alerts", stateDir, "127.0.0.1", httpPort, Map.of(),
                    null, Clock.systemUTC());
        }
    }

    private static final Duration RULES_CHECK_EVERY = Duration.ofSeconds(1);

    private final KafkaStreams streams;
    private final AlertFeed feed;
    private final DashboardServer server;
    private final @Nullable RulesWatcher watcher;
    private final AlertMetrics metrics;
    private final List<WebhookDispatcher> webhooks;

    private AlertsService(KafkaStreams streams, AlertFeed feed, DashboardServer server,
                          @Nullable RulesWatcher watcher, AlertMetrics metrics, List<WebhookDispatcher> webhooks) {
        this.webhooks = List.copyOf(webhooks);
        this.streams = streams;
        this.feed = feed;
        this.server = server;
        this.watcher = watcher;
        this.metrics = metrics;
    }

    /**
     * Starts Streams, the feed and HTTP; returns when HTTP is up (Streams may still be rebalancing).
     *
     * @throws io.wirewatch.alerts.rules.RulesFileException when the rules file cannot be read or is invalid
     */
    public static AlertsService start(Config config) {
        return start(config, Options.NONE);
    }

    /**
     * Optional extras.
     *
     * @param bearerToken when set, guards the dashboard, API, event stream and metrics (not /health): clients send
     *                    {@code Authorization: Bearer <token>}; a browser opens {@code /?token=<token>} once and gets
     *                    a cookie. At least 16 characters of A-Z a-z 0-9 . _ ~ + / = -
     * @param webhooks    each gets every alert (that passes its filter) by signed POST, with retries
     * @param insecureNoToken serve the dashboard beyond loopback without a bearer token; without it, binding
     *                    HTTP beyond loopback without a token is refused at start
     * @param actors      the actor names the dashboard's filters accept besides codes ("Russia", "Lavrov")
     */
    public record Options(@Nullable String bearerToken, List<Webhook> webhooks, boolean insecureNoToken,
                          ActorDirectory actors) {
        public static final Options NONE = new Options(null, List.of());

        /** These options serving the dashboard beyond loopback without a token when {@code insecure}. */
        public Options withInsecureNoToken(boolean insecure) {
            return new Options(bearerToken, webhooks, insecure, actors);
        }

        /** These options reading actor names in the dashboard's filters with {@code directory}. */
        public Options withActors(ActorDirectory directory) {
            return new Options(bearerToken, webhooks, insecureNoToken, directory);
        }

        public Options {
            webhooks = List.copyOf(webhooks);
            Objects.requireNonNull(actors, "actors");
        }

        public Options(@Nullable String bearerToken, List<Webhook> webhooks) {
            this(bearerToken, webhooks, false, ActorDirectory.CODES_ONLY);
        }
    }

    /** As {@link #start(Config)}, with a bearer token and webhooks. */
    public static AlertsService start(Config config, Options options) {
        RulesWatcher watcher = config.rulesFile() == null ? null
                : RulesWatcher.watch(config.rulesFile(), RULES_CHECK_EVERY);
        RuleSet defaults = watcher == null ? DefaultRules.ruleSet() : null;
        Supplier<RuleSet> rules = watcher != null ? watcher : () -> defaults;
        KafkaStreams streams = new KafkaStreams(
                AlertsTopology.build(AlertsTopology.Config.of(rules, config.clock())), properties(config));
        streams.setUncaughtExceptionHandler(new StreamThreadFailures("Alert", config.clock()));
        Map<String, Object> adminProperties = new HashMap<>(config.clientProperties());
        adminProperties.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.bootstrapServers());
        AlertMetrics metrics = new AlertMetrics(config.clock()).bind(streams).bindTopicOffsets(adminProperties,
                List.of(Topics.STORIES_RAW.name(), Topics.STORIES_ENRICHED.name(), Topics.ALERTS.name(),
                        Topics.DLQ.name()));
        streams.start();
        AlertFeed feed = null;
        List<WebhookDispatcher> webhooks = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            feed = AlertFeed.start(config.bootstrapServers(), config.clientProperties(), FEED_CAPACITY);
            feed.onAlert(entry -> metrics.alertRead(entry.alert()));
            DashboardServer server = DashboardServer.start(new DashboardServer.Config(config.httpHost(),
                    config.httpPort(), feed, () -> streams.state().name(),
                    () -> streams.state() == KafkaStreams.State.RUNNING, rules,
                    watcher == null ? () -> null : watcher::lastError, metrics, options.bearerToken(),
                    new StreamsDyadTimelines(streams), new StreamsStoryLookup(streams), config.clock())
                    .withInsecureNoToken(options.insecureNoToken())
                    .withWebhooks(() -> webhookStates(webhooks))
                    .withActors(options.actors()));
            for (Webhook webhook : options.webhooks()) {
                webhooks.add(WebhookDispatcher.start(config.bootstrapServers(), config.clientProperties(), webhook,
                        config.clock()));
            }
            LOG.info("Alerts started (application.id {}, brokers {}, {} rules from {}), dashboard at {}",
                    config.applicationId(), config.bootstrapServers(), rules.get().rules().size(),
                    rules.get().origin(), server.uri());
            return new AlertsService(streams, feed, server, watcher, metrics, webhooks);
        } catch (RuntimeException e) {
            webhooks.forEach(WebhookDispatcher::close);
            if (feed != null) {
                feed.close();
            }
            streams.close(leaveGroup());
            metrics.close();
            if (watcher != null) {
                watcher.close();
            }
            throw e;
        }
    }

    /** What /health says of each webhook dispatcher. */
    private static List<Map<String, Object>> webhookStates(List<WebhookDispatcher> dispatchers) {
        List<Map<String, Object>> states = new ArrayList<>();
        for (WebhookDispatcher dispatcher : dispatchers) {
            Map<String, Object> state = new java.util.LinkedHashMap<>();
            state.put("url", dispatcher.webhook().url());
            state.put("state", dispatcher.state());
            state.put("delivered", dispatcher.delivered());
            state.put("givenUp", dispatcher.givenUp());
            state.put("restarts", dispatcher.restarts());
            if (dispatcher.lastError() != null) {
                state.put("lastError", dispatcher.lastError());
            }
            states.add(state);
        }
        return states;
    }

    static Properties properties(Config config) {
        io.wirewatch.schema.ExactlyOnce.refuseWeaker(config.clientProperties(), "the alert service");
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        // Under exactly-once an alert is visible only after two commits (the re-key topic, then news.alerts), so the
        // commit interval dominates latency: at 200 stories/s (AlertLatencyBenchmark) 30 ms gave p50 73-88 ms where
        // 100 ms gave 197 ms. Alerts are few, so the extra transactions are cheap. Client properties override.
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // a record that makes a processor throw, or too large to write, goes to news.dlq instead of killing the thread
        DeadLetterHandlers.install(props, AlertsTopology.STAGE);
        // all stores of the process share one RocksDB budget (block cache, index and filter blocks, memtables)
        BoundedRocksDbMemory.install(props);
        Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }

    /** The dashboard page. */
    public URI dashboardUri() {
        return server.uri();
    }

    /** Whether Kafka Streams is RUNNING. */
    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stops the feed (ending open event streams), HTTP, and Streams, leaving the consumer group. */
    @Override
    public void close() {
        webhooks.forEach(WebhookDispatcher::close);
        feed.close();
        server.close();
        streams.close(leaveGroup());
        metrics.close();
        if (watcher != null) {
            watcher.close();
        }
        LOG.info("Alerts stopped");
    }

    private static CloseOptions leaveGroup() {
        return CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT);
    }
}
