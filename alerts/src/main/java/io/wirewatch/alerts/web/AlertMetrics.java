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

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
