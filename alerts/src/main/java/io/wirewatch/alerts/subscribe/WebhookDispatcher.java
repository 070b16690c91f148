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
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * permanent and not retried.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<Integer> RETRIABLE = Set.of(408, 425, 429);

    private final Webhook webhook;
    private final KafkaConsumer<String, byte[]> consumer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final AvroSerde<Alert> serde = (AvroSerde<Alert>) Topics.ALERTS.valueSerde();
    private final Clock clock;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean assigned;
    private volatile long delivered;
    private volatile long givenUp;

    private WebhookDispatcher(Webhook webhook, Map<String, Object> props, Clock clock) {
        this.webhook = webhook;
        this.clock = clock;
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "webhook-" + webhook.url().getHost());
        this.thread.setDaemon(true);
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

    public long delivered() {
        return delivered;
    }

    public long givenUp() {
        return givenUp;
    }

    private void run() {
        try {
            // A webhook new to this cluster starts with the alerts raised from now on: the end of news.alerts as it
            // is now, taken before joining the group so that alerts written while joining are not skipped.
            Map<TopicPartition, Long> startAt = consumer.endOffsets(
                    consumer.partitionsFor(Topics.ALERTS.name(), Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
            consumer.subscribe(List.of(Topics.ALERTS.name()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
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
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    handle(record);
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Webhook {} stopped: {}", webhook.url(), e.toString(), e);
        } finally {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
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
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
