package io.wirewatch.app.faults;

import io.wirewatch.enrich.EnrichService;
import io.wirewatch.schema.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The pipeline as five OS processes on one machine — a broker, two enrich instances, the alert service and an
 * ingester — and what the fault bench does to them: SIGKILL and restart, then wait until all is drained.
 */
final class FaultRun implements AutoCloseable {

    private static final String ALERTS_APPLICATION_ID = "wirewatch-alerts";
    /** A killed consumer's partitions move after this; the broker's minimum. */
    private static final List<String> QUICK_FAILOVER = List.of("-K", "session.timeout.ms=6000",
            "-K", "heartbeat.interval.ms=1500");
    private static final Duration BROKER_START = Duration.ofMinutes(2);
    private static final Duration QUIET = Duration.ofSeconds(20);

    private final String bootstrap;
    private final Random random;
    private final PrintWriter out;
    private final ServiceProcess broker;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final ServiceProcess ingest;
    private final Path ingestIndex;
    private int ingestRuns;

    FaultRun(Path work, Path stories, int kafkaPort, int partitions, double rate, Random random, PrintWriter out) {
        this.bootstrap = "127.0.0.1:" + kafkaPort;
        this.random = random;
        this.out = out;
        Path logs = work.resolve("logs");
        try {
            java.nio.file.Files.createDirectories(logs);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + logs, e);
        }
        broker = new ServiceProcess("broker", "768m", List.of("broker", "--data-dir", work.resolve("broker").toString(),
                "--kafka-port", Integer.toString(kafkaPort), "--partitions", Integer.toString(partitions)), logs);
        for (int i = 1; i <= 2; i++) {
            List<String> args = new ArrayList<>(List.of("enrich", "-b", bootstrap, "--state-dir",
                    work.resolve("enrich-" + i).toString(), "--application-id", EnrichService.DEFAULT_APPLICATION_ID));
            args.addAll(QUICK_FAILOVER);
            services.add(new ServiceProcess("enrich-" + i, "1g", args, logs));
        }
        List<String> alerts = new ArrayList<>(List.of("alerts", "-b", bootstrap, "--state-dir",
                work.resolve("alerts").toString(), "--application-id", ALERTS_APPLICATION_ID, "--http-port",
                Integer.toString(BenchFaultsCommand.freePortOrFail())));
        alerts.addAll(QUICK_FAILOVER);
        services.add(new ServiceProcess("alerts", "768m", alerts, logs));
        // A restarted ingester takes over the transactional id of the one killed: its open transaction is aborted
        // at once, and it writes exactly the stories the index does not hold. It keeps its index store in the run's
        // directory, as in production: a restart catches up from where the killed one's store stopped.
        ingestIndex = work.resolve("ingest-index");
        ingest = new ServiceProcess("ingest", "512m", List.of("ingest", "-b", bootstrap, "--rate",
                Double.toString(rate), "-K", "transactional.id=wirewatch-bench-faults-ingest", "--index-dir",
                ingestIndex.toString(), stories.toString()), logs);
    }

    String bootstrap() {
        return bootstrap;
    }

    int ingestRuns() {
        return ingestRuns;
    }

    void start() throws InterruptedException {
        startBroker();
        for (ServiceProcess service : services) {
            service.start();
        }
        startIngest();
    }

    private void startBroker() throws InterruptedException {
        broker.start();
        broker.awaitLine(io.wirewatch.app.BrokerReady.LINE, BROKER_START);
    }

    private void startIngest() {
        ingest.start();
        ingestRuns++;
    }

    /**
     * Kills {@code count} times a process chosen at random (an enrich instance, the alert service, the broker, or
     * the ingester while it runs) at a random moment, about {@code span / count} apart, and starts it again.
     *
     * @return one line per kill: when, which process, its pid
     */
    List<String> killAndRestart(int count, Duration span) throws InterruptedException {
        List<String> log = new ArrayList<>();
        long meanGap = Math.max(3_000, span.toMillis() / Math.max(1, count));
        for (int k = 1; k <= count; k++) {
            long gap = meanGap / 2 + (long) (random.nextDouble() * meanGap);
            sleepWatching(gap);
            List<ServiceProcess> victims = new ArrayList<>(services);
            victims.add(broker);
            if (ingest.isAlive()) {
                victims.add(ingest);
            }
            ServiceProcess victim = victims.get(random.nextInt(victims.size()));
            if (k == 1 && awaitFirstCommittedStory()) {
                victim = ingest; // the first kill always catches the ingester mid-file
            }
            long pid = victim.pid();
            victim.kill();
            String line = String.format(Locale.ROOT, "kill %d at %s: %s (pid %d)", k, Instant.now(), victim.name(),
                    pid);
            log.add(line);
            out.println(line);
            out.flush();
            if (victim == broker) {
                startBroker();
            } else if (victim == ingest) {
                startIngest();
            } else {
                victim.start();
            }
        }
        return log;
    }

    /** Waits until the raw topic holds a committed story while the ingester still runs; false if it ended first. */
    private boolean awaitFirstCommittedStory() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (ingest.isAlive()) {
                Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
                admin.describeTopics(List.of(Topics.STORIES_RAW.name())).allTopicNames().get()
                        .get(Topics.STORIES_RAW.name()).partitions().forEach(p -> ends.put(
                                new TopicPartition(Topics.STORIES_RAW.name(), p.partition()), OffsetSpec.latest()));
                long committed = admin.listOffsets(ends, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                                org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get().values().stream()
                        .mapToLong(info -> info.offset()).sum();
                if (committed > 0) {
                    return true;
                }
                sleepWatching(200);
            }
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot read offsets at " + bootstrap + ": " + e.getCause(), e);
        }
    }

    /** Sleeps, meanwhile running the ingester again when it ended with failures (e.g. the broker was away). */
    private void sleepWatching(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            superviseOnce();
            Thread.sleep(Math.min(200, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
        }
    }

    private void superviseOnce() {
        Integer code = ingest.exitCode();
        if (code != null && code != 0) {
            out.println("ingest ended with exit code " + code + " (stories not written, see " + ingest.log()
                    + "); running it again");
            out.flush();
            startIngest();
        }
        for (ServiceProcess service : services) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " ended by itself (exit " + service.exitCode()
                        + "); its log: " + service.log());
            }
        }
    }

    /**
     * Waits until the ingester has written everything and the output topics and both applications' committed
     * offsets have not moved for {@link #QUIET}.
     */
    void drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        long stableSince = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < deadline) {
                superviseOnce();
                String now = ingest.exitCode() == null ? "ingesting " + System.nanoTime() : positions(admin);
                if (!now.equals(last)) {
                    last = now;
                    stableSince = System.nanoTime();
                } else if (System.nanoTime() - stableSince > QUIET.toNanos()) {
                    return;
                }
                Thread.sleep(1000);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot read offsets at " + bootstrap + ": " + e.getCause(), e);
        }
        throw new IllegalStateException("the pipeline did not drain within " + timeout + " (logs beside "
                + ingest.log() + ")");
    }

    private String positions(Admin admin) throws InterruptedException, java.util.concurrent.ExecutionException {
        Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
        for (String topic : List.of(Topics.STORIES_RAW.name(), Topics.STORIES_ENRICHED.name(),
                Topics.STANCE_CHANGES.name(), Topics.DYADS_ESCALATION.name(), Topics.ALERTS.name(),
                Topics.DLQ.name())) {
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
        Map<String, Object> state = new TreeMap<>();
        admin.listOffsets(ends).all().get().forEach((tp, info) -> state.put(tp.toString(), info.offset()));
        for (String group : List.of(EnrichService.DEFAULT_APPLICATION_ID, ALERTS_APPLICATION_ID)) {
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((tp, offset) -> state.put(group + "/" + tp, offset == null ? -1 : offset.offset()));
        }
        return state.toString();
    }

    /** Stops every process with SIGTERM (SIGKILL after 30 s), then deletes the ingester's index store. */
    @Override
    public void close() throws InterruptedException {
        ingest.close();
        for (ServiceProcess service : services) {
            service.close();
        }
        broker.close();
        try {
            deleteTree(ingestIndex);
        } catch (java.io.IOException e) {
            out.println("cannot delete the ingest index " + ingestIndex + ": " + e);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!java.nio.file.Files.exists(root)) {
            return;
        }
        try (var files = java.nio.file.Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(file);
            }
        }
    }
}
