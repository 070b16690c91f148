package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.DateSource;
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
        assertThat(((ReadResult.Read) result).story().getDateSource()).isEqualTo(DateSource.FILE);
    }

    @Test
    void shouldMarkATextWithNoDateAnywhereAsStandingAtTheTimeItWasRead() throws Exception {
        ReadResult result = readText("talks.txt", "Talks offered\n\nGENEVA – Officials offered talks on Thursday.\n");

        var story = ((ReadResult.Read) result).story();
        assertThat(story.getPublishedAt()).isNull();
        assertThat(story.getDateSource()).isEqualTo(DateSource.READ);
        assertThat(story.getFetchedAt()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void shouldMarkAPagesOwnDateAsPublished() throws Exception {
        Path file = dir.resolve("page.html");
        Files.writeString(file, "<html><head><title>Talks offered</title><meta property=\"article:published_time\""
                + " content=\"2022-01-27T14:05:00+02:00\"></head><body><article><p>GENEVA – Officials offered talks"
                + " on Thursday, and said that more would come in the weeks ahead.</p></article></body></html>");

        var story = ((ReadResult.Read) StoryReader.read(file, Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"),
                ZoneOffset.UTC))).story();

        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2022-01-27T12:05:00Z"));
        assertThat(story.getDateSource()).isEqualTo(DateSource.PUBLISHED);
    }

    @Test
    void shouldIgnoreNamesWithoutARealDate() {
        assertThat(StoryReader.dateInName(Path.of("story-2022-13-45.txt"))).isNull();
        assertThat(StoryReader.dateInName(Path.of("120220126.txt"))).isNull();
        assertThat(StoryReader.dateInName(Path.of("notes.txt"))).isNull();
    }

    private ReadResult readText(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return StoryReader.read(file, Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void shouldTakeTheDateLineUnderTheTitleAsThePublicationTimeAndNotAsAParagraph() throws Exception {
        ReadResult result = readText("talks.txt", "Talks offered\nDate: 2022-01-27T14:05+02:00\n\n"
                + "GENEVA – Officials offered talks on Thursday.\n\nThey said more was to come.\n");

        var story = ((ReadResult.Read) result).story();
        assertThat(story.getPublishedAt()).isEqualTo(Instant.parse("2022-01-27T12:05:00Z"));
        assertThat(story.getPublishedLocal()).isEqualTo("2022-01-27T14:05:00+02:00");
        assertThat(story.getDateSource()).isEqualTo(DateSource.FILE);
        assertThat(story.getParagraphs()).containsExactly("GENEVA – Officials offered talks on Thursday.",
                "They said more was to come.");
    }

    @Test
    void shouldTakeAWrittenOutDateLine() throws Exception {
        ReadResult result = readText("talks.txt", "Talks offered\n27 January 2022\n\nGENEVA – Talks.\n");

        assertThat(((ReadResult.Read) result).story().getPublishedAt()).isEqualTo(Instant.parse("2022-01-27T00:00:00Z"));
    }

    @Test
    void shouldKeepAFirstParagraphThatOnlyMentionsADate() throws Exception {
        ReadResult result = readText("talks.txt", "Talks offered\nOn 2022-01-27 officials offered talks.\n\nMore.\n");

        var story = ((ReadResult.Read) result).story();
        assertThat(story.getPublishedAt()).isNull();
        assertThat(story.getParagraphs()).first().asString().startsWith("On 2022-01-27 officials");
    }

    @Test
    void shouldSayWhatTheTxtFormatIsWhenOnlyATitleIsThere() throws Exception {
        ReadResult result = readText("only-title.txt", "Kremlin to recognise separatists\n");

        assertThat(((ReadResult.Unreadable) result).reason()).isEqualTo("no story text found after the title line; "
                + TextDateLine.FORMAT);
    }
}
