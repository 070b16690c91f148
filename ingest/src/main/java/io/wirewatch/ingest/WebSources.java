package io.wirewatch.ingest;

import io.wirewatch.ingest.extract.Article;
import io.wirewatch.ingest.extract.HtmlExtractor;
import io.wirewatch.ingest.feed.FeedItem;
import io.wirewatch.ingest.feed.FeedParser;
import io.wirewatch.ingest.feed.FeedResult;
import io.wirewatch.ingest.feed.Sitemap;
import io.wirewatch.ingest.fetch.FetchResult;
import io.wirewatch.ingest.fetch.Fetcher;
import io.wirewatch.ingest.fetch.Validators;
import io.wirewatch.schema.Story;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stories from the web: feeds and sitemaps (fetched conditionally, so an unchanged one costs a 304) and the
 * pages they list, and single URLs. A page URL seen before by this instance is not fetched again; a page that
 * cannot be fetched is written as a record without text whose {@code fetchStatus} says why.
 */
final class WebSources {

    private static final Logger LOG = LoggerFactory.getLogger(WebSources.class);

    private final Clock clock;
    private final Fetcher fetcher;
    private final FeedParser feedParser;
    private final HtmlExtractor extractor;
    private final Set<String> seenUrls = new HashSet<>();
    private final Map<URI, Validators> validators = new HashMap<>();

    WebSources(Clock clock, Fetcher fetcher) {
        this.clock = clock;
        this.fetcher = fetcher;
        this.feedParser = new FeedParser(clock);
        this.extractor = new HtmlExtractor(clock);
    }

    /**
     * Fetches each feed (conditionally: a feed unchanged since this service last read it costs one 304), then
     * fetches and extracts every item's page that this service has not seen yet, and produces the stories.
     * The item's date stands in when the page has none. Failures of feeds and pages are reported with reasons.
     */
    void feeds(StoryProducer.Batch batch, List<URI> feeds) {
        for (URI feedUrl : feeds) {
            FetchResult fetched = fetcher.fetch(feedUrl, validators.getOrDefault(feedUrl, Validators.NONE));
            if (fetched instanceof FetchResult.NotModified) {
                LOG.info("feed {} not modified", feedUrl);
                continue;
            }
            if (fetched instanceof FetchResult.Failed failed) {
                batch.fail(feedUrl.toString(), failed.reason());
                continue;
            }
            FetchResult.Fetched ok = (FetchResult.Fetched) fetched;
            validators.put(feedUrl, ok.validators());
            FeedResult parsed = feedParser.parse(ok.body(), ok.charset());
            if (parsed instanceof FeedResult.Malformed malformed) {
                batch.fail(feedUrl.toString(), "malformed feed: " + malformed.reason());
                continue;
            }
            for (FeedItem item : ((FeedResult.Parsed) parsed).feed().items()) {
                if (item.link() == null) {
                    batch.fail(feedUrl + " item '" + item.title() + "'", "item has no link");
                    continue;
                }
                URI link;
                try {
                    link = ok.url().resolve(item.link().strip());
                } catch (IllegalArgumentException e) {
                    batch.fail(feedUrl + " item '" + item.title() + "'", "bad link " + item.link());
                    continue;
                }
                ingestPage(batch, link, feedUrl.toString(), item.title(), item.published());
            }
        }
    }

