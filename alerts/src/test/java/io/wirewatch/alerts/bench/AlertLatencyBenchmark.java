package io.wirewatch.alerts.bench;

import static org.awaitility.Awaitility.await;

import io.wirewatch.alerts.AlertsService;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark command, not a test (runs only when named): latency from an enriched story landing on
 * {@code news.stories.enriched} to its alert being readable (read_committed) on {@code news.alerts}, on the
 * embedded broker, at a fixed story rate. Every story fires one alert. Prints p50/p90/p99/max and writes them to
 * {@code target/bench/alert-latency.txt}. {@code -Dbench.commitMs=N} overrides the Streams commit interval.
 *
 * <pre>
 * ./mvnw -B -o -q -pl alerts -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=AlertLatencyBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.stories=3000 -Dbench.rate=200
 * </pre>
 */
class AlertLatencyBenchmark {

    @TempDir
    Path dir;

    @Test
    void measureStoryToAlertLatency() throws Exception {
        int stories = Integer.getInteger("bench.stories", 3000);
        int rate = Integer.getInteger("bench.rate", 200);
        int warmup = Math.min(200, stories / 5);
        Integer commitMs = Integer.getInteger("bench.commitMs");
        Map<String, Object> clientProps = commitMs == null ? Map.of() : Map.of("commit.interval.ms", commitMs);
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("broker"), 0));
             AlertsService service = AlertsService.start(new AlertsService.Config(broker.bootstrapServers(),
                     "alerts-bench", dir.resolve("state"), "127.0.0.1", 0, clientProps, null, Clock.systemUTC()))) {
            await().atMost(Duration.ofSeconds(60)).until(service::isRunning);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> read(broker, sentAt, latencies, stories), "bench-reader");
            reader.start();

            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            try (KafkaProducer<String, EnrichedStory> producer = new KafkaProducer<>(props, new StringSerializer(),
                    Topics.STORIES_ENRICHED.valueSerde().serializer())) {
                for (int i = 0; i < stories; i++) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    String id = "bench-" + i;
                    EnrichedStory story = Stories.seed(id, null);
                    sentAt.put(id, System.currentTimeMillis());
                    producer.send(new ProducerRecord<>(Topics.STORIES_ENRICHED.name(), null,
                            System.currentTimeMillis(), id, story));
                }
                producer.flush();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            reader.join(Duration.ofSeconds(120).toMillis());

            List<Long> measured;
            synchronized (latencies) {
                measured = new ArrayList<>(latencies.subList(Math.min(warmup, latencies.size()), latencies.size()));
            }
            Collections.sort(measured);
            String report = String.format(Locale.ROOT,
                    "alerts latency (enriched story produced -> alert readable on news.alerts, read_committed)%n"
                            + "commit.interval.ms %s; stories %d at %d/s (sent in %.1f s), alerts received %d, measured after %d warm-up%n"
                            + "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                    commitMs == null ? "default (30)" : commitMs, stories, rate, seconds, latencies.size(), warmup, pct(measured, 50), pct(measured, 90),
                    pct(measured, 99), measured.isEmpty() ? -1 : measured.get(measured.size() - 1));
            System.out.print(report);
            Path out = Path.of("target", "bench", "alert-latency.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void read(EmbeddedBroker broker, Map<String, Long> sentAt, List<Long> latencies, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        var serde = Topics.ALERTS.valueSerde();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.ALERTS.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (latencies.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    String storyId = serde.deserializer().deserialize(record.topic(), record.value()).getStoryId();
                    Long sent = sentAt.get(storyId);
                    if (sent != null) {
                        latencies.add(now - sent);
                    }
                }
            }
        }
    }
}
