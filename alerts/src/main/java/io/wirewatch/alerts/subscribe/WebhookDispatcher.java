package io.wirewatch.alerts.subscribe;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts from {@code news.alerts} to one {@link Webhook}: a POST of the alert's JSON with
 * {@code X-Wirewatch-Alert-Id}, {@code X-Wirewatch-Timestamp} (epoch seconds) and, with a secret,
 * {@code X-Wirewatch-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}.
 *
 * <p>It reads with its own consumer group (one per URL) and commits after each alert is delivered or given up on,
 * so a restart resumes where it stopped (at least once); a new webhook starts with the alerts raised after it
 * started.
 * I/O errors, 408, 429 and 5xx are retried with doubling waits up to the webhook's attempts; other answers are
 * permanent and not retried. Deliveries and their retries run on their own thread while the consumer goes on
 * polling (its partitions paused), so a slow endpoint never exceeds {@code max.poll.interval.ms}; if the consumer
 * fails all the same, the dispatcher restarts it ({@link #state()}, {@link #restarts()}, {@link #lastError()}).
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<Integer> RETRIABLE = Set.of(408, 425, 429);
    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration LAST_RESTART_DELAY = Duration.ofMinutes(1);

    /** Where a dispatcher is: reading and delivering, waiting to restart after a failure, or stopped by close. */
    public enum State { STARTING, RUNNING, RESTARTING, STOPPED }

    private final Webhook webhook;
    private final Map<String, Object> props;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final AvroSerde<Alert> serde = (AvroSerde<Alert>) Topics.ALERTS.valueSerde();
    private final Clock clock;
    private final Thread thread;
    private final ExecutorService delivery;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
    private volatile boolean closed;
    private volatile boolean assigned;
    private volatile State state = State.STARTING;
    private volatile @Nullable String lastError;
    private volatile long restarts;
    private volatile long delivered;
    private volatile long givenUp;

    private WebhookDispatcher(Webhook webhook, Map<String, Object> props, Clock clock) {
        this.webhook = webhook;
        this.props = Map.copyOf(props);
        this.clock = clock;
        this.thread = new Thread(this::supervise, "webhook-" + webhook.url().getHost());
        this.thread.setDaemon(true);
        this.delivery = Executors.newSingleThreadExecutor(task -> {
            Thread worker = new Thread(task, "webhook-delivery-" + webhook.url().getHost());
            worker.setDaemon(true);
            return worker;
        });
    }

    /** Starts delivering to {@code webhook}. */
    public static WebhookDispatcher start(String bootstrapServers, Map<String, Object> clientProperties,
                                          Webhook webhook, Clock clock) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(webhook));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        WebhookDispatcher dispatcher = new WebhookDispatcher(webhook, props, clock);
        dispatcher.thread.start();
        return dispatcher;
    }

    /** The consumer group of a webhook: one per URL, so each URL keeps its own place. */
    static String groupId(Webhook webhook) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(webhook.url().toString().getBytes(StandardCharsets.UTF_8));
            return "wirewatch-webhook-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether it holds its partitions and knows where to read from. */
    public boolean ready() {
        return assigned;
    }

    public Webhook webhook() {
        return webhook;
    }

    public State state() {
        return state;
    }

    /** The failure that last made it restart, or null. */
    public @Nullable String lastError() {
        return lastError;
    }

    /** How many times it restarted after a failure. */
    public long restarts() {
        return restarts;
    }

    public long delivered() {
        return delivered;
    }

    public long givenUp() {
        return givenUp;
    }

    /**
     * Runs the consumer until close; when it fails (a lost broker, a failed commit), closes it, waits (1 s doubling
     * to 1 min) and starts a new one, which resumes from the last committed alert.
     */
    private void supervise() {
        Duration wait = FIRST_RESTART_DELAY;
        while (!closed) {
            KafkaConsumer<String, byte[]> current;
            try {
                current = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            } catch (RuntimeException e) {
                lastError = e.toString();
                LOG.error("Webhook {}: cannot create its consumer: {}", webhook.url(), e.toString());
                break;
            }
            consumer = current;
            boolean failed = false;
            try {
                if (!closed) {
                    consume(current);
                }
            } catch (WakeupException | InterruptedException e) {
                // closing
            } catch (RuntimeException e) {
                failed = true;
                restarts++;
                lastError = e.toString();
                state = State.RESTARTING;
                LOG.error("Webhook {} failed; restarting in {} ms: {}", webhook.url(), wait.toMillis(), e.toString(),
                        e);
            } finally {
                assigned = false;
                current.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
            }
            if (!failed) {
                break;
            }
            try {
                if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                break;
            }
            wait = wait.multipliedBy(2).compareTo(LAST_RESTART_DELAY) > 0 ? LAST_RESTART_DELAY : wait.multipliedBy(2);
        }
        state = State.STOPPED;
    }

    /**
     * Polls, and hands each batch to the delivery thread; while a batch is delivered (retries may take minutes)
     * the partitions are paused and the poll goes on, so the consumer stays in its group however slow the
     * endpoint. Offsets are committed here, as alerts are delivered or given up on.
     */
    private void consume(KafkaConsumer<String, byte[]> consumer) throws InterruptedException {
        // A webhook new to this cluster starts with the alerts raised from now on: the end of news.alerts as it
        // is now, taken before joining the group so that alerts written while joining are not skipped.
        Map<TopicPartition, Long> startAt = consumer.endOffsets(
                consumer.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
        Map<TopicPartition, OffsetAndMetadata> done = new ConcurrentHashMap<>();
        consumer.subscribe(List.of(Topics.ALERTS.name()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                assigned = false;
                commit(consumer, done);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
                for (TopicPartition partition : partitions) {
                    if (committed.get(partition) == null && startAt.containsKey(partition)) {
                        consumer.seek(partition, startAt.get(partition));
                    }
                    consumer.position(partition);
                }
                assigned = true;
            }
        });
        state = State.RUNNING;
        Future<?> inFlight = null;
        try {
            while (!closed) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    if (inFlight != null) {
                        // partitions assigned during a delivery are not paused: read these again later
                        for (TopicPartition partition : records.partitions()) {
                            consumer.seek(partition, records.records(partition).get(0).offset());
                        }
                    } else {
                        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                        records.forEach(batch::add);
                        inFlight = delivery.submit(() -> deliver(batch, done));
                    }
                    consumer.pause(consumer.assignment());
                }
                commit(consumer, done);
                if (inFlight != null && inFlight.isDone()) {
                    try {
                        inFlight.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("delivering to " + webhook.url() + " failed: "
                                + e.getCause(), e.getCause());
                    }
                    inFlight = null;
                    commit(consumer, done);
                    consumer.resume(consumer.paused());
                }
            }
        } finally {
            if (inFlight != null) {
                inFlight.cancel(true);
            }
            commit(consumer, done);
        }
    }

    /** Delivers a batch in order, noting after each alert the offset to commit. */
    private Void deliver(List<ConsumerRecord<String, byte[]>> batch, Map<TopicPartition, OffsetAndMetadata> done)
            throws InterruptedException {
        for (ConsumerRecord<String, byte[]> record : batch) {
            if (closed) {
                return null;
            }
            try {
                handle(record);
                if (closed) {
                    return null; // not delivered: the next start delivers it
                }
            } catch (RuntimeException e) {
                givenUp++;
                lastError = e.toString();
                LOG.error("Webhook {}: giving up alert {}-{}@{}: {}", webhook.url(), record.topic(),
                        record.partition(), record.offset(), e.toString(), e);
            }
            done.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        return null;
    }

    /** Commits the offsets delivered so far; an offset noted again meanwhile stays for the next commit. */
    private static void commit(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> snapshot = Map.copyOf(done);
        consumer.commitSync(snapshot);
        snapshot.forEach(done::remove);
    }

    private void handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        if (record.value() == null) {
            return;
        }
        Alert alert;
        try {
            alert = serde.decode(record.value());
        } catch (SerializationException e) {
            LOG.warn("Webhook {}: skipping undecodable alert {}-{}@{}: {}", webhook.url(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (!webhook.filter().test(alert)) {
            return;
        }
        String body = AvroJson.toJson(alert);
        Duration wait = webhook.firstDelay();
        for (int attempt = 1; attempt <= webhook.maxAttempts(); attempt++) {
            String failure;
            try {
                int status = post(alert.getId(), body);
                if (status >= 200 && status < 300) {
                    delivered++;
                    LOG.debug("Webhook {} took alert {} (attempt {})", webhook.url(), alert.getId(), attempt);
                    return;
                }
                if (status < 500 && !RETRIABLE.contains(status)) {
                    givenUp++;
                    LOG.error("Webhook {} refused alert {} with HTTP {}: not retrying", webhook.url(), alert.getId(),
                            status);
                    return;
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.toString();
            }
            if (attempt == webhook.maxAttempts() || closed) {
                givenUp++;
                LOG.error("Webhook {} failed alert {} {} times, giving up: {}", webhook.url(), alert.getId(),
                        attempt, failure);
                return;
            }
            LOG.warn("Webhook {} failed alert {} (attempt {} of {}): {}; retrying in {} ms", webhook.url(),
                    alert.getId(), attempt, webhook.maxAttempts(), failure, wait.toMillis());
            if (closing.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                givenUp++;
                LOG.warn("Webhook {}: closing before alert {} was delivered", webhook.url(), alert.getId());
                return;
            }
            wait = wait.multipliedBy(2);
        }
    }

    private int post(String alertId, String body) throws IOException, InterruptedException {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook.url()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "wirewatch-webhook")
                .header("X-Wirewatch-Alert-Id", alertId)
                .header("X-Wirewatch-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (webhook.secret() != null) {
            request.header("X-Wirewatch-Signature", "sha256=" + sign(webhook.secret(), timestamp, body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Hex HMAC-SHA256 of {@code <timestamp>.<body>} under {@code secret}: what a receiver recomputes to verify. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        closing.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivery.shutdownNow();
    }
}