    /**
     * Fetches news sitemaps and sitemap indexes (following an index two levels deep, at most 100 sitemaps per
     * call), then every listed page this service has not seen yet, as {@link #feeds} does for feeds.
     */
    void sitemaps(StoryProducer.Batch batch, List<URI> sitemaps) {
        java.util.ArrayDeque<java.util.Map.Entry<URI, Integer>> queue = new java.util.ArrayDeque<>();
        sitemaps.forEach(u -> queue.add(Map.entry(u, 0)));
        int visited = 0;
        while (!queue.isEmpty() && visited++ < 100) {
            var next = queue.poll();
            URI sitemapUrl = next.getKey();
            FetchResult fetched = fetcher.fetch(sitemapUrl, validators.getOrDefault(sitemapUrl, Validators.NONE));
            if (fetched instanceof FetchResult.NotModified) {
                continue;
            }
            if (fetched instanceof FetchResult.Failed failed) {
                batch.fail(sitemapUrl.toString(), failed.reason());
                continue;
            }
            FetchResult.Fetched ok = (FetchResult.Fetched) fetched;
            validators.put(sitemapUrl, ok.validators());
            Sitemap sitemap;
            try {
                sitemap = Sitemap.parse(ok.body(), java.time.LocalDate.ofInstant(clock.instant(),
                        java.time.ZoneOffset.UTC).plusDays(1), fetcher.policy().maxBodyBytes());
            } catch (IOException | RuntimeException e) {
                batch.fail(sitemapUrl.toString(), "malformed sitemap: " + e);
                continue;
            }
            if (next.getValue() < 2) {
                for (String child : sitemap.sitemaps()) {
                    try {
                        queue.add(Map.entry(ok.url().resolve(child.strip()), next.getValue() + 1));
                    } catch (IllegalArgumentException e) {
                        batch.fail(sitemapUrl + " sitemap " + child, "bad link");
                    }
                }
            }
            for (Sitemap.Page page : sitemap.pages()) {
                try {
                    ingestPage(batch, ok.url().resolve(page.url().strip()), sitemapUrl.toString(),
                            page.title() == null ? "" : page.title(), page.published());
                } catch (IllegalArgumentException e) {
                    batch.fail(sitemapUrl + " page " + page.url(), "bad link");
                }
            }
        }
    }

    /** Fetches, extracts and produces single article URLs. */
    void urls(StoryProducer.Batch batch, List<URI> urls) {
        for (URI url : urls) {
            ingestPage(batch, url, url.toString(), "", null);
        }
    }

    private void ingestPage(StoryProducer.Batch batch, URI url, String source, String knownTitle,
                            java.time.@Nullable Instant fallbackDate) {
        if (!seenUrls.add(StoryIdentity.canonicalUrl(url.toString()))) {
            batch.duplicates++;
            return;
        }
        FetchResult page = fetcher.fetch(url, Validators.NONE);
        if (page instanceof FetchResult.Failed failed) {
            batch.fail(url.toString(), failed.reason());
            batch.record(failureStory(url, source, knownTitle, fallbackDate, failed));
            return;
        }
        if (!(page instanceof FetchResult.Fetched fetched)) {
            return;
        }
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(fetched.body()), fetched.charset(),
                    fetched.url().toString());
            Article article = extractor.extract(doc, fetched.url().toString());
            if (article.paragraphs().isEmpty()) {
                batch.fail(url.toString(), "no story text found");
                return;
            }
            Story story = Stories.of(article, source, fetched.url().toString(), clock.instant());
            if (story.getPublishedAt() == null && fallbackDate != null) {
                story.setPublishedAt(fallbackDate);
            }
            batch.offer(url.toString(), story);
        } catch (IOException | RuntimeException e) {
            batch.fail(url.toString(), "cannot extract: " + e);
        }
    }

    /** The raw record of a page that could not be fetched: no text, and the reason in {@code fetchStatus}. */
    private Story failureStory(URI url, String source, String title, java.time.@Nullable Instant published,
                               FetchResult.Failed failed) {
        String status = failed.status() > 0 ? "HTTP " + failed.status() : failed.reason();
        return Story.newBuilder()
                .setId(StoryIdentity.id(url.toString(), title, ""))
                .setSource(source)
                .setUrl(url.toString())
                .setTitle(title)
                .setPublishedAt(published)
                .setFetchedAt(clock.instant())
                .setParagraphs(List.of())
                .setContentHash(StoryIdentity.contentHash(""))
                .setExtractionConfidence(0f)
                .setFetchStatus(status)
                .build();
    }

}
