package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryReaderDateTest {

    @TempDir
    Path dir;

    @Test
    void shouldTakeThePublicationDayFromTheFileNameWhenTheTextGivesNone() throws Exception {
        Path file = dir.resolve("2022-01-26-ap-no-concessions.txt");
        Files.writeString(file, "No concessions\n\nWASHINGTON – There will be no concessions, officials said.\n");

        ReadResult result = StoryReader.read(file, Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC));

        assertThat(((ReadResult.Read) result).story().getPublishedAt()).isEqualTo(Instant.parse("2022-01-26T00:00:00Z"));
    }

    @Test
    void shouldIgnoreNamesWithoutARealDate() {
        assertThat(StoryReader.dateInName(Path.of("story-2022-13-45.txt"))).isNull();
        assertThat(StoryReader.dateInName(Path.of("120220126.txt"))).isNull();
        assertThat(StoryReader.dateInName(Path.of("notes.txt"))).isNull();
    }
}
