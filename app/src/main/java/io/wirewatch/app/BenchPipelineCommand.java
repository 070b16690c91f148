package io.wirewatch.app;

import io.wirewatch.ingest.ReadResult;
import io.wirewatch.ingest.StoryReader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch bench pipeline}: end-to-end figures on the embedded broker. Produces copies of the sample
 * stories to {@code news.stories.raw} at a fixed rate and measures, per story, the time until its enriched
 * record and (for stories that alert) its alert are committed downstream.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Measure raw→enriched and raw→alert latency (p50, p99) and throughput on the embedded broker.")
final class BenchPipelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", defaultValue = "200", description = "Stories per second offered (default: ${DEFAULT-VALUE}).")
    int rate = 200;

    @Option(names = "--stories", defaultValue = "6000", description = "Stories in all (default: ${DEFAULT-VALUE}).")
    int stories = 6000;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Offer stories for this long (e.g. 30m) instead of --stories, and print resident memory,"
                    + " heap after GC, open files and consumer lag every --sample-every.")
    @org.jspecify.annotations.Nullable Duration duration;

    @Option(names = "--sample-every", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
            description = "How often a soak run (--duration) prints its figures (default: ${DEFAULT-VALUE}).")
    Duration sampleEvery = Duration.ofMinutes(1);

    @Option(names = "--warmup", defaultValue = "-1",
            description = "Stories not counted, first (default: the first 10 seconds of load, rate × 10: the JIT, the"
                    + " Streams threads' first assignment and the stores settle meanwhile).")
    int warmup = -1;

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Measure a pipeline already running on this cluster (start `wirewatch enrich` and"
                    + " `wirewatch alerts` against it first) instead of starting the embedded broker and services.")
    @org.jspecify.annotations.Nullable String bootstrapServers;

    @Option(names = {"-B", "--broker-config"}, paramLabel = "KEY=VALUE",
            description = "One setting of the embedded broker (server.properties), over its defaults; repeatable.")
    Map<String, String> brokerConfig = new java.util.HashMap<>();

    @Option(names = {"-K", "--kafka"}, paramLabel = "KEY=VALUE",
            description = "One Kafka Streams or client setting of both services, over their defaults; repeatable.")
    Map<String, String> clientConfig = new java.util.HashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (duration != null) {
            stories = (int) Math.min(Integer.MAX_VALUE, rate * duration.toSeconds());
        }
        if (warmup < 0) {
            warmup = rate * 10;
        }
        if (warmup >= stories) {
            throw new IllegalArgumentException("--stories (" + stories + ") must exceed the warm-up (" + warmup
                    + " stories)");
        }
        Path dir = Files.createTempDirectory("wirewatch-bench");
        // Kafka's own warnings (with their stack traces) go to the log file; the summary counts them instead.
        Path logFile = ConsoleLogging.toFile(dir, false);
        List<Story> templates = Samples.extractTo(dir.resolve("samples")).stream().map(BenchPipelineCommand::story)
                .toList();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> enrichedAt = new ConcurrentHashMap<>();
        Map<String, Long> alertedAt = new ConcurrentHashMap<>();
        if (bootstrapServers != null && !(brokerConfig.isEmpty() && clientConfig.isEmpty())) {
            throw new IllegalArgumentException("-B and -K set the embedded pipeline; with -b, give the settings to"
                    + " the services you started");
        }
        long starting = System.nanoTime();
        try (Pipeline pipeline = bootstrapServers != null ? null : Pipeline.start(new Pipeline.Config(
                dir.resolve("data"), 0, "127.0.0.1", 0, null, Clock.systemUTC()),
                new Pipeline.Tuning(brokerConfig, Map.copyOf(clientConfig)), Duration.ofSeconds(120))) {
            String bootstrap = pipeline == null ? bootstrapServers : pipeline.bootstrapServers();
            if (pipeline != null) {
                out.printf(Locale.ROOT, "broker and services RUNNING in %.1f s%n", (System.nanoTime() - starting) / 1e9);
            }
            SoakSampler sampler = duration == null ? null : SoakSampler.start(bootstrap, out, sampleEvery);
            AtomicBoolean running = new AtomicBoolean(true);
            // Story ids of this run only: on a cluster that earlier runs wrote to, their records are not counted.
            String run = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
            Thread watcher = watch(bootstrap, run, running, enrichedAt, alertedAt);
            AvroSerde<Story> serde = AvroSerde.of(Story.class);
            KafkaErrorTally errors = KafkaErrorTally.attach();
            double loadBefore = loadAverage();
            long began = System.nanoTime();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer())) {
                for (int i = 0; i < stories; i++) {
                    long due = began + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                    }
                    Story template = templates.get(i % templates.size());
                    String id = run + i;
                    Story story = Story.newBuilder(template).setId(id).setContentHash(id)
                            .setTitle(template.getTitle() + " #" + i).build();
                    sent.put(id, System.nanoTime());
                    producer.send(new ProducerRecord<>(Topics.STORIES_RAW.name(), null,
                            System.currentTimeMillis(), id, serde.encode(story)));
                }
                producer.flush();
            }
            double offered = stories / ((System.nanoTime() - began) / 1e9);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (enrichedAt.size() < stories && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            if (sampler != null) {
                sampler.close();
            }
            running.set(false);
            watcher.join(10_000);
            errors.close();
            double elapsed = (enrichedAt.values().stream().mapToLong(Long::longValue).max().orElse(began) - began) / 1e9;
            out.printf(Locale.ROOT, "offered %.0f stories/s; enriched %d of %d in %.1f s (%.0f stories/s);"
                    + " latency of the stories after the first %d%n", offered, enrichedAt.size(), stories, elapsed,
                    enrichedAt.size() / elapsed, warmup);
            report(out, "raw -> enriched", sent, enrichedAt);
            report(out, "raw -> alert   ", sent, alertedAt);
            if (pipeline == null) {
                out.println("(the Kafka warnings below are this process's own: the services log theirs)");
            }
            out.printf(Locale.ROOT, "producer errors during the load: %s%n", errors.producerSummary());
            out.printf(Locale.ROOT, "other Kafka warnings during the load: %s%n", errors.otherSummary());
            out.printf(Locale.ROOT, "%d cores; load average %.2f at the start of the load, %.2f at the end; log %s%n",
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), logFile);
        }
        return 0;
    }

    /** Durations as {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.startsWith("pt")) {
                return Duration.parse(v);
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException("not a duration: " + value + " (e.g. 90s, 10m, 1h)");
            };
        }
    }

    private void report(PrintWriter out, String what, Map<String, Long> sent, Map<String, Long> arrived) {
        long[] millis = arrived.entrySet().stream()
                .filter(e -> sent.containsKey(e.getKey())
                        && Integer.parseInt(e.getKey().substring(e.getKey().lastIndexOf('-') + 1)) >= warmup)
                .mapToLong(e -> (e.getValue() - sent.get(e.getKey())) / 1_000_000L).sorted().toArray();
        if (millis.length == 0) {
            out.printf("%s: nothing arrived%n", what);
            return;
        }
        out.printf(Locale.ROOT, "%s: n=%d p50=%d ms p90=%d ms p99=%d ms max=%d ms%n", what, millis.length,
                pct(millis, 50), pct(millis, 90), pct(millis, 99), millis[millis.length - 1]);
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static Thread watch(String bootstrap, String run, AtomicBoolean running, Map<String, Long> enrichedAt,
                                Map<String, Long> alertedAt) {
        Thread thread = new Thread(() -> {
            AvroSerde<Alert> alerts = AvroSerde.of(Alert.class);
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-watch",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.STORIES_ENRICHED.name(), Topics.ALERTS.name()));
                while (running.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        String storyId = record.topic().equals(Topics.ALERTS.name())
                                ? alerts.decode(record.value()).getStoryId() : record.key();
                        if (storyId != null && storyId.startsWith(run)) {
                            (record.topic().equals(Topics.ALERTS.name()) ? alertedAt : enrichedAt)
                                    .putIfAbsent(storyId, now);
                        }
                    }
                }
            }
        }, "bench-watch");
        thread.start();
        return thread;
    }

    /** The one-minute load average of the machine, or -1 where the JVM cannot tell. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** A sample file as a story, read the way ingest reads it. */
    private static Story story(Path file) {
        ReadResult result = StoryReader.read(file, Clock.systemUTC());
        if (result instanceof ReadResult.Read read) {
            return read.story();
        }
        throw new IllegalStateException("bundled sample " + file + " is unreadable: " + result);
    }
}
