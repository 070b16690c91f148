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
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Story;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stories from the web: feeds and sitemaps (fetched conditionally, so an unchanged one costs a 304) and the
 * pages they list, and single URLs. A page URL seen before by this instance is not fetched again. Pages are fetched
 * hosts in parallel, each host one page at a time, each page within a deadline. A page that cannot be read becomes
 * its feed item's story when the item has a summary ({@code fromFeedSummary}); otherwise it is written as a record
 * without text whose {@code fetchStatus} says why.
 */
final class WebSources {

    private static final Logger LOG = LoggerFactory.getLogger(WebSources.class);
    /** How many hosts are fetched from at once; each host's pages are fetched one at a time. */
    static final int PARALLEL_HOSTS = 8;

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
    void feeds(StoryProducer.Batch batch, List<URI> feeds, IngestService.LinkProgress progress) {
        List<Link> links = new ArrayList<>();
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
                links.add(new Link(link, feedUrl.toString(), item.title(), item.published(), item.summary()));
            }
        }
        pages(batch, links, progress);
    }

    /**
     * Fetches news sitemaps and sitemap indexes (following an index two levels deep, at most 100 sitemaps per
     * call), then every listed page this service has not seen yet, as {@link #feeds} does for feeds.
     */
    void sitemaps(StoryProducer.Batch batch, List<URI> sitemaps, IngestService.LinkProgress progress) {
        List<Link> links = new ArrayList<>();
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
                    links.add(new Link(ok.url().resolve(page.url().strip()), sitemapUrl.toString(),
                            page.title() == null ? "" : page.title(), page.published(), null));
                } catch (IllegalArgumentException e) {
                    batch.fail(sitemapUrl + " page " + page.url(), "bad link");
                }
            }
        }
        pages(batch, links, progress);
    }

    /** Fetches, extracts and produces single article URLs. */
    void urls(StoryProducer.Batch batch, List<URI> urls, IngestService.LinkProgress progress) {
        pages(batch, urls.stream().map(url -> new Link(url, url.toString(), "", null, null)).toList(), progress);
    }

    /** A page to read: where it is, what listed it, and what the listing said of it. */
    record Link(URI url, String source, String title, @Nullable Instant published, @Nullable String summary) {
    }

    /**
     * Fetches the pages not seen before, hosts in parallel ({@link #PARALLEL_HOSTS} at a time) and each host's
     * pages one after another (the fetcher keeps each host's robots.txt and crawl delay), each within the policy's
     * per-link deadline; then extracts and produces them in the order they were listed.
     */
    private void pages(StoryProducer.Batch batch, List<Link> links, IngestService.LinkProgress progress) {
        List<Link> fresh = new ArrayList<>();
        for (Link link : links) {
            if (seenUrls.add(StoryIdentity.canonicalUrl(link.url().toString()))) {
                fresh.add(link);
            } else {
                batch.duplicates++;
            }
        }
        Map<String, List<Integer>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            URI url = fresh.get(i).url();
            String host = (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT)) + ":" + url.getPort();
            byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(i);
        }
        FetchResult[] fetched = new FetchResult[fresh.size()];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_HOSTS, byHost.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "ingest-fetch");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<?>> hosts = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> host : byHost.entrySet()) {
                hosts.add(pool.submit(() -> {
                    for (int i : host.getValue()) {
                        FetchResult result = fetcher.fetchWithinDeadline(fresh.get(i).url(), Validators.NONE);
                        fetched[i] = result;
                        progress.linkDone(done.incrementAndGet(), fresh.size(), host.getKey(),
                                result instanceof FetchResult.Fetched);
                    }
                }));
            }
            for (Future<?> host : hosts) {
                host.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("fetching pages failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < fresh.size(); i++) {
            FetchResult result = fetched[i] != null ? fetched[i]
                    : new FetchResult.Failed(fresh.get(i).url(), -1, "interrupted", false);
            ingestPage(batch, fresh.get(i), result);
        }
    }

    /**
     * Produces the story of one fetched page. A page that cannot be fetched or gives no text becomes the feed item's
     * own story when the item carries a summary (marked {@code fromFeedSummary}, its {@code fetchStatus} saying why
     * the page was not read); otherwise it is a failure, recorded without text.
     */
    private void ingestPage(StoryProducer.Batch batch, Link link, FetchResult page) {
        URI url = link.url();
        if (page instanceof FetchResult.NotModified) {
            return;
        }
        if (page instanceof FetchResult.Failed failed) {
            String status = failed.status() > 0 ? "HTTP " + failed.status() : failed.reason();
            if (!fromSummary(batch, link, status)) {
                batch.fail(url.toString(), failed.reason());
                batch.record(failureStory(link, status));
            }
            return;
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) page;
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(fetched.body()), fetched.charset(),
                    fetched.url().toString());
            Article article = extractor.extract(doc, fetched.url().toString());
            if (article.paragraphs().isEmpty()) {
                if (!fromSummary(batch, link, "no story text found on the page")) {
                    batch.fail(url.toString(), "no story text found");
                }
                return;
            }
            Story story = Stories.of(article, link.source(), fetched.url().toString(), clock.instant());
            if (story.getPublishedAt() == null && link.published() != null) {
                Stories.date(story, link.published(), null, DateSource.FEED);
            }
            batch.offer(url.toString(), story);
        } catch (IOException | RuntimeException e) {
            batch.fail(url.toString(), "cannot extract: " + e);
        }
    }

    /** Offers the feed item's own story when it has a summary; whether it did. */
    private boolean fromSummary(StoryProducer.Batch batch, Link link, String why) {
        List<String> paragraphs = summaryParagraphs(link.summary());
        if (paragraphs.isEmpty() || link.title().isBlank()) {
            return false;
        }
        String body = String.join("\n\n", paragraphs);
        Story story = Story.newBuilder()
                .setId(StoryIdentity.id(link.url().toString(), link.title(), body))
                .setSource(link.source())
                .setUrl(link.url().toString())
                .setTitle(link.title().strip())
                .setPublishedAt(link.published())
                .setDateSource(link.published() != null ? DateSource.FEED : DateSource.READ)
                .setFetchedAt(clock.instant())
                .setParagraphs(paragraphs)
                .setContentHash(StoryIdentity.contentHash(body))
                .setExtractionConfidence(0.5f)
                .setFetchStatus(why)
                .setFromFeedSummary(true)
                .build();
        batch.offerFromSummary(link.url().toString(), story, why);
        return true;
    }

    /**
     * A feed summary (text, as {@link FeedParser} gives it: markup already removed) as paragraphs, split at blank
     * lines; empty when it holds no words.
     */
    static List<String> summaryParagraphs(@Nullable String summary) {
        if (summary == null || summary.isBlank()) {
            return List.of();
        }
        List<String> paragraphs = new ArrayList<>();
        for (String block : summary.split("\\n\\s*\\n")) {
            String clean = block.replaceAll("\\s+", " ").strip();
            if (!clean.isEmpty()) {
                paragraphs.add(clean);
            }
        }
        return paragraphs;
    }

    /** The raw record of a page that could not be fetched: no text, and the reason in {@code fetchStatus}. */
    private Story failureStory(Link link, String status) {
        return Story.newBuilder()
                .setId(StoryIdentity.id(link.url().toString(), link.title(), ""))
                .setSource(link.source())
                .setUrl(link.url().toString())
                .setTitle(link.title())
                .setPublishedAt(link.published())
                .setDateSource(link.published() != null ? DateSource.FEED : DateSource.READ)
                .setFetchedAt(clock.instant())
                .setParagraphs(List.of())
                .setContentHash(StoryIdentity.contentHash(""))
                .setExtractionConfidence(0f)
                .setFetchStatus(status)
                .build();
    }

}
