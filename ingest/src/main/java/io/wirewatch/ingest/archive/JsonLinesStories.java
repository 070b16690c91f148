package io.wirewatch.ingest.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.ingest.Stories;
import io.wirewatch.ingest.extract.Article;
import io.wirewatch.ingest.extract.DateParser;
import io.wirewatch.ingest.extract.HtmlExtractor;
import io.wirewatch.ingest.extract.TextExtractor;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON lines ({@code .jsonl}, {@code .jsonl.gz}): one story per line, as {@code {"url", "title", "html"}}
 * (extracted like a page) or {@code {"url", "title", "text"}} (paragraphs separated by blank lines), with an
 * optional {@code "published"} (or {@code "date_published"}, {@code "publishedAt"}). A line that is not such an
 * object is reported with its number.
 */
public final class JsonLinesStories {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final HtmlExtractor extractor;

    public JsonLinesStories(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.extractor = new HtmlExtractor(clock);
    }

    /** True when {@code path} is named like a JSON lines file. */
    public static boolean isJsonLines(Path path) {
        Path name = path.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".ndjson");
    }

    /** Streams the stories of {@code file} into {@code sink}. */
    public void read(Path file, WarcStories.Sink sink) throws IOException {
        var raw = Files.newInputStream(file);
        var in = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String source = "file:" + file + "#line" + number;
                try {
                    Story story = story(JSON.readTree(line), "file:" + file);
                    if (story.getParagraphs().isEmpty()) {
                        sink.failure(source, "no story text found");
                    } else {
                        sink.story(source, story);
                    }
                } catch (JsonProcessingException e) {
                    sink.failure(source, "not a JSON object: " + e.getOriginalMessage());
                } catch (IllegalArgumentException e) {
                    sink.failure(source, e.getMessage());
                }
            }
        }
    }

    private Story story(JsonNode node, String source) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String url = text(node, "url");
        String title = text(node, "title");
        String html = text(node, "html");
        String body = text(node, "text");
        Article article;
        if (html != null) {
            article = extractor.extract(html, url);
        } else if (body != null) {
            article = TextExtractor.extract((title == null ? "" : title) + "\n\n" + body);
        } else {
            throw new IllegalArgumentException("neither \"html\" nor \"text\"");
        }
        if (title != null && !title.isBlank() && !title.equals(article.title())) {
            article = article.withTitle(title);
        }
        Story story = Stories.of(article, source, url, clock.instant());
        DateParser.Parsed published = published(node);
        if (published != null) {
            Stories.date(story, published.instant(), published.local(), DateSource.FILE);
        }
        return story;
    }

    private DateParser.@Nullable Parsed published(JsonNode node) {
        LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        for (String field : new String[] {"published", "date_published", "publishedAt", "date"}) {
            String value = text(node, field);
            if (value != null) {
                var parsed = DateParser.parse(value, latest);
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
        }
        return null;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
