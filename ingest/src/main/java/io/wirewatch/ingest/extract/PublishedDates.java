package io.wirewatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Publication and modification dates of a page, from the strongest evidence down: JSON-LD, meta tags, microdata
 * and {@code <time>} elements, the URL, then dates written in the page's date/byline elements and text.
 */
public final class PublishedDates {

    /** The dates found, each with where it was found; either may be absent. */
    public record Dates(@Nullable Found published, @Nullable Found modified) {
    }

    /**
     * One date, the evidence it came from (e.g. {@code json-ld:datePublished}) and how far that kind of evidence
     * is to be trusted, between 0 and 1: structured data the publisher wrote for machines first, a date printed
     * beside the headline next, a date merely somewhere in the page or its links last.
     */
    public record Found(DateParser.Parsed date, String evidence, float confidence) {

        public Found {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(evidence, "evidence");
        }

        Found(DateParser.Parsed date, String evidence) {
            this(date, evidence, confidenceOf(evidence));
        }

        private static float confidenceOf(String evidence) {
            String kind = evidence.contains(":") ? evidence.substring(0, evidence.indexOf(':')) : evidence;
            return switch (kind) {
                case "json-ld", "markup" -> 0.9f;
                case "meta" -> 0.85f;
                case "time", "url" -> 0.75f;
                case "element", "byline" -> 0.65f;
                case "near-title", "text", "script-json" -> 0.5f;
                case "text-first" -> 0.3f;
                case "links" -> 0.2f;
                case "copyright" -> 0.1f;
                default -> 0.4f;
            };
        }
    }

