package io.wirewatch.enrich.dyad;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.EnrichTopology;
import io.wirewatch.nlp.Enricher;
import io.wirewatch.enrich.ScriptedEnricher;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.StanceLevel;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DyadTopologyTest {

    private static final Instant T0 = Instant.parse("2022-01-26T10:05:00Z");

    static Enricher scripted() {
        return ScriptedEnricher.create(Clock.fixed(T0, ZoneOffset.UTC));
    }

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, DyadWindow> windows;
    private TestOutputTopic<String, StanceChange> changes;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dyad-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()); // not /tmp/kafka-streams: runs may overlap
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(EnrichTopology.build(new EnrichTopology.Config(scripted(),
                new DyadTopology.Config(Duration.ofMinutes(30), 3.0))), props);
        raw = driver.createInputTopic(Topics.STORIES_RAW.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        windows = driver.createOutputTopic(Topics.DYADS_ESCALATION.name(), Serdes.String().deserializer(),
                Topics.DYADS_ESCALATION.valueSerde().deserializer());
        changes = driver.createOutputTopic(Topics.STANCE_CHANGES.name(), Serdes.String().deserializer(),
                Topics.STANCE_CHANGES.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void story(String id, String cluster, Instant at, String... signals) {
        Story story = Story.newBuilder().setId(id).setSource("test").setTitle(id).setFetchedAt(at)
                .setParagraphs(List.of(signals)).setContentHash(id).setClusterId(cluster).build();
        raw.pipeInput(id, AvroSerde.of(Story.class).encode(story), at);
    }

    private List<DyadWindow> closed(String size) {
        return windows.readValuesToList().stream().filter(w -> w.getWindow().equals(size)).toList();
    }

    @Test
    void shouldEmitAnHourlyWindowWhenItClosesCountingSyndicatedCopiesOnce() {
        story("a", "cluster-1", T0, "RUS USA THREATEN -7 ASSERTED");
        story("a-copy", "cluster-1", T0.plusSeconds(60), "RUS USA THREATEN -7 ASSERTED");
        story("b", "cluster-2", T0.plusSeconds(600), "RUS USA CONSULT 1 ASSERTED");
        assertThat(windows.isEmpty()).as("no window closes before its end plus grace").isTrue();

        story("later", "cluster-3", T0.plus(Duration.ofHours(2)), "FRA DEU CONSULT 1 ASSERTED");

        List<DyadWindow> hourly = closed("HOUR");
        assertThat(hourly).singleElement().satisfies(w -> {
            assertThat(w.getSource()).isEqualTo("RUS");
            assertThat(w.getTarget()).isEqualTo("USA");
            assertThat(w.getWindowStart()).isEqualTo(Instant.parse("2022-01-26T10:00:00Z"));
            assertThat(w.getWindowEnd()).isEqualTo(Instant.parse("2022-01-26T11:00:00Z"));
            assertThat(w.getSignals()).isEqualTo(2);
            assertThat(w.getStories()).isEqualTo(2);
            assertThat(w.getCategories()).containsEntry("THREATEN", 1).containsEntry("CONSULT", 1);
            assertThat(w.getIntensitySum()).isEqualTo(-6.0);
            assertThat(w.getConflictShare()).isEqualTo(0.5);
            assertThat(w.getStrongest().getCategory()).isEqualTo(PloverCategory.THREATEN);
        });
    }

    @Test
    void shouldLeaveNegatedAndDeniedSignalsOutOfDyads() {
        story("a", "c1", T0, "RUS UKR ASSAULT -10 DENIED", "RUS USA THREATEN -7 NEGATED");
        story("later", "c2", T0.plus(Duration.ofDays(2)), "FRA DEU CONSULT 1 ASSERTED");

        assertThat(windows.readValuesToList()).noneMatch(w -> w.getSource().equals("RUS"));
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void shouldWeighConditionalThreatsHalf() {
        story("a", "c1", T0, "RUS WST THREATEN -7 CONDITIONAL");
        story("later", "c2", T0.plus(Duration.ofHours(3)), "FRA DEU CONSULT 1 ASSERTED");

        assertThat(closed("HOUR")).singleElement().satisfies(w -> assertThat(w.getIntensitySum()).isEqualTo(-3.5));
    }

    @Test
    void shouldReportAShiftFromADayOfTalksToADayOfThreatsWithEvidenceOfBoth() {
        story("talks", "c1", T0, "RUS USA CONSULT 1 ASSERTED");
        story("threat", "c2", T0.plus(Duration.ofDays(1)), "RUS USA THREATEN -7 CONDITIONAL");
        story("closes-the-day", "c3", T0.plus(Duration.ofDays(2)), "FRA DEU CONSULT 1 ASSERTED");

        assertThat(changes.readValuesToList()).filteredOn(c -> c.getKind() == StanceChangeKind.SHIFT)
                .singleElement().satisfies(change -> {
                    assertThat(change.getBefore()).isEqualTo(StanceLevel.COOPERATION);
                    assertThat(change.getAfter()).isEqualTo(StanceLevel.THREAT);
                    assertThat(change.getAt()).as("judged when the day closes").isEqualTo(
                            Instant.parse("2022-01-28T00:00:00Z"));
                    assertThat(change.getStoryId()).as("a day, not one story").isNull();
                    assertThat(change.getEvidenceBefore().getCategory()).isEqualTo(PloverCategory.CONSULT);
                    assertThat(change.getEvidenceAfter().getCategory()).isEqualTo(PloverCategory.THREATEN);
                });
    }

    @Test
    void shouldNotFlipBetweenForceAndCooperationFromOneStoryToTheNextOnOneDay() {
        story("talks", "c1", T0, "RUS UKR CONSULT 1 ASSERTED");
        Instant day2 = T0.plus(Duration.ofDays(1));
        story("shelling", "c2", day2, "RUS UKR ASSAULT -9 ASSERTED");
        story("aid", "c3", day2.plusSeconds(600), "RUS UKR CONSULT 1 ASSERTED");
        story("more-shelling", "c4", day2.plusSeconds(1200), "RUS UKR ASSAULT -9 ASSERTED");
        story("more-talks", "c5", day2.plusSeconds(1800), "RUS UKR CONSULT 1 ASSERTED");
        story("closes-the-day", "c6", T0.plus(Duration.ofDays(2)), "FRA DEU CONSULT 1 ASSERTED");

        assertThat(changes.readValuesToList()).as("a mixed day holds the level: no shift at all")
                .noneMatch(c -> c.getKind() == StanceChangeKind.SHIFT);
    }

    @Test
    void shouldShiftOnlyWhenANewLevelHoldsAClearMajorityOfTheDay() {
        assertThat(StanceShiftDetector.dominant(DyadWindow.newBuilder().setSource("RUS").setTarget("UKR")
                .setWindow("DAY").setWindowStart(T0).setWindowEnd(T0).setSignals(5)
                .setCategories(java.util.Map.of("ASSAULT", 3, "CONSULT", 2)).build()))
                .isEqualTo(new StanceShiftDetector.Dominant(StanceLevel.FORCE, 0.6));
        assertThat(StanceShiftDetector.dominant(DyadWindow.newBuilder().setSource("RUS").setTarget("UKR")
                .setWindow("DAY").setWindowStart(T0).setWindowEnd(T0).setSignals(2)
                .setCategories(java.util.Map.of("ASSAULT", 1, "CONSULT", 1)).build()))
                .as("a tie goes to the harder level, at half: below the switch share")
                .isEqualTo(new StanceShiftDetector.Dominant(StanceLevel.FORCE, 0.5));
    }

    @Test
    void shouldNotReportAShiftWithinOneStoryOrBetweenCopiesOfIt() {
        story("mixed", "c1", T0, "RUS USA CONSULT 1 ASSERTED", "RUS USA THREATEN -7 ASSERTED");
        story("mixed-copy", "c1", T0.plusSeconds(30), "RUS USA CONSULT 1 ASSERTED");

        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void shouldNotLetALateStoryRewriteTheDyadsPresent() {
        story("threat", "c1", T0.plus(Duration.ofHours(5)), "RUS USA THREATEN -7 ASSERTED");
        story("old-talks", "c2", T0, "RUS USA CONSULT 1 ASSERTED");

        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void shouldReportAFallOfTheDailyIndexBeyondTheStep() {
        story("d1", "c1", T0, "RUS USA CONSULT 4 ASSERTED");
        story("d2", "c2", T0.plus(Duration.ofDays(1)), "RUS USA CONSULT 1 ASSERTED", "RUS USA REJECT -4 ASSERTED");
        story("d4", "c3", T0.plus(Duration.ofDays(3)), "FRA DEU CONSULT 1 ASSERTED");

        List<StanceChange> drops = changes.readValuesToList().stream()
                .filter(c -> c.getKind() == StanceChangeKind.INDEX_DROP).toList();
        assertThat(drops).singleElement().satisfies(drop -> {
            assertThat(drop.getBeforeIndex()).isEqualTo(4.0);
            assertThat(drop.getAfterIndex()).isEqualTo(-1.5);
            assertThat(drop.getEvidenceAfter().getCategory()).isEqualTo(PloverCategory.REJECT);
        });
    }

    @Test
    void shouldAnswerTimelineQueriesFromTheDailyStore() {
        story("d1", "c1", T0, "RUS USA REJECT -4 ASSERTED");
        WindowStore<String, DyadWindow> store = driver.getWindowStore(DyadTopology.DAILY_STORE);

        try (var days = store.fetch("RUS->USA", T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)))) {
            assertThat(days.hasNext()).isTrue();
            assertThat(days.next().value.getCategories()).containsEntry("REJECT", 1);
        }
    }
}
