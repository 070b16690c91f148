package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirewatch.broker.EmbeddedBroker;
import io.wirewatch.ingest.fetch.FetchPolicy;
import io.wirewatch.ingest.fetch.Fetcher;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feed to pages to {@code news.stories.raw}: a loopback HTTP server and the embedded broker, nothing mocked. */
class FeedIngestIT {

    @TempDir
    Path brokerDir;

    private HttpServer server;
    private final AtomicInteger feedFetches = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicInteger pageFetches = new AtomicInteger();
    private final AtomicInteger hangs = new AtomicInteger();
    private String base;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback Wire</title><link>%1$s/</link>
                <item><title>No concessions</title><link>%1$s/world/seed</link>
                  <pubDate>Wed, 26 Jan 2022 23:14:05 GMT</pubDate></item>
                <item><title>Fishing talks</title><link>/world/talks</link></item>
                <item><title>Gone</title><link>%1$s/world/gone</link></item>
                <item><title>No concessions again</title><link>%1$s/world/seed?utm_source=rss</link></item>
                </channel></rss>
                """.formatted(base);
        server.createContext("/feed.xml", ex -> {
            feedFetches.incrementAndGet();
            if ("\"f1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"f1\"");
            send(ex, 200, feed.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/sitemap-index.xml", ex -> send(ex, 200, ("<sitemapindex><sitemap><loc>/news-sitemap.xml"
                + "</loc></sitemap></sitemapindex>").getBytes(StandardCharsets.UTF_8)));
        server.createContext("/news-sitemap.xml", ex -> send(ex, 200, ("<urlset><url><loc>" + base + "/world/talks"
                + "</loc><lastmod>2022-02-02</lastmod></url><url><loc>" + base + "/world/seed</loc></url></urlset>")
                .getBytes(StandardCharsets.UTF_8)));
        Path golden = GoldenStoryTest.goldenFolder();
        server.createContext("/world/", ex -> {
            pageFetches.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            String file = path.endsWith("/seed") ? "seed-page.html" : path.endsWith("/talks") ? "wire-reuters-talks.html"
                    : null;
            if (file == null) {
                send(ex, 404, "gone".getBytes(StandardCharsets.UTF_8));
            } else {
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                send(ex, 200, Files.readAllBytes(golden.resolve(file)));
            }
        });
        server.createContext("/paywall/", ex -> send(ex, 403, "subscribe".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/hang/", ex -> {
            hangs.incrementAndGet();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "too late".getBytes(StandardCharsets.UTF_8));
        });
        String summaries = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback Wire</title><link>%1$s/</link>
                <item><title>Talks stall</title><link>%1$s/paywall/talks</link>
                  <pubDate>Mon, 14 Feb 2022 09:00:00 GMT</pubDate>
                  <description><![CDATA[<p>Russia and Ukraine <b>talks</b> stalled on Monday.</p><p>Both sides blamed the other.</p>]]></description></item>
                <item><title>Hung host</title><link>%2$s/hang/story</link>
                  <description>Officials met in Minsk, the wire said.</description></item>
                <item><title>Gone</title><link>%1$s/world/gone</link></item>
                <item><title>No concessions</title><link>%1$s/world/seed</link></item>
                <item><title>Officials meet</title><link>%1$s/undated/meet</link>
                  <pubDate>Tue, 15 Feb 2022 10:00:00 GMT</pubDate></item>
                </channel></rss>
                """.formatted(base, base.replace("127.0.0.1", "localhost"));
        server.createContext("/undated/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            send(ex, 200, ("<html><head><title>Officials meet in Minsk</title></head><body><article><p>MINSK –"
                    + " Officials of both sides met in Minsk on Tuesday and said that the talks would go on.</p>"
                    + "<p>Neither side gave a date for the next round, the wire said.</p></article></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/summaries.xml", ex -> send(ex, 200, summaries.getBytes(StandardCharsets.UTF_8)));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void shouldIngestTheFeedsPagesOnceAndCostOnly304TheSecondTime() throws Exception {
        FetchPolicy policy = FetchPolicy.defaults().withTrustedHosts(Set.of("127.0.0.1"))
                .withTiming(Duration.ofMillis(10), Duration.ZERO);
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(brokerDir, 0));
             IngestService service = new IngestService(new IngestService.Config(broker.bootstrapServers(), Map.of(),
                     GoldenStoryTest.CLOCK), Fetcher.of(policy))) {
            URI feed = URI.create(base + "/feed.xml");
            IngestReport first = service.ingestFeeds(List.of(feed));

            assertThat(first.produced()).isEqualTo(2);
            assertThat(first.duplicates()).isEqualTo(1); // the same page again, behind a tracking parameter
            assertThat(first.failures()).singleElement().satisfies(f -> {
                assertThat(f.source()).endsWith("/world/gone");
                assertThat(f.reason()).contains("404");
            });
            assertThat(pageFetches.get()).isEqualTo(3);

            IngestReport second = service.ingestFeeds(List.of(feed));
            assertThat(second.produced()).isZero();
            assertThat(notModified.get()).isEqualTo(1);
            assertThat(pageFetches.get()).isEqualTo(3);

            List<Story> records = read(broker.bootstrapServers(), 3);
            assertThat(records).extracting(Story::getSource).containsOnly(feed.toString());
            // the page that could not be fetched is on the topic too, without text, with its reason
            assertThat(records).filteredOn(s -> s.getFetchStatus() != null).singleElement().satisfies(s -> {
                assertThat(s.getFetchStatus()).isEqualTo("HTTP 404");
                assertThat(s.getTitle()).isEqualTo("Gone");
                assertThat(s.getParagraphs()).isEmpty();
            });
            List<Story> stories = records.stream().filter(s -> s.getFetchStatus() == null).toList();
            assertThat(stories).extracting(Story::getUrl)
                    .containsExactlyInAnyOrder(base + "/world/seed", base + "/world/talks");
            assertThat(stories).filteredOn(s -> s.getUrl().endsWith("/seed")).singleElement()
                    .satisfies(s -> assertThat(String.join(" ", s.getParagraphs())).contains("retaliatory measures"));
        }
    }

    @Test
    void shouldMakeStoriesOfFeedSummariesWhenPagesCannotBeReadAndGiveUpOnAHungHostAtTheDeadline() throws Exception {
        FetchPolicy policy = FetchPolicy.defaults().withTrustedHosts(Set.of("127.0.0.1", "localhost"))
                .withTiming(Duration.ofMillis(10), Duration.ZERO).withLinkDeadline(Duration.ofSeconds(1));
        List<String> progress = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(brokerDir, 0));
             IngestService service = new IngestService(new IngestService.Config(broker.bootstrapServers(), Map.of(),
                     GoldenStoryTest.CLOCK), Fetcher.of(policy))) {
            IngestReport report = service.ingestFeeds(List.of(URI.create(base + "/summaries.xml")),
                    (done, total, host, ok) -> progress.add(done + "/" + total + " " + host + " " + ok));

            assertThat(report.produced()).isEqualTo(4);
            assertThat(report.dateSources()).as("page date, feed dates (summary and undated page), none")
                    .containsExactly(Map.entry(DateSource.PUBLISHED, 1), Map.entry(DateSource.FEED, 2),
                            Map.entry(DateSource.READ, 1));
            assertThat(report.undated()).singleElement().satisfies(u -> assertThat(u.source()).endsWith("/hang/story"));
            assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("HTTP 404"));
            assertThat(report.summariesByReason()).containsOnlyKeys("HTTP 403", "timed out");
            assertThat(report.failuresByReason()).containsExactly(Map.entry("HTTP 404", 1));
            assertThat(hangs.get()).as("one attempt: the deadline leaves no time for a retry").isEqualTo(1);
            assertThat(progress).hasSize(5).anySatisfy(p -> assertThat(p).startsWith("5/5 "));
            assertThat(progress).filteredOn(p -> p.contains(" localhost:")).singleElement()
                    .satisfies(p -> assertThat(p).endsWith(" false"));

            List<Story> records = read(broker.bootstrapServers(), 5);
            assertThat(records).filteredOn(s -> s.getTitle().equals("Officials meet in Minsk")).singleElement()
                    .satisfies(s -> {
                        assertThat(s.getPublishedAt()).isEqualTo(java.time.Instant.parse("2022-02-15T10:00:00Z"));
                        assertThat(s.getDateSource()).as("the page gave none: the feed item's")
                                .isEqualTo(DateSource.FEED);
                    });
            assertThat(records).filteredOn(s -> s.getTitle().equals("Hung host")).singleElement()
                    .satisfies(s -> assertThat(s.getDateSource()).isEqualTo(DateSource.READ));
            assertThat(records).filteredOn(Story::getFromFeedSummary).hasSize(2)
                    .filteredOn(s -> s.getTitle().equals("Talks stall")).singleElement().satisfies(s -> {
                        assertThat(s.getParagraphs()).containsExactly("Russia and Ukraine talks stalled on Monday. "
                                + "Both sides blamed the other.");
                        assertThat(s.getFetchStatus()).isEqualTo("HTTP 403");
                        assertThat(s.getPublishedAt()).isEqualTo(java.time.Instant.parse("2022-02-14T09:00:00Z"));
                        assertThat(s.getDateSource()).isEqualTo(DateSource.FEED);
                    });
            assertThat(records).filteredOn(s -> s.getTitle().equals("Gone")).singleElement()
                    .satisfies(s -> assertThat(s.getFromFeedSummary()).isFalse());
        }
    }

    @Test
    void shouldIngestThePagesOfASitemapIndex() throws Exception {
        FetchPolicy policy = FetchPolicy.defaults().withTrustedHosts(Set.of("127.0.0.1"))
                .withTiming(Duration.ofMillis(10), Duration.ZERO);
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Config.of(brokerDir, 0));
             IngestService service = new IngestService(new IngestService.Config(broker.bootstrapServers(), Map.of(),
                     GoldenStoryTest.CLOCK), Fetcher.of(policy))) {
            IngestReport report = service.ingestSitemaps(List.of(URI.create(base + "/sitemap-index.xml")));
            assertThat(report.failures()).isEmpty();
            assertThat(report.produced()).isEqualTo(2);
            assertThat(read(broker.bootstrapServers(), 2)).extracting(Story::getSource)
                    .containsOnly(base + "/news-sitemap.xml"); // the sitemap that lists the page
        }
    }

    private static List<Story> read(String bootstrap, int expected) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "feed-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), Topics.STORIES_RAW.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.STORIES_RAW.name()));
            List<Story> stories = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (stories.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Story> r : consumer.poll(Duration.ofMillis(300))) {
                    stories.add(r.value());
                }
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> stories.add(r.value()));
            return stories;
        }
    }
}
