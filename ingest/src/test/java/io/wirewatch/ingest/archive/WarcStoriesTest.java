package io.wirewatch.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import java.net.URI;
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
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcStoriesTest {

    @TempDir
    Path dir;

    private static final Instant CAPTURED = Instant.parse("2022-02-02T10:15:00Z");

    @Test
    void shouldTurnHtmlResponsesIntoStoriesAndSkipTheRest() throws Exception {
        Path warc = dir.resolve("news.warc.gz");
        byte[] page = Files.readAllBytes(Path.of(WarcStoriesTest.class.getResource("/golden/wire-reuters-talks.html").toURI()));
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(warc,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(response("https://wire.example/world/norway-talks", 200, MediaType.HTML_UTF8, page));
            writer.write(response("https://wire.example/logo.png", 200, MediaType.OCTET_STREAM, new byte[] {1, 2, 3}));
            writer.write(response("https://wire.example/old", 404, MediaType.HTML, "gone".getBytes(StandardCharsets.UTF_8)));
            writer.write(response("https://wire.example/nav", 200, MediaType.HTML,
                    "<html><body><nav><a href=/>Home</a></nav></body></html>".getBytes(StandardCharsets.UTF_8)));
        }

        List<Story> stories = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        WarcStories.Summary summary = new WarcStories(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .read(warc, new WarcStories.Sink() {
                    @Override
                    public void story(String source, Story story) {
                        stories.add(story);
                    }

                    @Override
                    public void failure(String source, String reason) {
                        failures.add(source + ": " + reason);
                    }

                    @Override
                    public void position(long bytes) {
                        positions.add(bytes);
                    }
                });

        assertThat(summary).isEqualTo(new WarcStories.Summary(4, 1, 2, 1));
        assertThat(positions).as("progress through the archive, record by record").hasSize(4).isSorted()
                .allSatisfy(position -> assertThat(position).isBetween(1L, Files.size(warc)));
        assertThat(stories).singleElement().satisfies(s -> {
            assertThat(s.getTitle()).isEqualTo("Norway offers to host talks on Arctic fishing dispute");
            assertThat(s.getUrl()).isEqualTo("https://wire.example/world/norway-talks");
            assertThat(s.getFetchedAt()).isEqualTo(CAPTURED);
            assertThat(s.getPublishedAt()).isEqualTo(Instant.parse("2022-02-02T09:41:00Z"));
            assertThat(s.getDateSource()).isEqualTo(DateSource.PUBLISHED);
            assertThat(s.getWire()).isEqualTo("Reuters");
        });
        assertThat(failures).singleElement().asString().contains("https://wire.example/nav", "no story text");
    }

    @Test
    void shouldDateAPageThatGivesNoDateByItsCaptureTimeAndSaySo() throws Exception {
        Path warc = dir.resolve("undated.warc");
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(warc,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE))) {
            writer.write(response("https://wire.example/world/undated", 200, MediaType.HTML_UTF8, ("<html><head><title>"
                    + "Officials meet in Minsk</title></head><body><article><p>MINSK – Officials of both sides met in"
                    + " Minsk on Monday and said that the talks would go on next week.</p></article></body></html>")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        List<Story> stories = new ArrayList<>();
        new WarcStories(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).read(warc,
                new WarcStories.Sink() {
                    @Override
                    public void story(String source, Story story) {
                        stories.add(story);
                    }

                    @Override
                    public void failure(String source, String reason) {
                        throw new AssertionError(source + ": " + reason);
                    }
                });

        assertThat(stories).singleElement().satisfies(s -> {
            assertThat(s.getPublishedAt()).isEqualTo(CAPTURED);
            assertThat(s.getDateSource()).isEqualTo(DateSource.FILE);
        });
    }

    private static WarcResponse response(String url, int status, MediaType type, byte[] body) throws Exception {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found").body(type, body).build();
        return new WarcResponse.Builder(URI.create(url)).date(CAPTURED).body(http).build();
    }
}
