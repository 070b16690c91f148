package io.wirewatch.ingest;

import io.wirewatch.ingest.extract.Article;
import io.wirewatch.ingest.extract.HtmlExtractor;
import io.wirewatch.ingest.extract.TextExtractor;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * Reads one saved story file into a {@link Story}, without Kafka: plain text ({@code .txt}) and HTML pages
 * ({@code .html}, {@code .htm}), each optionally gzipped ({@code .gz}). Never throws for a bad file: the result
 * says why it holds no story.
 */
public final class StoryReader {

    /** Files larger than this are refused rather than read into memory. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final Clock clock;
    private final HtmlExtractor html;

    public StoryReader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.html = new HtmlExtractor(clock);
    }

    /** Reads {@code path} with a reader on {@code clock}. */
    public static ReadResult read(Path path, Clock clock) {
        return new StoryReader(clock).read(path);
    }

    /** True when {@code path} has a file name this reader understands. */
    public static boolean supports(Path path) {
        return kind(path) != Kind.UNKNOWN;
    }

    /** True when {@code path} names an HTML page (optionally gzipped). */
    public static boolean isHtml(Path path) {
        return kind(path) == Kind.HTML;
    }

    /** True when {@code fileName} is a name this reader understands. */
    public static boolean supportsName(String fileName) {
        return supports(Path.of(fileName));
    }

    /** Reads one file. */
    public ReadResult read(Path path) {
        Objects.requireNonNull(path, "path");
        Kind kind = kind(path);
        if (kind == Kind.UNKNOWN) {
            return new ReadResult.Unreadable(path, "unsupported file type (expected .txt, .html, .htm, optionally .gz)");
        }
        byte[] bytes;
        try {
            bytes = load(path);
        } catch (ZipException e) {
            return new ReadResult.Unreadable(path, "not a valid gzip file: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new ReadResult.Unreadable(path, "cannot read: " + e);
        }
        try {
            TextDateLine.Split text = kind == Kind.TEXT ? TextDateLine.split(decodeText(bytes), clock) : null;
            Article article = text != null ? TextExtractor.extract(text.text()) : parseHtml(bytes, path, null);
            if (article.paragraphs().isEmpty()) {
                return new ReadResult.Unreadable(path, kind == Kind.TEXT
                        ? "no story text found after the title line; " + TextDateLine.FORMAT : "no story text found");
            }
            if (article.title().isBlank()) {
                return new ReadResult.Unreadable(path, "no title found");
            }
            String source = "file:" + path;
            Story story = Stories.of(article, source, null, clock.instant());
            if (text != null && text.date() != null) {
                Stories.date(story, text.date().instant(), text.date().local(), DateSource.FILE);
            }
            Instant named = story.getPublishedAt() == null ? dateInName(path) : null;
            if (named != null) {
                Stories.date(story, named, null, DateSource.FILE);
            }
            return new ReadResult.Read(path, story);
        } catch (RuntimeException | StackOverflowError e) {
            return new ReadResult.Unreadable(path, "cannot extract: " + e);
        }
    }

    /**
     * Extracts the article of one file as it is (even when it has no paragraphs), reading {@code .gz}
     * transparently; {@code url} is where the page came from, if known.
     *
     * @throws IOException when the file cannot be read or has an unsupported type; the message says which
     */
    public Article extract(Path path, @Nullable String url) throws IOException {
        Kind kind = kind(path);
        if (kind == Kind.UNKNOWN) {
            throw new IOException(path + ": unsupported file type (expected .txt, .html, .htm, optionally .gz)");
        }
        byte[] bytes = load(path);
        return kind == Kind.TEXT ? TextExtractor.extract(decodeText(bytes)) : parseHtml(bytes, path, url);
    }

    private Article parseHtml(byte[] bytes, Path path, @Nullable String url) {
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, url == null ? "" : url);
            return html.extract(doc, url);
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse HTML of " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] load(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("file is " + size + " bytes, over the limit of " + MAX_FILE_BYTES);
        }
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return Files.readAllBytes(path);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException("unzipped content is over the limit of " + MAX_FILE_BYTES + " bytes");
            }
            return bytes;
        }
    }

    /** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252. */
    static String decodeText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static final java.util.regex.Pattern DATE_IN_NAME =
            java.util.regex.Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])(?![0-9])");

    /**
     * The day a file's name gives (archives are often named {@code 2022-01-26-...}), as midnight UTC: the
     * publication date of last resort, when the story itself names none.
     */
    static @Nullable Instant dateInName(Path path) {
        java.util.regex.Matcher date = DATE_IN_NAME.matcher(path.getFileName().toString());
        if (!date.find()) {
            return null;
        }
        try {
            return java.time.LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3))).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private enum Kind { TEXT, HTML, UNKNOWN }

    private static Kind kind(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return Kind.UNKNOWN;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".txt")) {
            return Kind.TEXT;
        }
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
            return Kind.HTML;
        }
        return Kind.UNKNOWN;
    }
}
