package io.wirewatch.enrich.dyad;

import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DyadSignal;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;

/**
 * Dyad timelines and stance changes, added to the enrichment topology: signals between two actors are
 * re-keyed by pair, counted in hourly and daily event-time windows (with grace for late stories) that are
 * emitted to {@code news.dyads.escalation} when they close, and watched for moves between stance levels and
 * falls of the daily index, which go to {@code news.stance.changes}.
 */
public final class DyadTopology {

    /** Queryable window stores, by window size. */
    public static final String HOURLY_STORE = "dyad-hourly";
    public static final String DAILY_STORE = "dyad-daily";
    /** Dyad → the closed daily window that set the stance level it holds. */
    static final String LAST_STANCE_STORE = "dyad-stance-held";
    static final String SEEN_STORE = "dyad-seen";
    static final String LAST_DAY_STORE = "dyad-last-day";

    /**
     * @param grace how late a story may arrive and still count in its window
     * @param indexDropStep a fall of the daily index by more than this is a stance change
     */
    public record Config(Duration grace, double indexDropStep) {
        public Config {
            Objects.requireNonNull(grace, "grace");
            if (indexDropStep <= 0) {
                throw new IllegalArgumentException("indexDropStep must be positive, was " + indexDropStep);
            }
        }

        public static Config defaults() {
            return new Config(Duration.ofHours(6), 3.0);
        }
    }

    private DyadTopology() {
    }

    /** Adds the dyad branches to {@code builder}, fed by the enriched stories. */
    public static void addTo(StreamsBuilder builder, KStream<String, EnrichedStory> enriched, Config config) {
        AvroSerde<DyadSignal> signalSerde = AvroSerde.of(DyadSignal.class);
        AvroSerde<DyadWindow> windowSerde = AvroSerde.of(DyadWindow.class);
        AvroSerde<StanceChange> changeSerde = AvroSerde.of(StanceChange.class);

        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(SEEN_STORE,
                DyadDeduplicator.SPAN.multipliedBy(3), DyadDeduplicator.SPAN.multipliedBy(2).plusMillis(1), false),
                Serdes.String(), Serdes.Long()));
        KStream<String, DyadSignal> byPair = enriched
                .flatMap((storyId, story) -> dyadSignals(story), Named.as("dyad-signals"))
                .repartition(Repartitioned.with(Serdes.String(), signalSerde).withName("dyad-signals-by-pair"))
                .processValues(DyadDeduplicator::new, Named.as("dyad-dedup"), SEEN_STORE);

        KStream<String, DyadWindow> hourly = windows(byPair, "HOUR", HOURLY_STORE, Duration.ofHours(1),
                config.grace(), signalSerde, windowSerde);
        KStream<String, DyadWindow> daily = windows(byPair, "DAY", DAILY_STORE, Duration.ofDays(1),
                config.grace(), signalSerde, windowSerde);
        hourly.merge(daily, Named.as("dyad-windows"))
                .to(Topics.DYADS_ESCALATION.name(), Produced.with(Serdes.String(), windowSerde)
                        .withName("dyad-windows-out"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LAST_STANCE_STORE),
                Serdes.String(), windowSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LAST_DAY_STORE),
                Serdes.String(), windowSerde));
        KStream<String, StanceChange> shifts = daily.process(StanceShiftDetector::new, Named.as("stance-shifts"),
                LAST_STANCE_STORE);
        KStream<String, StanceChange> drops = daily.process(
                () -> new IndexDropDetector(config.indexDropStep()), Named.as("index-drops"), LAST_DAY_STORE);
        shifts.merge(drops, Named.as("stance-changes"))
                .to(Topics.STANCE_CHANGES.name(), Produced.with(Serdes.String(), changeSerde)
                        .withName("stance-changes-out"));
    }

    private static KStream<String, DyadWindow> windows(KStream<String, DyadSignal> byPair, String size,
                                                       String store, Duration length, Duration grace,
                                                       AvroSerde<DyadSignal> signalSerde,
                                                       AvroSerde<DyadWindow> windowSerde) {
        String name = store;
        return byPair
                .groupByKey(Grouped.with(name + "-group", Serdes.String(), signalSerde))
                .windowedBy(TimeWindows.ofSizeAndGrace(length, grace))
                .aggregate(DyadWindows::empty, DyadWindows::add, Named.as(name + "-aggregate"),
                        Materialized.<String, DyadWindow, org.apache.kafka.streams.state.WindowStore<
                                org.apache.kafka.common.utils.Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String()).withValueSerde(windowSerde)
                                .withRetention(Duration.ofDays(400)))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                        .withName(name + "-until-closed"))
                .toStream(Named.as(name + "-closed"))
                .map((window, value) -> KeyValue.pair(window.key(), DyadWindows.bounded(value, size,
                        window.window().startTime(), window.window().endTime())), Named.as(name + "-bounded"));
    }

    /** One {@link DyadSignal} per counted signal of the story, keyed by its dyad. */
    static List<KeyValue<String, DyadSignal>> dyadSignals(EnrichedStory story) {
        List<KeyValue<String, DyadSignal>> out = new ArrayList<>();
        for (Signal signal : story.getSignals()) {
            if (DyadWindows.counts(signal)) {
                out.add(KeyValue.pair(DyadWindows.key(signal.getSource(), signal.getTarget()),
                        new DyadSignal(story.getStory().getId(), story.getStory().getClusterId(), signal, true)));
            }
        }
        return out;
    }
}
