package io.wirewatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.testing.KeptDyadWindows;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts topology keeps every closed dyad window it reads, for the dashboard: a replay's as well as live ones. */
class DyadWindowStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, DyadWindow> windows;
    @SuppressWarnings("unchecked")
    private final AvroSerde<DyadWindow> serde = (AvroSerde<DyadWindow>) Topics.DYADS_ESCALATION.valueSerde();

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-dyad-store-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(AlertsTopology.build(
                AlertsTopology.Config.of(DefaultRules::ruleSet, Clock.fixed(NOW, ZoneOffset.UTC))), props);
        windows = driver.createInputTopic(Topics.DYADS_ESCALATION.name(), Serdes.String().serializer(),
                Topics.DYADS_ESCALATION.valueSerde().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void pipe(DyadWindow window) {
        windows.pipeInput(window.getSource() + "->" + window.getTarget(), window, window.getWindowEnd());
    }

    private List<DyadWindow> kept(String source, String target, String from, String to) {
        KeyValueStore<String, ValueAndTimestamp<byte[]>> store =
                driver.getTimestampedKeyValueStore(AlertsTopology.DYAD_WINDOWS_STORE);
        List<DyadWindow> found = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> range = store.range(
                DyadWindowKeys.of(source, target, "DAY", Instant.parse(from)),
                DyadWindowKeys.of(source, target, "DAY", Instant.parse(to)))) {
            range.forEachRemaining((KeyValue<String, ValueAndTimestamp<byte[]>> e) -> found.add(
                    serde.decode(e.value.value())));
        }
        return found;
    }

    @Test
    void shouldKeepAReplayedPairsOldWindowsAfterStreamTimeHasPassedThem() {
        pipe(KeptDyadWindows.day("RUS", "UKR", "2026-12-02", Map.of("DEMAND", 1), 1, -5.0, 1.0, null));
        pipe(KeptDyadWindows.day("RUS", "UKR", "2022-02-24", Map.of("FIGHT", 3), 3, -10.0, 1.0, null));
        pipe(KeptDyadWindows.day("RUS", "UKR", "2022-02-23", Map.of("THREATEN", 1), 1, -4.0, 1.0, null));
        pipe(KeptDyadWindows.day("RUS", "USA", "2022-02-23", Map.of("CONSULT", 1), 1, 1.0, 0.0, null));

        assertThat(kept("RUS", "UKR", "2022-02-01T00:00:00Z", "2022-03-01T00:00:00Z"))
                .extracting(w -> w.getWindowStart().toString())
                .containsExactly("2022-02-23T00:00:00Z", "2022-02-24T00:00:00Z");
        assertThat(kept("RUS", "UKR", "2022-02-24T00:00:00Z", "2026-12-31T00:00:00Z")).hasSize(2);
        assertThat(kept("RUS", "US", "2022-01-01T00:00:00Z", "2022-12-31T00:00:00Z")).isEmpty();
    }

    @Test
    void shouldReplaceAWindowWithTheNewerRecordOfTheSamePairAndDay() {
        pipe(KeptDyadWindows.day("RUS", "UKR", "2022-02-24", Map.of("FIGHT", 1), 1, -10.0, 1.0, null));
        pipe(KeptDyadWindows.day("RUS", "UKR", "2022-02-24", Map.of("FIGHT", 4), 4, -9.0, 1.0, null));

        assertThat(kept("RUS", "UKR", "2022-02-24T00:00:00Z", "2022-02-24T00:00:00Z"))
                .singleElement().satisfies(w -> assertThat(w.getSignals()).isEqualTo(4));
    }

    @Test
    void shouldOrderKeysAsTheirStartsAcrossTheEpoch() {
        List<String> keys = List.of(DyadWindowKeys.of("A", "B", "DAY", Instant.parse("1969-12-31T00:00:00Z")),
                DyadWindowKeys.of("A", "B", "DAY", Instant.EPOCH),
                DyadWindowKeys.of("A", "B", "DAY", Instant.parse("2022-02-24T00:00:00Z")));

        assertThat(keys).isSorted();
        assertThat(keys.get(2)).isEqualTo("A->B|DAY|8000017f29070400");
    }
}
