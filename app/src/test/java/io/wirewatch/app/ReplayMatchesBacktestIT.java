package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.AlertsService;
import io.wirewatch.alerts.rules.RulesFile;
import io.wirewatch.app.backtest.Backtest;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.nlp.Enrichers;
import io.wirewatch.ingest.IngestReport;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 500 stories spread over six weeks, ingested out of event-time order as archives are, then replayed through the
 * live enrichment topology and judged by the live alert service on the embedded broker, give exactly the
 * backtest's windows, stance changes and alerts.
 */
class ReplayMatchesBacktestIT {

    private static final Instant FIRST_DAY = Instant.parse("2022-01-10T00:00:00Z");
    private static final int DAYS = 42;

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheBacktestsWindowsChangesAndAlertsWhenReplayingAnOutOfOrderArchive() throws Exception {
        Path archive = dir.resolve("archive.jsonl");
        Files.write(archive, HistoricalStories.jsonLines(500, FIRST_DAY, DAYS, new Random(16)));

        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(dir.resolve("kafka"), 0));
             AlertsService alerts = AlertsService.start(AlertsService.Config.of(broker.bootstrapServers(),
                     dir.resolve("alerts"), 0))) {
            String bootstrap = broker.bootstrapServers();
            IngestReport ingested;
            try (IngestService ingest = new IngestService(IngestService.Config.of(bootstrap))) {
                ingested = ingest.ingest(List.of(archive));
            }
            assertThat(ingested.failures()).isEmpty();
            List<Story> stories = values(bootstrap, Topics.STORIES_RAW.name(), Story.class);
            assertThat(stories).hasSize(ingested.produced()).hasSizeGreaterThan(450);

            String out = wirewatch("replay", "-b", bootstrap, "--from", "2022-01-01", "--to",
                    "2022-03-01");
            assertThat(out).startsWith("Replayed " + stories.size() + " stories");

            Backtest.Result oracle = Backtest.run(stories, RulesFile.loadDefault(),
                    Enrichers.standard(Clock.systemUTC()), Instant.parse("2022-03-01T00:00:00Z"));
            assertThat(oracle.stanceChanges()).as("a history worth comparing").hasSizeGreaterThan(20);
            assertThat(oracle.closedWindows()).hasSizeGreaterThan(100);
            assertThat(oracle.alerts()).hasSizeGreaterThan(20);

            // The backtest runs the whole topology as one task, so a story without signals advances the windows'
            // stream time too; on a cluster only the pair's own signals do. The windows of the archive's last day
            // (closed in the backtest by later quiet stories) are still open at the end of the replay: every other
            // window must be there, exactly.
            List<DyadWindow> replayed = values(bootstrap, Topics.DYADS_ESCALATION.name(), DyadWindow.class);
            Instant lastDay = FIRST_DAY.plus(Duration.ofDays(DAYS - 2));
            assertThat(json(replayed)).as("closed hourly and daily windows")
                    .containsAll(json(oracle.closedWindows().stream()
                            .filter(window -> window.getWindowEnd().isBefore(lastDay)).toList()));
            assertThat(replayed).as("windows of the last days that the replay closed too")
                    .allSatisfy(window -> assertThat(json(oracle.closedWindows())).containsAll(json(List.of(window))));
            assertThat(json(values(bootstrap, Topics.STANCE_CHANGES.name(), StanceChange.class)))
                    .as("stance changes").containsExactlyElementsOf(json(oracle.stanceChanges()));
            Awaitility.await("the alert service has judged the replay").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> values(bootstrap, Topics.ALERTS.name(), Alert.class).size()
                            >= oracle.alerts().size());
            assertThat(alertFacts(values(bootstrap, Topics.ALERTS.name(), Alert.class)))
                    .as("alerts (all but the time they were raised)")
                    .containsExactlyElementsOf(alertFacts(oracle.alerts()));
        }
    }

    private static String wirewatch(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = Main.commandLine();
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        int code = line.execute(args);
        assertThat(code).as("exit code of wirewatch %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }

    private static <V extends SpecificRecord> List<V> values(String bootstrap, String topic, Class<V> type) {
        AvroSerde<V> serde = AvroSerde.of(type);
        List<V> values = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : KafkaProbe.readAll(bootstrap, topic,
                new ByteArrayDeserializer())) {
            values.add(serde.decode(record.value()));
        }
        return values;
    }

    private static List<String> json(List<? extends SpecificRecord> records) {
        List<String> lines = new ArrayList<>();
        records.forEach(record -> lines.add(AvroJson.toJson((org.apache.avro.generic.IndexedRecord) record)));
        Collections.sort(lines);
        return lines;
    }

    private static List<String> alertFacts(List<Alert> alerts) {
        List<String> facts = new ArrayList<>();
        for (Alert alert : alerts) {
            Alert copy = Alert.newBuilder(alert).setRaisedAt(Instant.EPOCH).build();
            facts.add(AvroJson.toJson(copy));
        }
        Collections.sort(facts);
        return facts;
    }
}
