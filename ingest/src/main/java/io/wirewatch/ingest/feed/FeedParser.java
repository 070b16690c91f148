package io.wirewatch.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.wirewatch.ingest.extract.DateParser;
import io.wirewatch.ingest.extract.Text;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Parses feed documents. Well-formed RSS and Atom go through ROME; JSON Feed through Jackson; XML that is not
 * well-formed (unclosed tags, stray ampersands) is read leniently with Jsoup's XML parser. Dates ROME cannot
 * read (an ISO date in {@code pubDate}, say) are read from the raw element. The charset comes from a BOM, the XML
 * declaration or the HTTP header, and bytes that are not valid in it are read as Windows-1252.
 */
public final class FeedParser {

    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*encoding=[\"']([\\w.:-]+)[\"']");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    public FeedParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Parses {@code bytes}; {@code headerCharset} is the charset the HTTP response named, if any. */
    public FeedResult parse(byte[] bytes, @Nullable String headerCharset) {
        String text = decode(bytes, headerCharset);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new FeedResult.Malformed("empty document");
        }
        if (trimmed.startsWith("{")) {
            return jsonFeed(trimmed);
        }
        String xml = trimmed.replaceFirst("^<\\?xml[^>]*\\?>", "");
        List<RawItem> raw = lenientItems(xml);
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            SyndFeed feed = input.build(new StringReader(xml));
            List<FeedItem> items = new ArrayList<>();
            List<SyndEntry> entries = feed.getEntries();
            for (int i = 0; i < entries.size(); i++) {
                items.add(item(entries.get(i), i < raw.size() && raw.size() == entries.size() ? raw.get(i) : null));
            }
            return new FeedResult.Parsed(new Feed(clean(feed.getTitle()), homeLink(feed), feed.getFeedType(), items),
                    false);
        } catch (FeedException | IllegalArgumentException e) {
            if (raw.isEmpty()) {
                return new FeedResult.Malformed("not a feed: " + e.getMessage());
            }
            return new FeedResult.Parsed(lenientFeed(xml, raw), true);
        }
    }

    private static @Nullable String homeLink(SyndFeed feed) {
        for (var link : feed.getLinks()) {
            if ((link.getRel() == null || link.getRel().equals("alternate")) && link.getHref() != null) {
                return emptyToNull(link.getHref());
            }
        }
        return emptyToNull(feed.getLink());
    }

    private FeedItem item(SyndEntry entry, @Nullable RawItem raw) {
        Instant published = instant(entry.getPublishedDate());
        if (published == null && raw != null) {
            published = raw.published();
        }
        if (published == null) {
            published = instant(entry.getUpdatedDate());
        }
        String summary = null;
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null) {
            summary = Text.normalise(Jsoup.parse(description.getValue()).text());
        } else if (!entry.getContents().isEmpty() && entry.getContents().get(0).getValue() != null) {
            summary = Text.normalise(Jsoup.parse(entry.getContents().get(0).getValue()).text());
        }
        String link = emptyToNull(entry.getLink());
        if (link == null && raw != null) {
            link = raw.link();
        }
        return new FeedItem(clean(entry.getTitle()), link, emptyToNull(entry.getUri()), published,
                emptyToNull(summary));
    }

    private record RawItem(String title, @Nullable String link, @Nullable String guid, @Nullable Instant published,
                           @Nullable String summary) {
    }

    private List<RawItem> lenientItems(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        List<RawItem> items = new ArrayList<>();
        for (Element e : doc.select("item, entry")) {
            String link = null;
            for (Element l : e.getElementsByTag("link")) {
                String rel = l.attr("rel");
                String href = l.hasAttr("href") ? l.attr("href") : l.text();
                if (!href.isBlank() && (rel.isEmpty() || rel.equals("alternate"))) {
                    link = href.strip();
                    break;
                }
            }
            String guid = firstText(e, "guid", "id");
            Instant published = null;
            for (String tag : List.of("pubDate", "published", "dc:date", "issued", "created", "updated",
                    "modified", "dcterms:created")) {
                String value = firstText(e, tag);
                if (value != null) {
                    published = DateParser.parse(value, latest()).map(DateParser.Parsed::instant).orElse(null);
                    if (published != null) {
                        break;
                    }
                }
            }
            String summary = firstText(e, "description", "summary", "content", "content:encoded");
            items.add(new RawItem(clean(firstText(e, "title")), link, guid, published,
                    summary == null ? null : emptyToNull(Text.normalise(Jsoup.parse(summary).text()))));
        }
        return items;
    }

    private Feed lenientFeed(String xml, List<RawItem> raw) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        Element channel = doc.selectFirst("channel");
        Element root = channel != null ? channel : doc.selectFirst("feed");
        String title = root == null ? "" : clean(directChildText(root, "title"));
        String link = root == null ? null : emptyToNull(directChildText(root, "link"));
        String format = channel != null ? "rss (recovered)" : "atom (recovered)";
        List<FeedItem> items = raw.stream()
                .map(r -> new FeedItem(r.title(), r.link(), r.guid(), r.published(), r.summary()))
                .toList();
        return new Feed(title, link, format, items);
    }

    private FeedResult jsonFeed(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (!root.path("version").asText("").contains("jsonfeed.org")) {
                return new FeedResult.Malformed("JSON document is not a JSON Feed (no jsonfeed.org version)");
            }
            List<FeedItem> items = new ArrayList<>();
            for (JsonNode item : root.path("items")) {
                String date = item.path("date_published").asText(item.path("date_modified").asText(""));
                Instant published = DateParser.parse(date, latest()).map(DateParser.Parsed::instant).orElse(null);
                String summary = item.path("summary").asText(item.path("content_text").asText(""));
                items.add(new FeedItem(clean(item.path("title").asText("")), emptyToNull(item.path("url").asText("")),
                        emptyToNull(item.path("id").asText("")), published, emptyToNull(summary)));
            }
            return new FeedResult.Parsed(new Feed(clean(root.path("title").asText("")),
                    emptyToNull(root.path("home_page_url").asText("")), "json", items), false);
        } catch (IOException e) {
            return new FeedResult.Malformed("broken JSON: " + e.getMessage());
        }
    }

    private LocalDate latest() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
    }

    /** Decodes with the charset of the BOM, the XML declaration or the header; invalid bytes mean Windows-1252. */
    static String decode(byte[] bytes, @Nullable String headerCharset) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head.strip());
        Charset charset = charset(m.find() ? m.group(1) : headerCharset);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static Charset charset(@Nullable String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().toLowerCase(Locale.ROOT).equals("iso-8859-1")
                    ? "windows-1252" : name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static @Nullable String firstText(Element e, String... tags) {
        for (String tag : tags) {
            for (Element child : e.getElementsByTag(tag)) {
                String text = child.text();
                if (!text.isBlank()) {
                    return text.strip();
                }
            }
        }
        return null;
    }

    private static String directChildText(Element root, String tag) {
        for (Element child : root.children()) {
            if (child.tagName().equals(tag)) {
                return child.hasAttr("href") ? child.attr("href") : child.text();
            }
        }
        return "";
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String clean(@Nullable String text) {
        return text == null ? "" : Text.normalise(Jsoup.parse(text).text());
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
