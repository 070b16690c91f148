package io.wirewatch.app.backtest;

import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.topology.AlertsTopology;
import io.wirewatch.app.archive.ReplayRun;
import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.nlp.Enricher;
import io.wirewatch.enrich.dyad.DyadTopology;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * Runs the live enrichment and alert topologies over archived stories, in event-time order, in memory and
 * isolated from the live pipeline. The same stories and rules give the same result: time comes from the
 * stories, and {@code raisedAt} from the fixed clock the caller passes.
 */
public final class Backtest {

    /** What a backtest found. */
    /**
     * @param dailyWindows every daily window in the store at the end, closed or not
     * @param closedWindows the hourly and daily windows emitted to {@code news.dyads.escalation} as they closed
     */
    public record Result(int stories, List<Alert> alerts, List<DyadWindow> dailyWindows,
                         List<DyadWindow> closedWindows, List<StanceChange> stanceChanges, List<String> deadLetters) {
        public Result {
            alerts = List.copyOf(alerts);
            dailyWindows = List.copyOf(dailyWindows);
            closedWindows = List.copyOf(closedWindows);
            stanceChanges = List.copyOf(stanceChanges);
            deadLetters = List.copyOf(deadLetters);
        }
    }

    private Backtest() {
    }

    /** Enriches {@code stories} and applies {@code rules}, as the live pipeline would. */
    public static Result run(List<Story> stories, RuleSet rules, Enricher enricher, Instant raisedAt) {
        Objects.requireNonNull(rules, "rules");
        List<Story> ordered = ReplayRun.inEventTimeOrder(stories);
        Path state = tempState();
        Clock clock = Clock.fixed(raisedAt, ZoneOffset.UTC);
        try (TopologyTestDriver enrich = new TopologyTestDriver(EnrichTopology.build(
                new EnrichTopology.Config(enricher, DyadTopology.Config.defaults())), properties("backtest-enrich",
                state.resolve("enrich")));
             TopologyTestDriver alerting = new TopologyTestDriver(AlertsTopology.build(
                     AlertsTopology.Config.of(() -> rules, clock)), properties("backtest-alerts",
                     state.resolve("alerts")))) {
            TestInputTopic<String, byte[]> raw = enrich.createInputTopic(Topics.STORIES_RAW.name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, byte[]> enriched = enrich.createOutputTopic(Topics.STORIES_ENRICHED.name(),
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            TestOutputTopic<String, byte[]> changes = enrich.createOutputTopic(Topics.STANCE_CHANGES.name(),
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            TestOutputTopic<byte[], byte[]> enrichDead = enrich.createOutputTopic(Topics.DLQ.name(),
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
            TestInputTopic<String, byte[]> alertInput = alerting.createInputTopic(Topics.STORIES_ENRICHED.name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            TestOutputTopic<String, byte[]> windows = enrich.createOutputTopic(Topics.DYADS_ESCALATION.name(),
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
            TestInputTopic<String, byte[]> changeInput = alerting.createInputTopic(Topics.STANCE_CHANGES.name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            TestInputTopic<String, byte[]> windowInput = alerting.createInputTopic(Topics.DYADS_ESCALATION.name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            AvroSerde<StanceChange> changeSerde = AvroSerde.of(StanceChange.class);
            AvroSerde<DyadWindow> windowSerde = AvroSerde.of(DyadWindow.class);
            List<DyadWindow> closed = new ArrayList<>();
            List<StanceChange> stanceChanges = new ArrayList<>();
            TestOutputTopic<String, Alert> alerts = alerting.createOutputTopic(Topics.ALERTS.name(),
                    Serdes.String().deserializer(), Topics.ALERTS.valueSerde().deserializer());
            TestOutputTopic<byte[], byte[]> alertDead = alerting.createOutputTopic(Topics.DLQ.name(),
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

            AvroSerde<Story> serde = AvroSerde.of(Story.class);
            List<Alert> raised = new ArrayList<>();
            List<String> dead = new ArrayList<>();
            for (Story story : ordered) {
                raw.pipeInput(story.getId(), serde.encode(story), eventTime(story));
                // What enrichment emitted for this story goes on to the alert topology, as on the live topics.
                for (var record : enriched.readRecordsToList()) {
                    alertInput.pipeInput(record.key(), record.value(), record.getRecordTime());
                }
                for (var record : changes.readRecordsToList()) {
                    stanceChanges.add(changeSerde.decode(record.value()));
                    changeInput.pipeInput(record.key(), record.value(), record.getRecordTime());
                }
                for (var record : windows.readRecordsToList()) {
                    closed.add(windowSerde.decode(record.value()));
                    windowInput.pipeInput(record.key(), record.value(), record.getRecordTime());
                }
                alerts.readValuesToList().forEach(raised::add);
                enrichDead.readKeyValuesToList().forEach(kv -> dead.add(story.getId()));
                alertDead.readKeyValuesToList().forEach(kv -> dead.add(story.getId()));
            }
            return new Result(ordered.size(), raised, dailyWindows(enrich), closed, stanceChanges, dead);
        } finally {
            deleteQuietly(state);
        }
    }

    private static List<DyadWindow> dailyWindows(TopologyTestDriver enrich) {
        WindowStore<String, DyadWindow> store = enrich.getWindowStore(DyadTopology.DAILY_STORE);
        List<DyadWindow> windows = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, DyadWindow> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, DyadWindow> entry = all.next();
                windows.add(DyadWindow.newBuilder(entry.value).setWindow("DAY")
                        .setWindowStart(entry.key.window().startTime())
                        .setWindowEnd(entry.key.window().endTime()).build());
            }
        }
        windows.sort(Comparator.comparing(DyadWindow::getSource).thenComparing(DyadWindow::getTarget)
                .thenComparing(DyadWindow::getWindowStart));
        return windows;
    }

    /** Event time: publication time, or when the story was fetched. */
    static Instant eventTime(Story story) {
        return ReplayRun.eventTime(story);
    }

    private static Properties properties(String applicationId, Path state) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest:0");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return props;
    }

    private static Path tempState() {
        try {
            return Files.createTempDirectory("wirewatch-backtest");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a folder for backtest state", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            // temporary state; the OS cleans it up
        }
    }
}
