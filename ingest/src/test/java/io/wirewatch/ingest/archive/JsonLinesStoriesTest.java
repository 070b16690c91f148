package io.wirewatch.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesStoriesTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadOneStoryPerLineAndReportBadLinesByNumber() throws Exception {
        Path file = dir.resolve("stories.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"url\": \"https://wire.example/a\", \"title\": \"Talks offered\", \"published\": \"2022-02-02T09:41:00Z\","
                        + " \"text\": \"OSLO (Reuters) - Norway offered on Wednesday to host talks on fishing quotas.\\n\\n"
                        + "The European Commission said it welcomed the offer.\"}",
                "",
                "{\"url\": \"https://wire.example/b\", \"html\": \"<html><head><title>Denial</title></head><body><p>"
                        + "MOSCOW (AFP) — The Kremlin on Thursday denied a newspaper report about its embassy, calling"
                        + " it pure invention and accusing the paper of stoking tension.</p></body></html>\"}",
                "this is not json",
                "{\"url\": \"https://wire.example/c\"}"), StandardCharsets.UTF_8);

        List<Story> stories = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        new JsonLinesStories(Clock.fixed(Instant.parse("2022-02-10T00:00:00Z"), ZoneOffset.UTC)).read(file,
                new WarcStories.Sink() {
                    @Override
                    public void story(String source, Story story) {
                        stories.add(story);
                    }

                    @Override
                    public void failure(String source, String reason) {
                        failures.add(source + ": " + reason);
                    }
                });

        assertThat(stories).extracting(Story::getTitle).containsExactly("Talks offered", "Denial");
        assertThat(stories.get(0).getPublishedAt()).isEqualTo(Instant.parse("2022-02-02T09:41:00Z"));
        assertThat(stories.get(0).getDateSource()).as("the line's \"published\" field").isEqualTo(DateSource.FILE);
        assertThat(stories.get(1).getPublishedAt()).isNull();
        assertThat(stories.get(1).getDateSource()).as("no field, no date on the page").isEqualTo(DateSource.READ);
        assertThat(stories.get(0).getParagraphs()).hasSize(2);
        assertThat(stories.get(0).getWire()).isEqualTo("Reuters");
        assertThat(stories.get(1).getWire()).isEqualTo("AFP");
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).contains("#line4", "not a JSON object");
        assertThat(failures.get(1)).contains("#line5", "neither");
    }
}
