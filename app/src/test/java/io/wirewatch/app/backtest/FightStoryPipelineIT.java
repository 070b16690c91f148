package io.wirewatch.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.alerts.rules.RulesFile;
import io.wirewatch.nlp.Enrichers;
import io.wirewatch.ingest.ReadResult;
import io.wirewatch.ingest.StoryReader;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.QuadClass;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Story;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a story of air strikes and shelling was coded as fighting and raised nothing, because the bundled
 * rules did not know the category FIGHT. Here the story goes through the whole pipeline (the story reader, the
 * enrichment topology, the alert topology with the bundled rules) and must come out as an alert Russia → Ukraine.
 */
class FightStoryPipelineIT {

    private static final Instant READ = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant RAISED = Instant.parse("2024-05-15T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldAlertRussiaToUkraineOnAStoryOfAirStrikesAndShelling() throws Exception {
        Path file = dir.resolve("2024-05-14-air-strikes.txt");
        try (InputStream in = getClass().getResourceAsStream("/stories/2024-05-14-air-strikes.txt")) {
            Files.copy(in, file);
        }
        Story story = ((ReadResult.Read) StoryReader.read(file, Clock.fixed(READ, ZoneOffset.UTC))).story();

        Backtest.Result result = Backtest.run(List.of(story), RulesFile.loadDefault(),
                Enrichers.standard(Clock.fixed(READ, ZoneOffset.UTC)), RAISED);

        assertThat(result.alerts()).singleElement().satisfies((Alert alert) -> {
            assertThat(alert.getRuleId()).isEqualTo("escalation");
            assertThat(alert.getDyad()).isEqualTo("RUS->UKR");
            assertThat(alert.getQuadClass()).isEqualTo(QuadClass.MATERIAL_CONFLICT);
            assertThat(alert.getEvidence().get(0).getCategory()).isIn(PloverCategory.FIGHT, PloverCategory.ASSAULT);
            assertThat(alert.getSeverity()).isGreaterThanOrEqualTo(Severity.HIGH);
            assertThat(alert.getExplanation()).contains("Rule escalation v3.");
        });
    }
}
