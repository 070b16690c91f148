package io.wirewatch.app;

import io.wirewatch.enrich.EnrichService;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * For soak runs: every interval, one line of this process's resident memory, heap in use after the last garbage
 * collection, open file descriptors, and the consumer lag of the enrich and alert applications (records behind the
 * end of their input topics, summed). Linux only for resident memory and descriptors ({@code /proc/self}).
 */
final class SoakSampler implements AutoCloseable {

    private static final List<String> GROUPS = List.of(EnrichService.DEFAULT_APPLICATION_ID, "wirewatch-alerts");

    private final Admin admin;
    private final PrintWriter out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "soak-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final long began = System.nanoTime();

    private SoakSampler(String bootstrap, PrintWriter out) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.out = out;
    }

    /** Prints the header now and a line every {@code every}. */
    static SoakSampler start(String bootstrap, PrintWriter out, Duration every) {
        SoakSampler sampler = new SoakSampler(bootstrap, out);
        out.println("minute  rss_mb  heap_after_gc_mb  open_fds  lag_enrich  lag_alerts");
        out.flush();
        sampler.timer.scheduleAtFixedRate(sampler::sample, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        try {
            List<Long> lags = GROUPS.stream().map(this::lag).toList();
            out.printf(Locale.ROOT, "%6.1f  %6d  %16d  %8d  %10d  %10d%n",
                    (System.nanoTime() - began) / 60e9, residentMegabytes(), heapAfterGcMegabytes(), openFiles(),
                    lags.get(0), lags.get(1));
        } catch (RuntimeException e) {
            out.println("sample failed: " + e);
        }
        out.flush();
    }

    static long residentMegabytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Heap in use right after the last collection of each heap pool: what survives, not garbage. */
    static long heapAfterGcMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                bytes += afterGc.getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    static long openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Records behind the end of the group's committed partitions (-1 when the group has committed nothing). */
    private long lag(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return -1;
            }
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            committed.keySet().forEach(tp -> ends.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(ends).all()
                    .get(30, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    lag += Math.max(0, end.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of group " + group + ": " + e, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
