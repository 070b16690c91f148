package io.wirewatch.alerts.web;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live alert feed: a plain {@code read_committed} consumer on {@code news.alerts} that reads from the
 * beginning (so a restart shows earlier alerts) into a bounded in-memory list, newest last. Readers ask for the
 * newest entries or wait for entries after an offset; each entry's offset is its Server-Sent Events id.
 *
 * <p>{@code news.alerts} has one partition, so an offset names one alert. Thread-safe.
 */
public final class AlertFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** One alert as read: its offset, the record, and its JSON. */
    public record Entry(long offset, Alert alert, String json) {
        public Entry {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(json, "json");
        }
    }

    private final @Nullable KafkaConsumer<String, byte[]> consumer;
    private final AvroSerde<Alert> serde = (AvroSerde<Alert>) Topics.ALERTS.valueSerde();
    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
    private final @Nullable Thread thread;
    private volatile boolean closed;
    private volatile boolean assigned;
    private volatile @Nullable String lastError;
    private long total;
    private long lastDropped = -1;

    private AlertFeed(@Nullable Map<String, Object> consumerProps, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("feed capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        if (consumerProps == null) {
            this.consumer = null;
            this.thread = null;
        } else {
            this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
            this.thread = new Thread(this::run, "alert-feed");
            this.thread.setDaemon(true);
        }
    }

    /** A feed with no consumer, filled by {@link #append(List)}: for tests of what reads it. */
    static AlertFeed detached(int capacity) {
        AlertFeed feed = new AlertFeed(null, capacity);
        feed.assigned = true;
        return feed;
    }

    /**
     * Starts reading {@code news.alerts} from the beginning.
     *
     * @param clientProperties passed to the consumer as they are (SASL/SSL for real clusters)
     * @param capacity         how many of the newest alerts to keep
     */
    public static AlertFeed start(String bootstrapServers, Map<String, Object> clientProperties, int capacity) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "wirewatch-alert-feed");
        AlertFeed feed = new AlertFeed(props, capacity);
        Objects.requireNonNull(feed.thread).start();
        return feed;
    }

    /** Whether the consumer has its partitions and its last poll succeeded. */
    public boolean healthy() {
        return !closed && assigned && lastError == null && (thread == null || thread.isAlive());
    }

    public @Nullable String lastError() {
        return lastError;
    }

    /** Calls {@code listener} for every alert read from now on, on the feed's thread; keep it quick. */
    public void onAlert(Consumer<Entry> listener) {
        listeners.add(listener);
    }

    /** Up to {@code limit} entries that pass {@code filter}, newest first. */
    public synchronized List<Entry> newest(int limit, Predicate<Alert> filter) {
        List<Entry> out = new ArrayList<>();
        Iterator<Entry> newestFirst = entries.descendingIterator();
        while (newestFirst.hasNext() && out.size() < limit) {
            Entry entry = newestFirst.next();
            if (filter.test(entry.alert())) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The entries after {@code offset}, oldest first. */
    public synchronized List<Entry> after(long offset) {
        List<Entry> out = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.offset() > offset) {
                out.add(entry);
            }
        }
        return out;
    }

    /**
     * The offset of the newest entry pushed out of the bounded list, or -1: a reader resuming before it has missed
     * alerts the feed no longer holds.
     */
    public synchronized long lastDropped() {
        return lastDropped;
    }

    /** The offset of the newest entry read, or -1. */
    public synchronized long lastOffset() {
        return entries.isEmpty() ? -1 : entries.getLast().offset();
    }

    /** How many alerts were read since start. */
    public synchronized long total() {
        return total;
    }

    /**
     * The entries after {@code offset}, oldest first, waiting up to {@code timeout} for one to arrive; empty when
     * none came or the feed closed.
     */
    public synchronized List<Entry> awaitAfter(long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed && (entries.isEmpty() || entries.getLast().offset() <= offset)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return after(offset);
    }

    public boolean isClosed() {
        return closed;
    }

    private void run() {
        KafkaConsumer<String, byte[]> consumer = Objects.requireNonNull(this.consumer);
        try {
            assignAll(consumer);
            while (!closed) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(POLL);
                    lastError = null;
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    lastError = e.toString();
                    LOG.warn("Polling {} failed: {}", Topics.ALERTS.name(), e.toString());
                    continue;
                }
                List<Entry> read = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    Entry entry = decode(record);
                    if (entry != null) {
                        read.add(entry);
                    }
                }
                if (!read.isEmpty()) {
                    append(read);
                    for (Entry entry : read) {
                        for (Consumer<Entry> listener : listeners) {
                            listener.accept(entry);
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            lastError = e.toString();
            LOG.error("Alert feed stopped: {}", e.toString(), e);
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void assignAll(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = List.of();
        while (!closed && partitions.isEmpty()) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(5));
                partitions = infos == null ? List.of()
                        : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                lastError = e.toString();
                LOG.warn("Waiting for topic {}: {}", Topics.ALERTS.name(), e.toString());
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        assigned = true;
        LOG.info("Alert feed reading {} from the beginning", partitions);
    }

    private @Nullable Entry decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            Alert alert = serde.decode(record.value());
            return new Entry(record.offset(), alert, AvroJson.toJson(alert));
        } catch (RuntimeException e) {
            LOG.warn("Skipping undecodable alert {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return null;
        }
    }

    synchronized void append(List<Entry> read) {
        for (Entry entry : read) {
            entries.addLast(entry);
            total++;
            while (entries.size() > capacity) {
                lastDropped = entries.removeFirst().offset();
            }
        }
        notifyAll();
    }

    /** Stops the consumer and wakes every waiting reader. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        if (consumer == null || thread == null) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
