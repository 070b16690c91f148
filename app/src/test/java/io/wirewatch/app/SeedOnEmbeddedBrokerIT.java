package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed scenario on the embedded broker, plus what only a local run can show: kcat and a restart. */
class SeedOnEmbeddedBrokerIT extends SeedScenario {

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        pipeline = Pipeline.start(config(), Duration.ofSeconds(90));
    }

    private static Pipeline.Config config() {
        return new Pipeline.Config(dataDir, 0, "127.0.0.1", 0, null, Clock.systemUTC());
    }

    @Test
    void shouldServeAlertsAsJsonToKcat() throws Exception {
        assumeTrue(onPath("kcat"), "kcat is not installed (CI installs it: apt-get install -y kcat)");
        ingest(bootstrapServers(), List.of(seed()));

        Awaitility.await("kcat sees the seed alert").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(kcat("-C", "-b", bootstrapServers(), "-t",
                        Topics.ALERTS_JSON.name(), "-o", "beginning", "-e", "-q"))
                        .containsAnyOf("no concessions", "retaliatory measures"));
    }

    @Test
    void shouldKeepStoriesAndAlertsAcrossARestartWithTheSameDataDir() {
        ingest(bootstrapServers(), List.of(seed()));
        Awaitility.await("seed alert before restart").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> !KafkaProbe.readAll(bootstrapServers(), Topics.ALERTS.name(),
                        Topics.ALERTS.valueSerde().deserializer()).isEmpty());
        int stories = KafkaProbe.readAll(bootstrapServers(), Topics.STORIES_RAW.name(),
                Topics.STORIES_RAW.valueSerde().deserializer()).size();

        pipeline.close();
        pipeline = Pipeline.start(config(), Duration.ofSeconds(90));

        assertThat(KafkaProbe.readAll(bootstrapServers(), Topics.STORIES_RAW.name(),
                Topics.STORIES_RAW.valueSerde().deserializer())).hasSize(stories);
        shouldShowTheSeedAlertAtTheRestApi();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String kcat(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("kcat"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kcat did not finish in 30 s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
