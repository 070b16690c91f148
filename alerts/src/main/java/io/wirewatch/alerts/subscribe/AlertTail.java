package io.wirewatch.alerts.subscribe;

import io.wirewatch.alerts.web.AlertFilter;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wirewatch alerts tail}: follows {@code news.alerts} (read_committed, no consumer group) and hands each
 * alert that passes the filter on as one line of JSON, the same JSON as {@code news.alerts.json}.
 */
public final class AlertTail {

    private static final Logger LOG = LoggerFactory.getLogger(AlertTail.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /**
     * What to follow.
     *
     * @param clientProperties passed to the consumer as they are (SASL/SSL)
     * @param fromBeginning    start at the oldest alert kept, instead of only new ones
     */
    public record Options(String bootstrapServers, Map<String, Object> clientProperties, AlertFilter filter,
                          boolean fromBeginning) {
        public Options {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(filter, "filter");
            clientProperties = Map.copyOf(clientProperties);
        }
    }

    private AlertTail() {
    }

    /**
     * Follows alerts until {@code stop} says so (checked after every poll) or the thread is interrupted.
     *
     * @return how many alerts were handed on
     */
    public static long run(Options options, Consumer<String> jsonLines, BooleanSupplier stop) {
        return run(options, jsonLines, stop, () -> { });
    }

    /** As {@link #run(Options, Consumer, BooleanSupplier)}, calling {@code ready} once the start position is set. */
    public static long run(Options options, Consumer<String> jsonLines, BooleanSupplier stop, Runnable ready) {
        Map<String, Object> props = new HashMap<>(options.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "wirewatch-alerts-tail");
        AvroSerde<Alert> serde = (AvroSerde<Alert>) Topics.ALERTS.valueSerde();
        long handed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            if (options.fromBeginning()) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
            }
            ready.run();
            while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.value() == null) {
                        continue;
                    }
                    Alert alert;
                    try {
                        alert = serde.decode(record.value());
                    } catch (SerializationException e) {
                        LOG.warn("Skipping undecodable alert {}-{}@{}: {}", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                        continue;
                    }
                    if (options.filter().test(alert)) {
                        jsonLines.accept(AvroJson.toJson(alert));
                        handed++;
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
        return handed;
    }
}
