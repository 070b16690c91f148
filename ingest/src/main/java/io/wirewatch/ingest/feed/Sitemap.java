package io.wirewatch.ingest.feed;

import io.wirewatch.ingest.extract.DateParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * A parsed sitemap (sitemaps.org, with the Google News extension): the pages it lists, each with its news title
 * and publication date or last modification, and, for a sitemap index, the sitemaps it points to. Read leniently,
 * gzipped or not.
 */
public record Sitemap(List<Page> pages, List<String> sitemaps) {

    /** One listed page. */
    public record Page(String url, @Nullable String title, @Nullable Instant published) {
        public Page {
            Objects.requireNonNull(url, "url");
        }
    }

    public Sitemap {
        pages = List.copyOf(pages);
        sitemaps = List.copyOf(sitemaps);
    }

    /** The most a sitemap may hold, uncompressed (sitemaps.org: 50 MB). */
    public static final long MAX_UNCOMPRESSED = 50L * 1024 * 1024;

    /** Parses a sitemap or sitemap index; {@code latest} bounds plausible dates. */
    public static Sitemap parse(byte[] bytes, LocalDate latest) throws IOException {
        return parse(bytes, latest, MAX_UNCOMPRESSED);
    }

    /**
     * As {@link #parse(byte[], LocalDate)}, refusing a gzipped sitemap that inflates beyond {@code maxBytes}
     * (the fetch's body limit: compression must not lift it).
     *
     * @throws IOException when the gzip is corrupt or inflates beyond {@code maxBytes}
     */
    public static Sitemap parse(byte[] bytes, LocalDate latest, long maxBytes) throws IOException {
        byte[] xml = bytes;
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                xml = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (xml.length > maxBytes) {
                throw new IOException("gzipped sitemap of " + bytes.length + " bytes inflates beyond " + maxBytes
                        + " bytes: cut off");
            }
        }
        Document doc = Jsoup.parse(new ByteArrayInputStream(xml), null, "", Parser.xmlParser());
        List<Page> pages = new ArrayList<>();
        for (Element url : doc.getElementsByTag("url")) {
            String loc = childText(url, "loc");
            if (loc == null) {
                continue;
            }
            String date = childText(url, "news:publication_date");
            if (date == null) {
                date = childText(url, "lastmod");
            }
            Instant published = date == null ? null
                    : DateParser.parse(date, latest).map(DateParser.Parsed::instant).orElse(null);
            pages.add(new Page(loc, childText(url, "news:title"), published));
        }
        List<String> sitemaps = new ArrayList<>();
        for (Element sitemap : doc.getElementsByTag("sitemap")) {
            String loc = childText(sitemap, "loc");
            if (loc != null) {
                sitemaps.add(loc);
            }
        }
        return new Sitemap(pages, sitemaps);
    }

    private static @Nullable String childText(Element e, String tag) {
        for (Element child : e.getElementsByTag(tag)) {
            String text = child.text().strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }
}
