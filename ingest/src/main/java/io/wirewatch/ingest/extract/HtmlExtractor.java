package io.wirewatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Extracts the story of an HTML page with Jsoup: metadata from JSON-LD, meta tags and markup first, then the body
 * after furniture is removed, as paragraphs, with photo captions kept apart. Never throws on odd markup: a page
 * with no prose gives an article with no paragraphs and confidence 0.
 */
public final class HtmlExtractor {

    private final Clock clock;

    /** An extractor that takes "today" (the latest plausible publication date) from {@code clock}. */
    public HtmlExtractor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Extracts the page {@code html}, fetched from {@code url} when known (for relative links and URL dates). */
    public Article extract(String html, @Nullable String url) {
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        return extract(doc, url);
    }

    /** Extracts an already parsed page. The document is changed (furniture is removed from it). */
    public Article extract(Document doc, @Nullable String url) {
        LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        List<JsonNode> jsonLd = JsonLd.blocks(doc);
        List<JsonNode> objects = JsonLd.objects(jsonLd);
        String title = title(doc, objects);
        String byline = byline(doc, objects);
        String canonical = canonical(doc);
        String language = language(doc, objects);
        PublishedDates.Dates dates = PublishedDates.find(doc, jsonLd, canonical != null ? canonical : url, latest);
        List<String> captions = captions(doc);

        Element body = doc.body();
        List<String> paragraphs = new ArrayList<>();
        float confidence = 0f;
        if (body != null) {
            Fallbacks.openNoscript(body);
            Cleaner.removeNonText(body);
            Element uncleaned = body.clone();
            ContentFinder.Selection before = ContentFinder.select(body, Blocks.of(body));
            Set<Element> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            if (before.top() != null) {
                keep.addAll(before.top().parents());
                if (Cleaner.LIKELY.matcher(before.top().className() + " " + before.top().id()).find()) {
                    keep.add(before.top());
                }
            }
            Cleaner.clean(body, keep);
            List<Block> all = Blocks.of(body);
            List<Element> containers = ContentFinder.select(body, all).containers();
            List<Block> chosen = new ArrayList<>();
            for (Element container : containers) {
                chosen.addAll(Blocks.of(container));
            }
            if (weight(chosen, title) < Fallbacks.TINY_BODY) {
                // the cleaning took the story with the boilerplate (a list of steps classed "list", a page
                // all in "cards"): score the page's blocks again as they were, by text and link density alone
                List<Block> again = new ArrayList<>();
                for (Element container : ContentFinder.select(uncleaned, Blocks.of(uncleaned)).containers()) {
                    again.addAll(Blocks.of(container));
                }
                if (weight(again, title) > 2 * Math.max(weight(chosen, title), Fallbacks.TINY_BODY / 2)) {
                    chosen = again;
                }
            }
            int chars = 0;
            int links = 0;
            for (Block block : chosen) {
                String text = block.text();
                if (keep(block, title)) {
                    if (Captions.isCaption(text)) {
                        captions.add(text);
                    } else {
                        paragraphs.add(text);
                        chars += Text.weight(text);
                        links += block.linkChars();
                    }
                }
            }
            int pageChars = 0;
            for (Block block : all) {
                pageChars += block.linkDensity() < 0.5 ? Text.weight(block.text()) : 0;
            }
            confidence = confidence(paragraphs.size(), chars, links, pageChars);
        }
        List<String> fromJson = Fallbacks.articleBody(objects, paragraphs);
        if (fromJson != null) {
            paragraphs = fromJson;
            confidence = Math.max(confidence, 0.6f);
        }
        if (language == null) {
            language = Languages.guess(paragraphs);
        }
        Datelines.Found found = Datelines.find(paragraphs);
        String wire = found.wire() != null ? found.wire() : Datelines.wireIn(byline);
        PublishedDates.Found published = dates.published();
        return new Article(title, byline, found.place(), wire, language, canonical,
                instant(published), instant(dates.modified()), published == null ? null : published.date().local(),
                published == null ? 0f : published.confidence(), paragraphs,
                List.copyOf(new LinkedHashSet<>(captions)), confidence);
    }

    /** The weight of the blocks that {@link #keep} keeps. */
    private static int weight(List<Block> blocks, String title) {
        int weight = 0;
        for (Block block : blocks) {
            weight += keep(block, title) ? Text.weight(block.text()) : 0;
        }
        return weight;
    }

    private static boolean keep(Block block, String title) {
        String text = block.text();
        if (Furniture.isFurniture(text)) {
            return false;
        }
        if (block.tag().equals("h1") || text.equalsIgnoreCase(title)) {
            return false;
        }
        double ld = block.linkDensity();
        return !(ld > 0.5 || ld > 0.3 && text.length() < 100);
    }

