package io.wirewatch.alerts.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wirewatch.schema.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The alerts service's metrics, scraped at {@code /metrics} in Prometheus text format: alerts by rule and
 * severity, the delay from raising an alert to serving it, open event streams, and the Kafka Streams client's own
 * metrics (process rate and latency, consumer lag as {@code kafka_consumer_fetch_manager_records_lag_max}, ...).
 */
public final class AlertMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Clock clock;
    private final Instant started;
    private final AtomicInteger openStreams = new AtomicInteger();
    private final Timer delivery;
    private KafkaStreamsMetrics streamsMetrics;

    public AlertMetrics(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
        this.delivery = Timer.builder("wirewatch.alert.delivery")
                .description("From an alert being raised to the dashboard feed reading it (alerts raised since start)")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("wirewatch.sse.clients", openStreams, AtomicInteger::get)
                .description("Open Server-Sent Events streams").register(registry);
    }

    /** Adds the Kafka Streams client's metrics. */
    public AlertMetrics bind(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        return this;
    }

    /**
     * Adds, per topic, the sum of its partitions' end offsets ({@code wirewatch_topic_end_offset}): its rate is the
     * pipeline's throughput at that stage, e.g. {@code rate(wirewatch_topic_end_offset{topic="news.stories.raw"}[1m])}
     * is the ingest rate. Offsets count transaction markers too, so the rate runs slightly high under exactly-once.
     * Read at most every five seconds, with a short timeout, so a scrape never waits long on the cluster.
     */
    public AlertMetrics bindTopicOffsets(java.util.Map<String, Object> adminProperties, java.util.List<String> topics) {
        TopicOffsets offsets = new TopicOffsets(org.apache.kafka.clients.admin.Admin.create(adminProperties), topics,
                clock);
        for (String topic : topics) {
            Gauge.builder("wirewatch.topic.end.offset", offsets, o -> o.endOffset(topic))
                    .description("Sum of the topic's end offsets: its rate is the throughput of that stage")
                    .tag("topic", topic).register(registry);
        }
        this.topicOffsets = offsets;
        return this;
    }

    /** End offsets of some topics, refreshed on demand at most every five seconds. */
    private static final class TopicOffsets {
        private final org.apache.kafka.clients.admin.Admin admin;
        private final java.util.List<String> topics;
        private final Clock clock;
        private volatile java.util.Map<String, Long> last = java.util.Map.of();
        private volatile Instant readAt = Instant.EPOCH;

        TopicOffsets(org.apache.kafka.clients.admin.Admin admin, java.util.List<String> topics, Clock clock) {
            this.admin = admin;
            this.topics = java.util.List.copyOf(topics);
            this.clock = clock;
        }

        double endOffset(String topic) {
            refresh();
            Long value = last.get(topic);
            return value == null ? Double.NaN : value;
        }

        private synchronized void refresh() {
            if (Duration.between(readAt, clock.instant()).compareTo(Duration.ofSeconds(5)) < 0) {
                return;
            }
            readAt = clock.instant();
            try {
                var described = admin.describeTopics(topics).allTopicNames().get(2, java.util.concurrent.TimeUnit.SECONDS);
                java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> specs =
                        new java.util.HashMap<>();
                described.forEach((name, description) -> description.partitions().forEach(p -> specs.put(
                        new org.apache.kafka.common.TopicPartition(name, p.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest())));
                java.util.Map<String, Long> sums = new java.util.HashMap<>();
                admin.listOffsets(specs).all().get(2, java.util.concurrent.TimeUnit.SECONDS)
                        .forEach((partition, info) -> sums.merge(partition.topic(), info.offset(), Long::sum));
                last = java.util.Map.copyOf(sums);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // keep the last figures; the next scrape tries again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private TopicOffsets topicOffsets;

    /** Counts an alert read from {@code news.alerts}. */
    public void alertRead(Alert alert) {
        Counter.builder("wirewatch.alerts").description("Alerts on news.alerts, by rule and severity")
                .tag("rule", alert.getRuleId()).tag("severity", alert.getSeverity().name())
                .register(registry).increment();
        if (!alert.getRaisedAt().isBefore(started)) {
            Duration delay = Duration.between(alert.getRaisedAt(), clock.instant());
            if (!delay.isNegative()) {
                delivery.record(delay);
            }
        }
    }

    void streamOpened() {
        openStreams.incrementAndGet();
    }

    void streamClosed() {
        openStreams.decrementAndGet();
    }

    /** How many event streams are open now. */
    int openStreams() {
        return openStreams.get();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (topicOffsets != null) {
            topicOffsets.admin.close(Duration.ofSeconds(5));
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
