package io.wirewatch.alerts.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.rules.AlertIds;
import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.Rule;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.rules.RulesFile;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.StanceLevel;
import io.wirewatch.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsTopologyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path stateDir;

    private final AtomicReference<RuleSet> rules = new AtomicReference<>(DefaultRules.ruleSet());
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedStory> stories;
    private TestInputTopic<byte[], byte[]> rawStories;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<String, String> alertsJson;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(AlertsTopology.build(
                AlertsTopology.Config.of(rules::get, Clock.fixed(NOW, ZoneOffset.UTC))), props);
        stories = driver.createInputTopic(Topics.STORIES_ENRICHED.name(), Serdes.String().serializer(),
                Topics.STORIES_ENRICHED.valueSerde().serializer());
        rawStories = driver.createInputTopic(Topics.STORIES_ENRICHED.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        alertsJson = driver.createOutputTopic(Topics.ALERTS_JSON.name(), Serdes.String().deserializer(),
                Serdes.String().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(EnrichedStory story) {
        stories.pipeInput(story.getStory().getId(), story, Stories.PUBLISHED);
    }

    @Test
    void shouldFlagRetaliationThreatFromLavrov() {
        send(Stories.seed());

        List<TestRecord<String, Alert>> raised = alerts.readRecordsToList();
        assertThat(raised).isNotEmpty();
        assertThat(raised).as("one story, one alert").hasSize(1);
        Alert language = raised.get(0).value();
        assertThat(language.getRuleId()).isEqualTo("escalation");
        assertThat(language.getEvidence()).extracting(Signal::getEvidence)
                .containsExactly("Moscow will take the necessary retaliatory measures", "no concessions");
        assertThat(language.getExplanation()).contains(
                "Sergei Lavrov (RUS) threatened the West: 'Moscow will take the necessary retaliatory measures' "
                        + "(conditional)");
        assertThat(language.getTitle()).startsWith("Sergei Lavrov (RUS) threatened the West");
        assertThat(language.getDyad()).isEqualTo("RUS->WST");
        assertThat(language.getActors()).containsExactly("RUS", "USA", "WST");
        assertThat(language.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(language.getRuleVersion()).isEqualTo("3");
        assertThat(language.getRaisedAt()).isEqualTo(NOW);
        assertThat(raised).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getId()));

        List<TestRecord<String, String>> json = alertsJson.readRecordsToList();
        assertThat(json).hasSameSizeAs(raised);
        TestRecord<String, String> languageJson = json.stream().filter(r -> r.key().equals(language.getId()))
                .findFirst().orElseThrow();
        assertThat(languageJson.value()).isEqualTo(AvroJson.toJson(language));
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldRaiseOneAlertPerStoryWhateverItsScoreWithSeverityFromTheScore() {
        send(Stories.seed());
        EnrichedStory hotter = EnrichedStory.newBuilder(Stories.seed("seed-hot", null)).setEscalationScore(30.5).build();
        send(hotter);

        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::getStoryId).containsExactly("seed-1", "seed-hot");
        assertThat(raised).extracting(Alert::getRuleId).containsOnly("escalation");
        assertThat(raised).extracting(Alert::getSeverity).as("a threat heads both; the score raises the second")
                .containsExactly(Severity.MEDIUM, Severity.HIGH);
    }

    @Test
    void shouldStayQuietOnBusinessStoryAndDeEscalation() {
        send(Stories.business());
        send(Stories.deEscalation());

        assertThat(alerts.isEmpty()).isTrue();
        assertThat(alertsJson.isEmpty()).isTrue();
    }

    @Test
    void shouldNotFireOnNegatedOrDeniedSignalsEvenWithAHighScore() {
        EnrichedStory denial = EnrichedStory.newBuilder(Stories.denial()).setEscalationScore(30.0).build();
        send(denial);

        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldRaiseOneAlertWhenTheSameStoryArrivesTwice() {
        send(Stories.seed());
        send(Stories.seed());

        assertThat(alerts.readValuesToList()).extracting(Alert::getRuleId).containsExactly("escalation");
        assertThat(alertsJson.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldRaiseOneAlertForSyndicatedCopiesInOneCluster() {
        send(Stories.seed("copy-a", "cluster-7"));
        send(Stories.seed("copy-b", "cluster-7"));
        send(Stories.seed("other", "cluster-8"));

        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).extracting(Alert::getStoryId).containsExactly("copy-a", "other");
        assertThat(raised).extracting(Alert::getClusterId).containsExactly("cluster-7", "cluster-8");
    }

    @Test
    void shouldGiveTheSameIdToTheSameStoryUnderTheSameRuleVersionOnly() {
        send(Stories.seed());
        String first = alerts.readValue().getId();

        rules.set(RuleSet.of("test", Rule.of("escalation", "4", "Escalation language, v4")));
        send(Stories.seed());
        Alert second = alerts.readValue();

        assertThat(second.getRuleVersion()).isEqualTo("4");
        assertThat(second.getId()).isNotEqualTo(first);
    }

    @Test
    void shouldHoldARuleQuietForItsCooldownOnTheSameDyad() {
        rules.set(RuleSet.of("test", Rule.of("threats", "1", "Threats").withCategories(Set.of(PloverCategory.THREATEN))
                .withCooldown(Duration.ofHours(6))));
        stories.pipeInput("a", Stories.seed("a", null), Stories.PUBLISHED);
        stories.pipeInput("b", Stories.seed("b", null), Stories.PUBLISHED.plus(Duration.ofHours(1)));
        stories.pipeInput("c", Stories.seed("c", null), Stories.PUBLISHED.plus(Duration.ofHours(7)));

        assertThat(alerts.readValuesToList()).extracting(Alert::getStoryId).containsExactly("a", "c");
    }

    @Test
    void shouldSendPoisonBytesToTheDeadLetterQueueAndGoOn() {
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
        rawStories.pipeInput("bad-key".getBytes(StandardCharsets.UTF_8), poison);
        send(Stories.seed());

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad-key");
        DeadLetter letter = DeadLetter.from(dead.headers());
        assertThat(letter).isNotNull();
        assertThat(letter.stage()).isEqualTo("alerts");
        assertThat(letter.topic()).isEqualTo(Topics.STORIES_ENRICHED.name());
        assertThat(letter.partition()).isEqualTo(0);
        assertThat(letter.offset()).isEqualTo(0L);
        assertThat(letter.message()).contains("EnrichedStory");
        assertThat(dlq.isEmpty()).isTrue();

        assertThat(alerts.readValuesToList()).extracting(Alert::getStoryId).containsExactly("seed-1");
    }

    @Test
    void shouldLetTheStrongerModalityDecideWhichSignalLeadsTheTitle() {
        String s = "Officials warned they might impose sanctions.";
        EnrichedStory story = Stories.enriched(Stories.story("spec-1", "Officials mull sanctions", null, s),
                List.of(), List.of(Stories.signal("SANCTION", -5.0, Modality.SPECULATIVE, "USA", "RUS", null,
                        "might impose sanctions", s)), 0.0);
        send(story);

        assertThat(alerts.isEmpty()).as("speculation is not in the default modalities").isTrue();
    }

    @Test
    void shouldWaitForIndependentSourcesBeforeFiring() {
        rules.set(RuleSet.of("test", Rule.of("corroborated", "1", "Corroborated threats")
                .withCategories(Set.of(PloverCategory.THREATEN)).withMinSources(2)));
        send(fromWire(Stories.seed("ap-copy", "cluster-1"), "AP"));
        send(fromWire(Stories.seed("ap-copy-2", "cluster-1"), "AP"));
        assertThat(alerts.isEmpty()).as("one wire twice is one source").isTrue();

        send(fromWire(Stories.seed("reuters-copy", "cluster-1"), "Reuters"));
        assertThat(alerts.readValuesToList()).extracting(Alert::getStoryId).containsExactly("reuters-copy");

        send(fromWire(Stories.seed("afp-copy", "cluster-1"), "AFP"));
        assertThat(alerts.isEmpty()).as("the cluster has its alert").isTrue();
    }

    private static EnrichedStory fromWire(EnrichedStory story, String wire) {
        return EnrichedStory.newBuilder(story)
                .setStory(io.wirewatch.schema.Story.newBuilder(story.getStory()).setWire(wire).build()).build();
    }

    @Test
    void shouldForgetIdsAndWaitingSourcesAfterTheRetention(@TempDir Path otherState) {
        rules.set(RuleSet.of("test", Rule.of("corroborated", "1", "Corroborated").withCategories(Set.of(PloverCategory.THREATEN))
                .withMinSources(2), Rule.of("threats", "1", "Threats").withCategories(Set.of(PloverCategory.THREATEN))));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-retention-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, otherState.toString());
        try (TopologyTestDriver retaining = new TopologyTestDriver(AlertsTopology.build(new AlertsTopology.Config(
                rules::get, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1), false, false, Duration.ofHours(1))), props, NOW)) {
            TestInputTopic<String, EnrichedStory> in = retaining.createInputTopic(Topics.STORIES_ENRICHED.name(),
                    Serdes.String().serializer(), Topics.STORIES_ENRICHED.valueSerde().serializer());
            TestOutputTopic<String, Alert> out = retaining.createOutputTopic(Topics.ALERTS.name(),
                    Serdes.String().deserializer(), Topics.ALERTS.valueSerde().deserializer());
            in.pipeInput("a", fromWire(Stories.seed("a", "cluster-9"), "AP"));
            assertThat(out.readValuesToList()).extracting(Alert::getRuleId).containsExactly("threats");
            in.pipeInput("a", fromWire(Stories.seed("a", "cluster-9"), "AP"));
            assertThat(out.isEmpty()).as("within the retention: already raised").isTrue();
            var kept = retaining.<String, byte[]>getTimestampedKeyValueStore(AlertsTopology.STORIES_STORE);
            assertThat(kept.get("a")).as("the story is kept for the dashboard").isNotNull();
            assertThat(Topics.STORIES_ENRICHED.valueSerde().deserializer().deserialize("t", kept.get("a").value())
                    .getStory().getId()).isEqualTo("a");

            retaining.advanceWallClockTime(Duration.ofHours(2));
            assertThat(kept.get("a")).as("and forgotten after its retention").isNull();

            in.pipeInput("b", fromWire(Stories.seed("b", "cluster-9"), "Reuters"));
            assertThat(out.readValuesToList()).extracting(Alert::getRuleId)
                    .as("the id is forgotten, and so is the waiting AP source: Reuters alone is one source")
                    .containsExactly("threats");
        }
    }

    private static StanceChange change(String id, String from, String to, String storyId) {
        String s = "\u201CIf the West continues its aggressive course, Moscow will take the necessary retaliatory "
                + "measures,\u201D Lavrov said.";
        String t = "Lavrov said Moscow was ready to discuss arms control.";
        return StanceChange.newBuilder().setId(id).setSource("RUS").setTarget("WST").setKind(StanceChangeKind.SHIFT)
                .setBefore(StanceLevel.valueOf(from)).setAfter(StanceLevel.valueOf(to)).setAt(Stories.PUBLISHED).setStoryId(storyId)
                .setEvidenceBefore(Stories.signal("CONSULT", 1.0, Modality.ASSERTED, "RUS", "WST", "Sergei Lavrov",
                        "discuss arms control", t))
                .setEvidenceAfter(Stories.signal("THREATEN", -4.4, Modality.CONDITIONAL, "RUS", "WST",
                        "Sergei Lavrov", "retaliatory measures", s))
                .build();
    }

    @Test
    void shouldRaiseAnAlertOnAStanceChangeThatARuleWatches() {
        rules.set(RulesFile.parse("""
                rules:
                  - id: turned-hostile
                    version: 1
                    description: A dyad turned from cooperation to threat
                    on: stanceChange
                    from: [COOPERATION]
                    to: [THREAT, FORCE]
                    dyads: ["RUS->*"]
                    severity: {min: MEDIUM, headline: {FORCE: HIGH}}
                """, "test.yml"));
        TestInputTopic<String, StanceChange> changes = driver.createInputTopic(Topics.STANCE_CHANGES.name(),
                Serdes.String().serializer(), Topics.STANCE_CHANGES.valueSerde().serializer());

        changes.pipeInput("RUS->WST", change("sc-1", "COOPERATION", "THREAT", "story-9"), Stories.PUBLISHED);
        changes.pipeInput("RUS->WST", change("sc-2", "PRESSURE", "THREAT", "story-9"), Stories.PUBLISHED);
        changes.pipeInput("RUS->WST", change("sc-1", "COOPERATION", "THREAT", "story-9"), Stories.PUBLISHED);
        send(Stories.seed());

        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).as("from PRESSURE does not match; the replayed change is the same alert; no story rule")
                .hasSize(1);
        Alert alert = raised.get(0);
        assertThat(alert.getRuleId()).isEqualTo("turned-hostile");
        assertThat(alert.getId()).isEqualTo(AlertIds.of("turned-hostile", "1", "stance:sc-1", null));
        assertThat(alert.getTitle()).isEqualTo("RUS->WST moved from cooperation to threat: 'retaliatory measures' "
                + "(threatened, conditional)");
        assertThat(alert.getExplanation()).isEqualTo("A dyad turned from cooperation to threat. RUS->WST moved from "
                + "cooperation to threat (before 'discuss arms control' (consulted, asserted); after "
                + "'retaliatory measures' (threatened, conditional)). Rule turned-hostile v1.");
        assertThat(alert.getDyad()).isEqualTo("RUS->WST");
        assertThat(alert.getActors()).containsExactly("RUS", "WST");
        assertThat(alert.getStoryId()).isEqualTo("story-9");
        assertThat(alert.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.getEvidence()).extracting(Signal::getEvidence)
                .containsExactly("retaliatory measures", "discuss arms control");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldRaiseAnAlertOnADyadWindowBelowTheIndexThreshold() {
        rules.set(RulesFile.parse("""
                rules:
                  - id: hostile-day
                    version: 1
                    description: A hostile day between two actors
                    on: dyadWindow
                    windows: [DAY]
                    maxIndex: -4
                    minStories: 2
                    severity: {min: LOW, bands: {6: HIGH}}
                """, "test.yml"));
        TestInputTopic<String, DyadWindow> windows = driver.createInputTopic(Topics.DYADS_ESCALATION.name(),
                Serdes.String().serializer(), Topics.DYADS_ESCALATION.valueSerde().serializer());
        Instant start = Instant.parse("2022-01-26T00:00:00Z");
        DyadWindow hostile = DyadWindow.newBuilder().setSource("RUS").setTarget("USA").setWindow("DAY")
                .setWindowStart(start).setWindowEnd(start.plus(Duration.ofDays(1))).setCategories(java.util.Map.of(
                        "THREATEN", 3, "REJECT", 2)).setSignals(5).setStories(3).setIntensitySum(-32.0)
                .setIntensityMean(-6.4).setConflictShare(1.0).setStrongest(Stories.seed().getSignals().get(1))
                .build();

        windows.pipeInput("RUS->USA", hostile, start);
        windows.pipeInput("RUS->USA", DyadWindow.newBuilder(hostile).setIntensityMean(-2.0).setWindowStart(
                start.plus(Duration.ofDays(1))).build(), start);
        windows.pipeInput("RUS->USA", DyadWindow.newBuilder(hostile).setWindow("HOUR").build(), start);
        windows.pipeInput("RUS->USA", hostile, start);

        List<Alert> raised = alerts.readValuesToList();
        assertThat(raised).as("a milder day, an hourly window and the same window again raise nothing").hasSize(1);
        Alert alert = raised.get(0);
        assertThat(alert.getTitle()).isEqualTo("RUS->USA daily index -6.4: 5 signals in 3 stories, 100% conflict");
        assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(alert.getScore()).isEqualTo(6.4);
        assertThat(alert.getEvidence()).extracting(Signal::getEvidence)
                .containsExactly("Moscow will take the necessary retaliatory measures");
        assertThat(alert.getId()).isEqualTo(AlertIds.of("hostile-day", "1",
                "window:RUS->USA|DAY|" + start.toEpochMilli(), null));
    }
}