    private static final List<String> PUBLISHED_META = List.of(
            "article:published_time", "og:article:published_time", "article.published", "published_time",
            "datepublished", "date_published", "publishdate", "publish_date", "publish-date", "pubdate",
            "publication_date", "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued",
            "citation_publication_date", "citation_date", "cxenseparse:recs:publishtime",
            "originalpublicationdate", "og:pubdate", "rnews:datepublished", "article_date_original",
            "og:published_time", "article:post_date", "bt:pubdate", "pub_date", "release_date", "dateposted",
            "publication-date", "citation_online_date");
    /**
     * Names that say "a date" but not which: content systems fill them with the time the page was generated or
     * last saved as often as with the publication time, so they rank below microdata that names
     * {@code datePublished} explicitly.
     */
    private static final List<String> GENERIC_META = List.of("dc.date", "dcterms.date", "date", "created",
            "timestamp", "published", "displaydate", "datecreated", "creation_date", "dc.date.created",
            "dcterms.created", "date_created", "article.created");
    private static final List<String> MODIFIED_META = List.of(
            "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "date_modified",
            "last-modified", "lastmod", "modified", "dcterms.modified", "dc.date.modified", "revised",
            "article.updated", "updated_time", "parsely-updated");
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting", "reportage",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report",
            "scholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting", "posting", "review",
            "videoobject", "webpage", "creativework", "event", "medicalwebpage", "itempage", "recipe");
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d\\d)(?:/([01]?\\d)/([0-3]?\\d)(?=/|$|\\.html?)|([01]\\d)([0-3]\\d)(?=[/_.-]|$)"
                    + "|[_-]([01]\\d)[_-]([0-3]\\d)(?=[/_.-]|$))"
                    + "|[/_-]((?:19|20)\\d\\d)-([01]\\d)-([0-3]\\d)(?:[/_.-]|$)"
                    + "|[/_-]([0-3]\\d)-([01]\\d)-((?:19|20)\\d\\d)(?:[/_.?#-]|$)");
    private static final Pattern DATE_CLASS = Pattern.compile(
            "(?i)(?:^|[-_ ])(?:date|datum|time|published|publish|pubdate|posted|post-?meta|entry-?meta|meta|byline"
                    + "|dateline|timestamp|article-?info|submitted|created|info|updated)(?:$|[-_ ])|entry-date"
                    + "|post-date|publication|posted-on|article-date|news-date");
    private static final Pattern PUBLISHED_WORDS = Pattern.compile(
            "(?iu)\\b(?:published|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|datum|date|created"
                    + "|erstellt|geschrieben|written|publication|stand)(?:\\s+(?:on|am|le|el|il|at|vom))?\\s*[:\\s]");
    static final Pattern ANY_DATE = Pattern.compile(
            "(?iu)(?<![\\d.])(?:(?:19|20)\\d\\d-[01]\\d-[0-3]\\d|[0-3]?\\d\\.[01]?\\d\\.\\d\\d(?![\\d.]\\d|\\d)|[0-3]?\\d\\.[\\s\\u00a0\\u2009\\u202f]?[01]?\\d\\.[\\s\\u00a0\\u2009\\u202f]?(?:19|20)\\d\\d"
                    + "|(?:19|20)\\d\\d/[01]\\d/[0-3]\\d|[0-3]?\\d/[01]?\\d/(?:19|20)\\d\\d|[0-3]?\\d\\.?\\s+\\p{L}{3,10}\\.?,?\\s+(?:19|20)\\d\\d"
                    + "|\\p{L}{3,10}\\.?\\s+[0-3]?\\d(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d\\d)(?!\\d)");

    private PublishedDates() {
    }

    /** The dates of {@code doc}, reading its JSON-LD too; {@code url} may be null; no date after {@code latest}. */
    public static Dates of(Document doc, @Nullable String url, LocalDate latest) {
        return find(doc, JsonLd.blocks(doc), url, latest);
    }

    /** The dates of {@code doc}, fetched from {@code url} (may be null); no date after {@code latest}. */
    static Dates find(Document doc, List<JsonNode> jsonLd, @Nullable String url, LocalDate latest) {
        Found fromUrl = url == null ? null : fromUrl(url, latest);
        Found published = fromJsonLd(jsonLd, "datePublished", latest);
        Found modified = fromJsonLd(jsonLd, "dateModified", latest);
        if (published == null) {
            published = fromJsonLd(jsonLd, "dateCreated", latest);
        }
        if (published == null) {
            published = fromMeta(doc, PUBLISHED_META, latest);
        }
        if (modified == null) {
            modified = fromMeta(doc, MODIFIED_META, latest);
        }
        if (modified == null) {
            modified = modifiedMarkup(doc, latest);
        }
        if (published == null) {
            published = fromMarkup(doc, latest);
        }
        if (published == null) {
            published = fromMeta(doc, GENERIC_META, latest);
        }
        if (fromUrl != null && (published == null || !published.date().day().equals(fromUrl.date().day()))) {
            // a full date in the URL is the strongest evidence of the day; structured data keeps the time
            // when it agrees with it
            return new Dates(fromUrl, modified);
        }
        if (published != null) {
            LocalReading reading = new LocalReading(doc, latest);
            published = reading.inPublishersZone(reading.asShown(published, modified));
            boolean generic = isGenericMeta(published);
            if (fromUrl == null && !published.evidence().startsWith("shown:")
                    && (generic || !reading.shows(published.date().day()))) {
                // a date for machines that the page prints nowhere, or one under a name that says only "a date",
                // against one it prints beside its headline, in its date line or after "Published:": readers
                // (and the newsroom's editors) saw the printed one
                Found printed = nearTitle(doc, latest);
                if (printed == null) {
                    printed = fromDateElements(doc, latest);
                }
                if (printed == null && generic) {
                    printed = fromText(doc, latest);
                }
                if (printed != null && !printed.date().day().equals(published.date().day())
                        && reading.shows(printed.date().day())) {
                    published = new Found(printed.date(), "shown:" + printed.evidence(), 0.6f);
                }
            }
            return new Dates(published, modified);
        }
        if (published == null) {
            published = fromAnyDateMeta(doc, latest);
        }
        if (published == null) {
            published = fromScriptJson(doc, latest);
        }
        if (published == null) {
            published = nearTitle(doc, latest);
        }
        if (published == null) {
            published = fromDateElements(doc, latest);
        }
        if (published == null) {
            published = fromUrlsInPage(doc, latest);
        }
        if (published == null) {
            published = fromText(doc, latest);
        }
        if (published == null && modified != null) {
            // the page's own machine-readable date, though of its last change, is closer to its publication than
            // the first date its text happens to mention
            published = new Found(modified.date(), modified.evidence() + " (modified)");
        }
        if (published == null) {
            published = firstInText(doc, latest);
        }
        if (published == null) {
            published = mostFrequentInLinks(doc, latest);
        }
        if (published == null) {
            published = Copyright.of(doc, latest);
        }
        if (published == null && modified != null) {
            published = new Found(modified.date(), modified.evidence() + " (modified)");
        }
        return new Dates(published, modified);
    }

    private static boolean isGenericMeta(Found found) {
        return found.evidence().startsWith("meta:")
                && GENERIC_META.contains(found.evidence().substring(5).strip().toLowerCase(Locale.ROOT));
    }

    private static @Nullable Found fromJsonLd(List<JsonNode> jsonLd, String field, LocalDate latest) {
        Found fallback = null;
        for (JsonNode node : JsonLd.objects(jsonLd)) {
            JsonNode value = node.get(field);
            if (value == null) {
                continue;
            }
            String text = value.isArray() && !value.isEmpty() ? value.get(0).asText() : value.asText();
            Optional<DateParser.Parsed> parsed = DateParser.parse(text, latest);
            if (parsed.isEmpty()) {
                continue;
            }
            Found found = new Found(parsed.get(), "json-ld:" + field);
            if (JsonLd.types(node).stream().anyMatch(t -> ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT))
                    && !t.equalsIgnoreCase("webpage"))) {
                return found;
            }
            if (fallback == null) {
                fallback = found;
            }
        }
        return fallback;
    }

    private static @Nullable Found fromMeta(Document doc, List<String> names, LocalDate latest) {
        Found best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Element meta : doc.select("meta[content]")) {
            String key = meta.hasAttr("property") ? meta.attr("property")
                    : meta.hasAttr("name") ? meta.attr("name")
                    : meta.hasAttr("itemprop") ? meta.attr("itemprop") : meta.attr("http-equiv");
            int rank = names.indexOf(key.toLowerCase(Locale.ROOT).strip());
            if (rank < 0 || rank >= bestRank) {
                continue;
            }
            Optional<DateParser.Parsed> parsed = DateParser.parse(meta.attr("content"), latest);
            if (parsed.isPresent()) {
                best = new Found(parsed.get(), "meta:" + key);
                bestRank = rank;
            }
        }
        return best;
    }

    private static final Pattern DATE_META = Pattern.compile("(?i)date|time|publish|created|upload|release|issued");
    private static final Pattern NOT_PUBLISHED_META = Pattern.compile("(?i)modif|updat|expir|revis|copyright"
            + "|valid|birth|start|end|event|price|crawl|index|refresh");

    /** Any other meta tag whose name says it holds a date (e.g. a site's own "uploaded" property). */
    private static @Nullable Found fromAnyDateMeta(Document doc, LocalDate latest) {
        for (Element meta : doc.select("meta[content]")) {
            String key = meta.hasAttr("property") ? meta.attr("property")
                    : meta.hasAttr("name") ? meta.attr("name") : meta.attr("itemprop");
            if (key.isEmpty() || !DATE_META.matcher(key).find() || NOT_PUBLISHED_META.matcher(key).find()) {
                continue;
            }
            Optional<DateParser.Parsed> parsed = DateParser.parse(meta.attr("content"), latest);
            if (parsed.isPresent()) {
                return new Found(parsed.get(), "meta:" + key);
            }
        }
        return null;
    }

    private static final Pattern SCRIPT_DATE = Pattern.compile("[\"'](?:datePublished|published_at|publishedAt"
            + "|publishedDate|publish_date|publishDate|pubDate|firstPublished|first_published_at|date_published"
            + "|dateCreated|created_at|createdAt|uploadDate|releaseDate)[\"']\\s*:\\s*[\"']([^\"']{6,40})[\"']");

    /** A publication date in the data a page's scripts carry ({@code "published_at":"2019-03-02T06:22:28"}). */
    private static @Nullable Found fromScriptJson(Document doc, LocalDate latest) {
        for (Element script : doc.select("script")) {
            String data = script.data();
            if (data.length() > 2_000_000) {
                continue;
            }
            Matcher m = SCRIPT_DATE.matcher(data);
            while (m.find()) {
                Optional<DateParser.Parsed> parsed = DateParser.parse(m.group(1), latest);
                if (parsed.isPresent()) {
                    return new Found(parsed.get(), "script-json");
                }
            }
        }
        return null;
    }

    /** A modification date in microdata or microformats ({@code <span class="updated" title="2013-04-04T18:52">}). */
    private static @Nullable Found modifiedMarkup(Document doc, LocalDate latest) {
        for (Element e : doc.select("[itemprop=dateModified], abbr.updated[title], .updated[title], time.updated, "
                + "[property=schema:dateModified], [property=dcterms:modified]")) {
            Optional<DateParser.Parsed> parsed = parseAttributes(e, latest);
            if (parsed.isPresent()) {
                return new Found(parsed.get(), "markup:modified");
            }
        }
        return null;
    }

    private static @Nullable Found fromMarkup(Document doc, LocalDate latest) {
        for (Element e : doc.select("[itemprop=datePublished], [itemprop=dateCreated], time[pubdate], "
                + "abbr.published, .published[title], time.published, time.entry-date, [property=dc:date], "
                + "[property=schema:datePublished], [property=schema:dateCreated], [property=dcterms:created]")) {
            Optional<DateParser.Parsed> parsed = parseAttributes(e, latest);
            if (parsed.isPresent()) {
                return new Found(parsed.get(), "markup:" + e.tagName());
            }
        }
        // a page lists many <time>s (teasers, comments); the article's own stands in the headline's block
        Element header = headlineBlock(doc);
        Set<Element> headlineBoxes = headlineBoxes(doc);
        List<Element> times = new java.util.ArrayList<>(header == null ? List.of() : header.select("time[datetime]"));
        times.addAll(doc.select("time[datetime]"));
        for (Element time : times) {
            if (insideBoilerplate(time, headlineBoxes)) {
                continue;
            }
            Optional<DateParser.Parsed> parsed = parseAttributes(time, latest);
            if (parsed.isPresent()) {
                return new Found(parsed.get(), "time");
            }
        }
        return null;
    }

    /** The smallest block around the headline that holds more than the headline, if not too big. */
    private static @Nullable Element headlineBlock(Document doc) {
        Element h1 = Headline.of(doc);
        if (h1 == null) {
            return null;
        }
        Element scope = h1;
        for (int level = 0; level < 3 && scope.parent() != null; level++) {
            scope = scope.parent();
            if (scope.normalName().equals("body") || scope.text().length() > 3000) {
                return null;
            }
            if (scope.text().length() > h1.text().length() + 10) {
                return scope;
            }
        }
        return null;
    }

    private static Optional<DateParser.Parsed> parseAttributes(Element e, LocalDate latest) {
        for (String attr : List.of("datetime", "content", "title", "data-datetime", "data-time")) {
            if (e.hasAttr(attr)) {
                Optional<DateParser.Parsed> p = DateParser.parse(e.attr(attr), latest);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return DateParser.parse(e.text(), latest);
    }

    /** A date in the page URL such as {@code /2019/11/19/} or {@code -2019-11-19}. */
    public static @Nullable Found fromUrl(String url, LocalDate latest) {
        Matcher m = URL_DATE.matcher(url);
        while (m.find()) {
            String y;
            String mo;
            String d;
            if (m.group(11) != null) {
                d = m.group(11);
                mo = m.group(12);
                y = m.group(13);
            } else if (m.group(1) == null) {
                y = m.group(8);
                mo = m.group(9);
                d = m.group(10);
            } else {
                y = m.group(1);
                int g = m.group(2) != null ? 2 : m.group(4) != null ? 4 : 6;
                mo = m.group(g);
                d = m.group(g + 1);
            }
            mo = mo.length() == 1 ? "0" + mo : mo;
            d = d.length() == 1 ? "0" + d : d;
            Optional<DateParser.Parsed> p = DateParser.parse(y + "-" + mo + "-" + d, latest);
            if (p.isPresent()) {
                return new Found(p.get(), "url");
            }
        }
        return null;
    }

    private static @Nullable Found fromUrlsInPage(Document doc, LocalDate latest) {
        for (String selector : List.of("link[rel=canonical]", "meta[property=og:url]", "link[rel=shortlink]")) {
            Element e = doc.selectFirst(selector);
            if (e != null) {
                Found f = fromUrl(e.hasAttr("href") ? e.attr("href") : e.attr("content"), latest);
                if (f != null) {
                    return f;
                }
            }
        }
        // the picture shared with the article, filed by its upload day (/files/2016/05/04/cover.png)
        for (String selector : List.of("meta[property=og:image]", "meta[name=twitter:image]")) {
            Element e = doc.selectFirst(selector);
            if (e != null) {
                Found f = fromUrl(e.attr("content"), latest);
                if (f != null) {
                    return new Found(f.date(), "url:image", 0.4f);
                }
            }
        }
        return null;
    }

    private static @Nullable Found fromDateElements(Document doc, LocalDate latest) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        Set<Element> headlineBoxes = headlineBoxes(doc);
        DateParser.SlashOrder order = slashOrder(doc);
        for (Element e : body.getAllElements()) {
            String marker = e.className() + " " + e.id();
            if (marker.isBlank() || !DATE_CLASS.matcher(marker).find() || insideBoilerplate(e, headlineBoxes)) {
                continue;
            }
            String text = e.text();
            if (text.length() > 250 || text.isEmpty()) {
                continue;
            }
            Optional<DateParser.Parsed> p = DateParser.find(text, latest, order);
            if (p.isPresent()) {
                return new Found(p.get(), "element:" + e.tagName() + "." + e.className());
            }
        }
        return null;
    }

    private static @Nullable Found fromText(Document doc, LocalDate latest) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        String text = body.text();
        Matcher words = PUBLISHED_WORDS.matcher(text);
        while (words.find()) {
            String after = text.substring(words.end(), Math.min(text.length(), words.end() + 40));
            Optional<DateParser.Parsed> p = DateParser.find(after, latest);
            if (p.isPresent()) {
                return new Found(p.get(), "text");
            }
        }
        return null;
    }

    /** Last resort: the first plausible date written in the page text (comments and scripts left out). */
    /** A date written next to the headline: in the headline's own block, or the block around it. */
    private static @Nullable Found nearTitle(Document doc, LocalDate latest) {
        Element h1 = Headline.of(doc);
        if (h1 == null) {
            return null;
        }
        DateParser.SlashOrder order = slashOrder(doc);
        Element scope = h1;
        for (int level = 0; level < 3 && scope.parent() != null; level++) {
            scope = scope.parent();
            if (scope.normalName().equals("body")) {
                break;
            }
            String text = scope.text();
            if (text.length() > 3000) {
                break;
            }
            Matcher m = ANY_DATE.matcher(text);
            while (m.find()) {
                Optional<DateParser.Parsed> p = DateParser.find(m.group(), latest, order);
                if (p.isPresent()) {
                    return new Found(p.get(), "near-title");
                }
            }
        }
        return null;
    }

    private static @Nullable Found firstInText(Document doc, LocalDate latest) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        Element content = body.clone();
        // copyright lines are read apart, after everything else (Copyright)
        content.select("script, style, [class*=comment], [id*=comment], footer, [class*=copyright], "
                + "[id*=copyright]").remove();
        Matcher m = ANY_DATE.matcher(content.text());
        int seen = 0;
        while (m.find() && seen++ < 500) {
            Optional<DateParser.Parsed> p = DateParser.find(m.group(), latest);
            if (p.isPresent()) {
                return new Found(p.get(), "text-first");
            }
        }
        return null;
    }

    /** Really the last resort: the full date most often found in the page's link and image URLs. */
    private static @Nullable Found mostFrequentInLinks(Document doc, LocalDate latest) {
        java.util.Map<LocalDate, Integer> counts = new java.util.LinkedHashMap<>();
        java.util.Map<LocalDate, Found> first = new java.util.HashMap<>();
        int seen = 0;
        for (Element e : doc.select("a[href], img[src]")) {
            if (seen++ > 2000) {
                break;
            }
            String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            Found f = fromUrl(link, latest);
            if (f != null) {
                counts.merge(f.date().day(), 1, Integer::sum);
                first.putIfAbsent(f.date().day(), f);
            }
        }
        return counts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .map(e -> new Found(first.get(e.getKey()).date(), "links:most-frequent"))
                .orElse(null);
    }

    /**
     * True when {@code e} stands in a footer, aside, navigation, masthead, comment, sidebar, related-links or
     * widget box.
     * The page's layout wrappers name their sidebars too ({@code "mainwrap sidebar"}, {@code "one-sidebar"}):
     * a box that holds the headline is the article's, whatever its classes say.
     */
    private static boolean insideBoilerplate(Element e, Set<Element> headlineBoxes) {
        for (Element p = e; p != null && !p.normalName().equals("body") && !p.normalName().equals("html");
                p = p.parent()) {
            if (headlineBoxes.contains(p)) {
                return false;
            }
            String name = p.tagName();
            if (name.equals("footer") || name.equals("aside") || name.equals("nav")) {
                return true;
            }
            if (!headlineBoxes.isEmpty() && (name.equals("header") || p.attr("role").equals("banner"))) {
                // a header without the headline is the site's masthead, which prints today's date
                return true;
            }
            String marker = (p.className() + " " + p.id()).toLowerCase(Locale.ROOT);
            if (marker.contains("comment") || marker.contains("sidebar") || marker.contains("related")
                    || marker.contains("widget")) {
                return true;
            }
        }
        return false;
    }

    /** The order of day and month in the page's slashed dates, from the language it declares. */
    private static DateParser.SlashOrder slashOrder(Document doc) {
        Element html = doc.selectFirst("html");
        String lang = html == null ? "" : html.hasAttr("lang") ? html.attr("lang") : html.attr("xml:lang");
        if (lang.isBlank()) {
            Element locale = doc.selectFirst("meta[property=og:locale], meta[http-equiv=content-language]");
            lang = locale == null ? "" : locale.attr("content");
        }
        return DateParser.SlashOrder.of(lang);
    }

    /** The elements that hold the headline, whatever their classes say. */
    private static Set<Element> headlineBoxes(Document doc) {
        Set<Element> boxes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Element headline = Headline.of(doc);
        if (headline != null) {
            boxes.addAll(headline.parents());
        }
        return boxes;
    }
}
