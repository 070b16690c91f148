package io.wirewatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapTest {

    private static final LocalDate LATEST = LocalDate.of(2022, 3, 1);

    @Test
    void shouldReadANewsSitemapWithTitlesAndPublicationDates() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>https://wire.example/world/no-concessions</loc>
                    <news:news><news:publication><news:name>Test Wire</news:name><news:language>en</news:language>
                    </news:publication><news:publication_date>2022-01-26T23:14:05Z</news:publication_date>
                    <news:title>No concessions to Russia</news:title></news:news></url>
                  <url><loc>https://wire.example/about</loc><lastmod>2021-06-01</lastmod></url>
                </urlset>
                """;
        Sitemap sitemap = Sitemap.parse(gzip(xml), LATEST);
        assertThat(sitemap.sitemaps()).isEmpty();
        assertThat(sitemap.pages()).containsExactly(
                new Sitemap.Page("https://wire.example/world/no-concessions", "No concessions to Russia",
                        Instant.parse("2022-01-26T23:14:05Z")),
                new Sitemap.Page("https://wire.example/about", null, Instant.parse("2021-06-01T00:00:00Z")));
    }

    @Test
    void shouldListTheSitemapsOfAnIndex() throws Exception {
        String xml = "<sitemapindex><sitemap><loc>https://wire.example/news.xml</loc></sitemap>"
                + "<sitemap><loc>https://wire.example/2022-01.xml.gz</loc></sitemap></sitemapindex>";
        Sitemap index = Sitemap.parse(xml.getBytes(StandardCharsets.UTF_8), LATEST);
        assertThat(index.pages()).isEmpty();
        assertThat(index.sitemaps()).containsExactly("https://wire.example/news.xml", "https://wire.example/2022-01.xml.gz");
    }

    @Test
    void shouldRefuseAGzippedSitemapThatInflatesBeyondTheBodyLimit() throws Exception {
        String xml = "<urlset>" + " ".repeat(2 * 1024 * 1024) + "</urlset>";
        byte[] zipped = gzip(xml);
        assertThat(zipped.length).isLessThan(64 * 1024);

        assertThatThrownBy(() -> Sitemap.parse(zipped, LATEST, 1024 * 1024))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("1048576");
        assertThat(Sitemap.parse(gzip("<urlset></urlset>"), LATEST, 1024).pages()).isEmpty();
    }

    private static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