    private static float confidence(int paragraphs, int chars, int links, int pageChars) {
        if (paragraphs == 0 || chars == 0) {
            return 0f;
        }
        double length = Math.min(1.0, chars / 1200.0);
        double linkFree = 1.0 - Math.min(1.0, (double) links / chars);
        double share = pageChars == 0 ? 1.0 : Math.min(1.0, 0.5 + (double) chars / pageChars);
        double count = paragraphs >= 3 ? 1.0 : 0.7;
        return (float) Math.max(0.0, Math.min(1.0, length * linkFree * share * count));
    }

    private static @Nullable Instant instant(PublishedDates.@Nullable Found found) {
        return found == null ? null : found.date().instant();
    }

    private static String title(Document doc, List<JsonNode> objects) {
        // a title that is only the site's name ("AP News") is the site's, not the article's
        Element siteName = doc.selectFirst("meta[property=og:site_name]");
        String site = siteName == null ? "" : Text.normalise(siteName.attr("content"));
        for (String query : List.of("meta[property=og:title]", "meta[name=twitter:title]")) {
            Element meta = doc.selectFirst(query);
            if (meta != null && !meta.attr("content").isBlank()
                    && !Text.normalise(meta.attr("content")).equalsIgnoreCase(site)) {
                return Text.normalise(meta.attr("content"));
            }
        }
        String headline = JsonLd.text(objects, "headline");
        if (!headline.isBlank() && !Text.normalise(headline).equalsIgnoreCase(site)) {
            return Text.normalise(headline);
        }
        Element h1 = Headline.of(doc);
        if (h1 != null && !h1.text().isBlank()) {
            return Text.normalise(h1.text());
        }
        String title = Text.normalise(doc.title());
        return title.replaceFirst("\\s+[|–—-]\\s+[^|–—-]{2,40}$", "");
    }

    private static @Nullable String byline(Document doc, List<JsonNode> objects) {
        List<String> authors = JsonLd.authors(objects);
        if (!authors.isEmpty()) {
            return String.join(", ", authors);
        }
        for (String query : List.of("meta[name=author]", "meta[property=article:author]", "meta[name=byl]",
                "meta[name=sailthru.author]", "meta[name=parsely-author]")) {
            Element meta = doc.selectFirst(query);
            if (meta != null && !meta.attr("content").isBlank() && !meta.attr("content").startsWith("http")) {
                return Text.normalise(meta.attr("content")).replaceFirst("(?i)^by\\s+", "");
            }
        }
        for (String query : List.of("[rel=author]", "[itemprop=author] [itemprop=name]", "[itemprop=author]",
                ".byline", ".author", ".byline-name", "[class*=byline]")) {
            Element e = doc.selectFirst(query);
            if (e != null) {
                String text = Text.normalise(e.text()).replaceFirst("(?i)^by\\s+", "");
                if (!text.isEmpty() && text.length() <= 100) {
                    return text;
                }
            }
        }
        return null;
    }

    private static @Nullable String canonical(Document doc) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link != null && !link.absUrl("href").isEmpty()) {
            return link.absUrl("href");
        }
        Element og = doc.selectFirst("meta[property=og:url][content]");
        if (og != null && og.attr("content").startsWith("http")) {
            return og.attr("content");
        }
        return null;
    }

    private static @Nullable String language(Document doc, List<JsonNode> objects) {
        Set<String> candidates = new LinkedHashSet<>();
        Element html = doc.selectFirst("html");
        if (html != null) {
            candidates.add(html.attr("lang"));
            candidates.add(html.attr("xml:lang"));
        }
        Element meta = doc.selectFirst("meta[http-equiv~=(?i)content-language]");
        if (meta != null) {
            candidates.add(meta.attr("content"));
        }
        candidates.add(JsonLd.text(objects, "inLanguage"));
        Element locale = doc.selectFirst("meta[property=og:locale]");
        if (locale != null) {
            candidates.add(locale.attr("content"));
        }
        for (String candidate : candidates) {
            String code = candidate.strip().toLowerCase(Locale.ROOT);
            if (code.matches("[a-z]{2}(?:[-_].*)?")) {
                return code.substring(0, 2);
            }
        }
        return null;
    }

    private static List<String> captions(Document doc) {
        List<String> captions = new ArrayList<>();
        for (Element e : doc.select("figcaption, .wp-caption-text, [itemprop=caption], .caption, .image-caption,"
                + " .photo-caption, .media-caption")) {
            String text = Text.normalise(e.text());
            if (!text.isEmpty() && text.length() <= 1000 && captions.stream().noneMatch(c -> c.contains(text))) {
                captions.add(text);
            }
        }
        return captions;
    }
}
