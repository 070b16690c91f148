package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import io.wirewatch.schema.streams.BoundedRocksDbMemory;
import io.wirewatch.schema.streams.RocksDbMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, soak: the stores of a running enrichment topology share one RocksDB budget, as configured. */
class EnrichServiceRocksDbMemoryTest {

    private static final long BUDGET = 8L << 20;

    @TempDir
    Path stateDir;

    private Properties properties(Map<String, Object> clientProperties) {
        return EnrichService.properties(new EnrichService.Config("unused:9092", "enrich-memory-test", stateDir,
                clientProperties, EnrichTopology.Config.defaults(EnrichTopologyTest.scripted())));
    }

    @Test
    void shouldInstallTheBoundedMemorySetter() {
        assertThat(properties(Map.of())).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                BoundedRocksDbMemory.class.getName());
    }

    @Test
    void shouldGiveEveryStoreOneSharedCacheOfTheBudgetWithTheMemtablesChargedToIt() throws IOException {
        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.build(EnrichTopology.Config.defaults(EnrichTopologyTest.scripted())),
                properties(Map.of(RocksDbMemory.BUDGET_CONFIG, Long.toString(BUDGET))))) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.STORIES_RAW.name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            for (int i = 0; i < 200; i++) {
                Story story = EnrichTopologyTest.story("s" + i, "RUS WST THREATEN -7 CONDITIONAL",
                        "CHN USA ACCUSE -3 ASSERTED");
                raw.pipeInput("s" + i, AvroSerde.of(Story.class).encode(story),
                        Instant.parse("2022-01-26T18:00:00Z").plusSeconds(600L * i));
            }

            // what the open RocksDB instances themselves report (Kafka Streams reads these DB properties)
            Map<String, Long> capacity = storeMetric(driver, "block-cache-capacity");
            Map<String, Long> usage = storeMetric(driver, "block-cache-usage");
            Map<String, Long> memtables = storeMetric(driver, "cur-size-all-mem-tables");
            assertThat(capacity).containsEntry("dyad-stance-held", BUDGET).containsEntry("dyad-last-day", BUDGET);
            // a window store with no segment open yet reports 0; any that has one reports the shared budget
            assertThat(capacity.values()).allMatch(c -> c == 0 || c == BUDGET);
            assertThat(memtables.values().stream().mapToLong(Long::longValue).sum()).isPositive();
            // one cache: every store sees the same usage, and it covers all memtables (the write-buffer manager
            // charges them to it; without it the cache would hold nothing yet, no table file having been read)
            long shared = usage.get("dyad-stance-held");
            assertThat(usage).allSatisfy((store, used) -> assertThat(used).isIn(0L, shared));
            assertThat(shared).isGreaterThanOrEqualTo(memtables.values().stream().mapToLong(Long::longValue).sum());

            // and the options each store was opened with (its newest OPTIONS file) keep index and filter blocks there
            assertThat(newestOptionsFiles()).hasSize(2).allSatisfy(options -> assertThat(Files.readString(options))
                    .contains("cache_index_and_filter_blocks=true", "pin_top_level_index_and_filter=true"));
        }
    }

    /** The newest OPTIONS file of each RocksDB instance under the state directory. */
    private List<Path> newestOptionsFiles() throws IOException {
        try (Stream<Path> files = Files.walk(stateDir)) {
            Map<Path, Path> newest = new TreeMap<>();
            files.filter(f -> f.getFileName().toString().startsWith("OPTIONS-"))
                    .forEach(f -> newest.merge(f.getParent(), f, (a, b) -> a.compareTo(b) > 0 ? a : b));
            return List.copyOf(newest.values());
        }
    }

    /** The RocksDB metric {@code name} of each store, by store name. */
    private static Map<String, Long> storeMetric(TopologyTestDriver driver, String name) {
        Map<String, Long> byStore = new TreeMap<>();
        driver.metrics().forEach((metric, value) -> {
            if (metric.group().equals("stream-state-metrics") && metric.name().equals(name)) {
                String store = metric.tags().getOrDefault("rocksdb-state-id",
                        metric.tags().get("rocksdb-window-state-id"));
                byStore.put(store, ((Number) value.metricValue()).longValue());
            }
        });
        return byStore;
    }
}
