package io.wirewatch.ingest.archive;

import io.wirewatch.ingest.Stories;
import io.wirewatch.ingest.extract.Article;
import io.wirewatch.ingest.extract.HtmlExtractor;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a WARC file ({@code .warc} or {@code .warc.gz}) record by record: every 200 HTML response becomes a story,
 * with the capture time of the record as its fetch time and the target URI as its URL. Other records (requests,
 * metadata, redirects, images) are not stories and are skipped; an HTML response with no story text is reported.
 */
public final class WarcStories {

    /** Receives what the archive holds, in record order. */
    public interface Sink {
        void story(String source, Story story);

        void failure(String source, String reason);

        /** An input that is not a story and is not an error (a WARC request record, an image in a folder). */
        default void skipped(String source, String reason) {
        }

        /** How many bytes of the archive file have been read so far. */
        default void position(long bytes) {
        }
    }

    /** What one archive gave. */
    public record Summary(int records, int stories, int skipped, int failures) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WarcStories.class);
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final HtmlExtractor extractor;

    public WarcStories(Clock clock) {
        this.extractor = new HtmlExtractor(Objects.requireNonNull(clock, "clock"));
    }

    /** True when {@code path} is named like a WARC file. */
    public static boolean isWarc(Path path) {
        Path name = path.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".warc") || n.endsWith(".warc.gz");
    }

    /**
     * Streams {@code warc} into {@code sink}.
     *
     * @throws IOException when the file cannot be opened or is not a WARC file at all
     */
    public Summary read(Path warc, Sink sink) throws IOException {
        int records = 0;
        int stories = 0;
        int skipped = 0;
        int failures = 0;
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(warc);
             WarcReader reader = new WarcReader(channel)) {
            reader.setLenient(true);
            for (WarcRecord record : reader) {
                records++;
                sink.position(channel.position());
                if (!(record instanceof WarcResponse response)) {
                    skipped++;
                    sink.skipped("warc:" + warc + "#" + record.type(), "WARC record that is not a response");
                    continue;
                }
                String source = "warc:" + warc + "#" + response.target();
                try {
                    HttpResponse http = response.http();
                    MediaType type = http.contentType();
                    if (http.status() != 200 || !type.subtype().toLowerCase(Locale.ROOT).contains("html")) {
                        skipped++;
                        sink.skipped(source, "WARC response that is not a 200 HTML page");
                        continue;
                    }
                    byte[] body;
                    try (InputStream in = http.bodyDecoded().stream()) {
                        body = in.readNBytes(MAX_BODY);
                    }
                    String charset = type.parameters().get("charset");
                    Document doc = Jsoup.parse(new ByteArrayInputStream(body), charset, response.target());
                    Article article = extractor.extract(doc, response.target());
                    if (article.paragraphs().isEmpty()) {
                        failures++;
                        sink.failure(source, "no story text found");
                        continue;
                    }
                    stories++;
                    Story story = Stories.of(article, "warc:" + warc, response.target(), response.date());
                    if (story.getPublishedAt() == null) {
                        // the capture time stands in for a page that gives no date: a date the file holds
                        Stories.date(story, response.date(), null, DateSource.FILE);
                    }
                    sink.story(source, story);
                } catch (IOException | RuntimeException e) {
                    failures++;
                    sink.failure(source, "cannot read record: " + e);
                }
            }
        }
        LOG.info("{}: {} records, {} stories, {} skipped (not 200 HTML responses), {} failures", warc, records,
                stories, skipped, failures);
        return new Summary(records, stories, skipped, failures);
    }
}
