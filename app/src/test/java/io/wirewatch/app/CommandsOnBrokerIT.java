package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands that talk to a cluster, run against the embedded broker with the samples ingested. */
class CommandsOnBrokerIT {

    @TempDir
    static Path dir;

    static Pipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.start(new Pipeline.Config(dir.resolve("data"), 0, "127.0.0.1", 0, null,
                Clock.systemUTC()), Duration.ofSeconds(90));
        SeedScenario.ingest(pipeline.bootstrapServers(), Samples.extractTo(dir.resolve("samples")));
        Awaitility.await("alerts for the samples").atMost(Duration.ofSeconds(90))
                .until(() -> KafkaProbe.readAll(pipeline.bootstrapServers(), Topics.ALERTS.name(),
                        Topics.ALERTS.valueSerde().deserializer()).size() >= 2);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setOut(new PrintWriter(out, true));
        int code = line.execute(args);
        assertThat(code).as("exit code of wirewatch %s", String.join(" ", args)).isZero();
        return out.toString();
    }

    @Test
    void shouldTailAlertsAsJsonLinesFilteredBySeverityAndActor() throws Exception {
        String all = run("alerts", "tail", "-b", pipeline.bootstrapServers(), "--from-beginning", "--exit-at-end");
        List<String> lines = all.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        for (String line : lines) {
            JsonNode alert = AvroJson.mapper().readTree(line);
            assertThat(alert.get("ruleId").asText()).isNotBlank();
        }

        String critical = run("alerts", "tail", "-b", pipeline.bootstrapServers(), "--from-beginning",
                "--exit-at-end", "--min-severity", "CRITICAL");
        assertThat(critical).contains("no concessions to Russia").doesNotContain("\"severity\":\"MEDIUM\"");

        String nato = run("alerts", "tail", "-b", pipeline.bootstrapServers(), "--from-beginning", "--exit-at-end",
                "--actor", "NATO");
        assertThat(nato.lines().filter(l -> !l.isBlank()).toList()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("NATO"));
    }

    @Test
    void shouldExportTheAlertsAndStoriesOfAFilterNamingActorsByName() throws Exception {
        String csv = run("alerts", "export", "-b", pipeline.bootstrapServers(), "--format", "csv", "--actor",
                "russia", "--from", "2022-01-01", "--to", "2022-12-31");
        List<String> rows = List.of(csv.split("\r\n"));
        assertThat(rows.get(0)).startsWith("id,severity,rule,story_day,");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).startsWith("al-").contains("RUS"));

        String quiet = run("alerts", "export", "-b", pipeline.bootstrapServers(), "--stories", "--quiet-only",
                "--format", "jsonl");
        List<String> lines = quiet.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line ->
                assertThat(AvroJson.mapper().readTree(line).get("signals").asInt()).isZero());

        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute("alerts", "export", "-b", pipeline.bootstrapServers(), "--actor", "Rusia")).isOne();
        assertThat(err.toString()).contains("no actor named 'Rusia'", "Russia (RUS)");
    }

    @Test
    void shouldReplayArchivedStoriesOfATimeRangeWithoutTouchingTheArchive() throws Exception {
        int archived = KafkaProbe.readAll(pipeline.bootstrapServers(), Topics.STORIES_RAW.name(),
                Topics.STORIES_RAW.valueSerde().deserializer()).size();
        List<String> enrichedBefore = enrichedTitles();

        String out = run("replay", "-b", pipeline.bootstrapServers(), "--from", "2022-02-01", "--to", "2022-02-09");

        assertThat(out).contains("Replayed 2 stories");
        List<String> enrichedAfter = new java.util.ArrayList<>(enrichedTitles());
        enrichedBefore.forEach(enrichedAfter::remove);
        assertThat(enrichedAfter).as("enriched again by the replay run")
                .containsExactlyInAnyOrder("Troops pull back from border area as ceasefire holds",
                        "Belarus denies plans to host permanent foreign bases");
        assertThat(KafkaProbe.readAll(pipeline.bootstrapServers(), Topics.STORIES_RAW.name(),
                Topics.STORIES_RAW.valueSerde().deserializer())).hasSize(archived);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers",
                pipeline.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).as("the run's own topics are gone")
                    .noneMatch(name -> name.startsWith("wirewatch-replay-"));
        }
    }

    private static List<String> enrichedTitles() {
        return KafkaProbe.readAll(pipeline.bootstrapServers(), Topics.STORIES_ENRICHED.name(),
                Topics.STORIES_ENRICHED.valueSerde().deserializer()).stream()
                .map(record -> record.value().getStory().getTitle()).toList();
    }
}
