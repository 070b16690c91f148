package io.wirewatch.alerts.topology;

import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The alert topology: {@code news.stories.enriched}, and when configured {@code news.stance.changes} and
 * {@code news.dyads.escalation} (each read as bytes) → decode and judge against the rules →
 * re-key by rule id → de-duplicate, wait for independent sources, cool down → {@code news.alerts} (Avro) and {@code news.alerts.json},
 * both keyed by alert id. Enriched stories and closed dyad windows are also kept in stores of their own, which the
 * dashboard reads. An undecodable record goes to {@code news.dlq} unchanged, with the reason in its
 * headers, and processing goes on.
 */
public final class AlertsTopology {

    /** The stage named in dead-letter headers. */
    public static final String STAGE = "alerts";
    /** Alert id → when it was raised (epoch ms): an id passes once. */
    public static final String DEDUP_STORE = "alerts-dedup-store";
    /** rule|cluster|id and rule|dyad|A->B → event time the rule last fired there. */
    public static final String COOLDOWN_STORE = "alerts-cooldown-store";
    /** Alert id → the independent sources seen so far, for rules that need more than one. */
    public static final String SOURCES_STORE = "alerts-sources-store";
    /** Header on a candidate alert naming the story's source (its wire, or its host). */
    static final String SOURCE_HEADER = "wirewatch.alert.source";
    /** Story id → the enriched story (Avro bytes) with the wall-clock time it was kept, for the dashboard. */
    public static final String STORIES_STORE = "alerts-stories-store";
    /**
     * {@code SOURCE->TARGET|DAY|start} (see {@link DyadWindowKeys}) → the closed dyad window (Avro bytes) with the
     * wall-clock time it was kept, for the dashboard's timelines: live windows and a replay's alike.
     */
    public static final String DYAD_WINDOWS_STORE = "alerts-dyad-windows-store";
    /** How long a dyad window stays in {@link #DYAD_WINDOWS_STORE} after it arrives: as long as enrich keeps them. */
    static final Duration DYAD_WINDOW_RETENTION = Duration.ofDays(400);
    /** The internal topic that brings every candidate of one rule to one task. */
    public static final String BY_RULE = "alerts-by-rule";

    static final String DEAD_LETTER_KEY = "";

    /**
     * What the topology needs.
     *
     * @param rules     the rules in force, asked once per story, so a reload applies to the next story
     * @param clock     gives each alert's {@code raisedAt}
     * @param retention how long alert ids are remembered for de-duplication
     * @param stanceChanges whether to judge {@code news.stance.changes} (rules {@code on: stanceChange})
     * @param dyadWindows   whether to judge {@code news.dyads.escalation} (rules {@code on: dyadWindow})
     * @param storyRetention how long enriched stories stay in {@link #STORIES_STORE} after they arrive
     */
    public record Config(Supplier<RuleSet> rules, Clock clock, Duration retention, boolean stanceChanges,
                         boolean dyadWindows, Duration storyRetention) {
        public Config {
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(storyRetention, "storyRetention");
            if (storyRetention.isNegative() || storyRetention.isZero()) {
                throw new IllegalArgumentException("storyRetention must be positive, was " + storyRetention);
            }
        }

        /**
         * Remembers alert ids for 30 days, as long as news.stories.enriched keeps stories; keeps stories for the
         * dashboard 7 days; judges stories, stance changes and dyad windows.
         */
        public static Config of(Supplier<RuleSet> rules, Clock clock) {
            return new Config(rules, clock, Duration.ofDays(30), true, true, Duration.ofDays(7));
        }
    }

    private AlertsTopology() {
    }

    /** The topology, a pure function of its config. */
    public static Topology build(Config config) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEDUP_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COOLDOWN_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SOURCES_STORE),
                Serdes.String(), Serdes.String()));

        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(STORIES_STORE), Serdes.String(), Serdes.ByteArray()));
        KStream<String, Outcome> outcomes = builder
                .stream(Topics.STORIES_ENRICHED.name(),
                        Consumed.with(Topics.bytes(), Topics.bytes()).withName("enriched-stories"))
                .process(() -> EvaluateProcessor.stories(config.rules(), config.clock(), config.storyRetention()),
                        Named.as("judge-story"), STORIES_STORE);
        if (config.stanceChanges()) {
            outcomes = outcomes.merge(builder
                    .stream(Topics.STANCE_CHANGES.name(),
                            Consumed.with(Topics.bytes(), Topics.bytes()).withName("stance-changes"))
                    .process(() -> EvaluateProcessor.stanceChanges(config.rules(), config.clock()),
                            Named.as("judge-stance-change")), Named.as("merge-stance-changes"));
        }
        if (config.dyadWindows()) {
            builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                    Stores.persistentTimestampedKeyValueStore(DYAD_WINDOWS_STORE), Serdes.String(), Serdes.ByteArray()));
            outcomes = outcomes.merge(builder
                    .stream(Topics.DYADS_ESCALATION.name(),
                            Consumed.with(Topics.bytes(), Topics.bytes()).withName("dyad-windows"))
                    .process(() -> EvaluateProcessor.dyadWindows(config.rules(), config.clock(),
                            DYAD_WINDOW_RETENTION), Named.as("judge-dyad-window"), DYAD_WINDOWS_STORE),
                    Named.as("merge-dyad-windows"));
        }

        Map<String, KStream<String, Outcome>> routes = outcomes.split(Named.as("route-"))
                .branch((key, outcome) -> outcome instanceof Outcome.Dead, Branched.as("dead-letters"))
                .defaultBranch(Branched.as("candidates"));

        routes.get("route-dead-letters")
                .map((key, outcome) -> KeyValue.pair(((Outcome.Dead) outcome).key(), ((Outcome.Dead) outcome).value()),
                        Named.as("unwrap-dead-letter"))
                .to(Topics.DLQ.name(), Produced.with(Topics.DLQ.keySerde(), Topics.DLQ.valueSerde())
                        .withName("dead-letters"));

        KStream<String, Alert> alerts = routes.get("route-candidates")
                .mapValues(outcome -> ((Outcome.Candidate) outcome).alert(), Named.as("unwrap-candidate"))
                .repartition(Repartitioned.with(Serdes.String(), Topics.ALERTS.valueSerde()).withName(BY_RULE))
                .process(() -> new DedupProcessor(config.rules(), config.retention()), Named.as("deduplicate"),
                        DEDUP_STORE, COOLDOWN_STORE, SOURCES_STORE);

        alerts.to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                .withName("alerts"));
        alerts.mapValues(AvroJson::toJson, Named.as("alert-to-json"))
                .to(Topics.ALERTS_JSON.name(), Produced.with(Topics.ALERTS_JSON.keySerde(),
                        Topics.ALERTS_JSON.valueSerde()).withName("alerts-json"));
        return builder.build();
    }
}
