package io.wirewatch.app.archive;

import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the archive, {@code news.stories.raw}, for an event-time range. Event time is publication time, so
 * timestamps within a partition are not in order: the reader scans every partition to its current end and
 * keeps the records inside the range.
 */
public final class ArchiveReader {

    /** Receives each record in range, as stored (bytes), with its key, headers and timestamp. */
    @FunctionalInterface
    public interface Visitor {
        void accept(ConsumerRecord<byte[], byte[]> record) throws InterruptedException;
    }

    private final String bootstrapServers;
    private final Map<String, Object> clientProperties;

    public ArchiveReader(String bootstrapServers, Map<String, Object> clientProperties) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.clientProperties = Map.copyOf(clientProperties);
    }

    /**
     * Visits the committed records of {@code news.stories.raw} with {@code from <= timestamp < to}.
     *
     * @param onSize told the number of records to scan, before the first is read
     * @param onScanned told after each record scanned (in range or not), for progress
     * @return the number of records visited
     */
    public long read(Instant from, Instant to, LongConsumer onSize, Runnable onScanned, Visitor visitor)
            throws InterruptedException {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            String topic = Topics.STORIES_RAW.name();
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            onSize.accept(partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum());
            consumer.assign(partitions);
            start.forEach(consumer::seek);
            long visited = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    onScanned.run();
                    if (record.timestamp() >= from.toEpochMilli() && record.timestamp() < to.toEpochMilli()) {
                        visitor.accept(record);
                        visited++;
                    }
                }
            }
            return visited;
        }
    }
}
