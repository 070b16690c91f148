package io.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.alerts.topology.AlertsTopology;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Topics;
import io.wirewatch.schema.streams.DeadLetterHandlers;
import io.wirewatch.schema.streams.FailuresToDeadLetters;
import io.wirewatch.schema.streams.OversizedToDeadLetters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a record that makes a processor of the alert topology throw, past the judging step that turns its own
 * failures into dead letters, goes to news.dlq with the reason, and the service goes on with the next record; it
 * used to fail the stream thread, which was replaced onto the same record for ever.
 */
class AlertsServiceDeadLettersTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void shouldInstallTheDeadLetterHandlersWithTheAlertsStage() {
        Properties properties = AlertsService.properties(config());

        assertThat(properties).containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        FailuresToDeadLetters.class.getName())
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        OversizedToDeadLetters.class.getName())
                .containsEntry(DeadLetterHandlers.STAGE_CONFIG, AlertsTopology.STAGE);
    }

    @Test
    void shouldSendARecordThatMakesDeduplicationThrowToTheDeadLettersAndGoOn() {
        // The rules are asked once to judge a story and once more to de-duplicate its candidate: the second time
        // they fail, as a broken reload would, inside the de-duplicating processor.
        AtomicInteger asked = new AtomicInteger();
        Supplier<RuleSet> rules = () -> {
            if (asked.incrementAndGet() == 2) {
                throw new IllegalStateException("rules unavailable while de-duplicating");
            }
            return DefaultRules.ruleSet();
        };
        try (TopologyTestDriver driver = new TopologyTestDriver(AlertsTopology.build(
                AlertsTopology.Config.of(rules, Clock.fixed(NOW, ZoneOffset.UTC))), AlertsService.properties(config()))) {
            TestInputTopic<String, EnrichedStory> stories = driver.createInputTopic(Topics.STORIES_ENRICHED.name(),
                    Serdes.String().serializer(), Topics.STORIES_ENRICHED.valueSerde().serializer());
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(Topics.ALERTS.name(),
                    Serdes.String().deserializer(), Topics.ALERTS.valueSerde().deserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(Topics.DLQ.name(),
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

            stories.pipeInput("poison", Stories.seed("poison", null), Stories.PUBLISHED);
            stories.pipeInput("next", Stories.seed("next", null), Stories.PUBLISHED);

            List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
            assertThat(letters).singleElement().satisfies(letter -> {
                DeadLetter why = DeadLetter.from(letter.headers());
                assertThat(why).isNotNull();
                assertThat(why.stage()).isEqualTo(AlertsTopology.STAGE);
                assertThat(why.errorClass()).isEqualTo(IllegalStateException.class.getName());
                assertThat(why.message()).contains("deduplicate", "rules unavailable while de-duplicating");
            });
            assertThat(alerts.readValuesToList()).extracting(Alert::getStoryId).contains("next");
        }
    }

    private AlertsService.Config config() {
        return new AlertsService.Config("unused:9092", "alerts-dead-letters-test", stateDir, "127.0.0.1", 0,
                Map.of(), null, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
