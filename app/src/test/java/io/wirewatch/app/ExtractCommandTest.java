package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneJsonObjectPerPageReadingGzipTransparently() throws Exception {
        Path page = dir.resolve("talks.html.gz");
        CommandTestSupport.gzip(page, CommandTestSupport.page("Moscow rejects talks offer", "MOSCOW (AP) —",
                "Russia on Wednesday rejected an offer of talks, saying there would be no concessions on its demands.",
                "The foreign ministry said Moscow would take retaliatory measures if its security was threatened.",
                "Western officials said the door to diplomacy remained open, despite the harsh words from Moscow."));
        Path missing = dir.resolve("missing.html");

        var run = CommandTestSupport.run(new ExtractCommand(), page.toString(), missing.toString(),
                "--url", "https://wire.example/2022/01/26/moscow-rejects-talks");

        assertThat(run.exitCode()).isEqualTo(1);
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode story = new ObjectMapper().readTree(lines[0]);
        assertThat(story.path("title").asText()).isEqualTo("Moscow rejects talks offer");
        assertThat(story.path("dateline").asText()).isEqualTo("MOSCOW");
        assertThat(story.path("wire").asText()).isEqualTo("AP");
        assertThat(story.path("publishedAt").asText()).isEqualTo("2022-01-26T10:00:00Z");
        assertThat(story.path("body").asText()).contains("no concessions", "retaliatory measures")
                .doesNotContain("Related Articles", "Back to top", "Share");
        assertThat(story.path("paragraphs")).hasSize(3);
        JsonNode error = new ObjectMapper().readTree(lines[1]);
        assertThat(error.path("source").asText()).isEqualTo(missing.toString());
        assertThat(error.path("error").asText()).isNotBlank();
    }

    @Test
    void shouldRefuseToRunWithoutAPath() {
        assertThat(CommandTestSupport.run(new ExtractCommand()).exitCode()).isEqualTo(2);
    }
}
