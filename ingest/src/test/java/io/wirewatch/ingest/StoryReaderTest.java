package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.Story;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryReaderTest {

    @TempDir
    Path dir;

    private static Story story(ReadResult result) {
        assertThat(result).isInstanceOf(ReadResult.Read.class);
        return ((ReadResult.Read) result).story();
    }

    private static Path golden(String name) throws Exception {
        return GoldenStoryTest.goldenFolder().resolve(name);
    }

    @Test
    void shouldKeepNoConcessionsAndRetaliationButDropFurnitureFromTheSeedPage() throws Exception {
        Story story = story(StoryReader.read(golden("seed-page.html"), GoldenStoryTest.CLOCK));
        String body = String.join("\n\n", story.getParagraphs());
        assertThat(body).contains("there would be no concessions", "retaliatory measures",
                "withdraw its forces");
        assertThat(body).doesNotContain("Related Articles", "Back to top", "Facebook", "Sign up", "Most Read",
                "Advertisement", "Marshal Ustinov", "Tags");
        assertThat(story.getCaptions()).singleElement().asString().contains("Marshal Ustinov");
        assertThat(story.getDateline()).isEqualTo("WASHINGTON, United States");
        assertThat(story.getWire()).isEqualTo("AP");
    }

    @Test
    void shouldGiveTheSameStoryForATextFileAndItsGzippedCopy() throws Exception {
        Path plain = golden("seed-text.txt");
        Path zipped = dir.resolve("seed-text.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
            out.write(Files.readAllBytes(plain));
        }
        Story a = story(StoryReader.read(plain, GoldenStoryTest.CLOCK));
        Story b = story(StoryReader.read(zipped, GoldenStoryTest.CLOCK));
        assertThat(b.getId()).isEqualTo(a.getId());
        assertThat(b.getContentHash()).isEqualTo(a.getContentHash());
        assertThat(b.getSource()).isEqualTo("file:" + zipped);
    }

    @Test
    void shouldGiveTheSameIdToTheSameFileReadTwice() throws Exception {
        Path page = golden("wire-reuters-talks.html");
        assertThat(story(StoryReader.read(page, GoldenStoryTest.CLOCK)).getId())
                .isEqualTo(story(StoryReader.read(page, GoldenStoryTest.CLOCK)).getId());
    }

    @Test
    void shouldSayWhyAFileHoldsNoStory() throws Exception {
        Path notGzip = dir.resolve("page.html.gz");
        Files.writeString(notGzip, "<html>plain</html>", StandardCharsets.UTF_8);
        Path unknown = dir.resolve("notes.docx");
        Files.writeString(unknown, "x", StandardCharsets.UTF_8);
        Path navOnly = dir.resolve("nav.html");
        Files.writeString(navOnly, "<html><body><nav><a href=/>Home</a></nav></body></html>", StandardCharsets.UTF_8);

        assertThat(StoryReader.read(notGzip, GoldenStoryTest.CLOCK)).isInstanceOfSatisfying(
                ReadResult.Unreadable.class, u -> assertThat(u.reason()).contains("gzip"));
        assertThat(StoryReader.read(unknown, GoldenStoryTest.CLOCK)).isInstanceOfSatisfying(
                ReadResult.Unreadable.class, u -> assertThat(u.reason()).contains("unsupported"));
        assertThat(StoryReader.read(navOnly, GoldenStoryTest.CLOCK)).isInstanceOfSatisfying(
                ReadResult.Unreadable.class, u -> assertThat(u.reason()).contains("no story text"));
        assertThat(StoryReader.read(dir.resolve("missing.txt"), GoldenStoryTest.CLOCK))
                .isInstanceOf(ReadResult.Unreadable.class);
    }

    @Test
    void shouldDecodeWindows1252TextThatIsNotUtf8() {
        byte[] bytes = "Caf\u00e9 talks".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(StoryReader.decodeText(bytes)).isEqualTo("Café talks");
    }
}
