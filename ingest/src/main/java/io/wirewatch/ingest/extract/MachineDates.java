package io.wirewatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.ingest.extract.PublishedDates.Found;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Candidate dates a page writes for machines: JSON-LD ({@code datePublished}), meta tags (named for the publication,
 * for the last change, or for "a date" only), dates in the data its scripts carry, and microdata, microformats and
 * {@code <time>} elements. Each method returns the first or best candidate of its source, or null; ranking them
 * against each other is {@link PublishedDates}'.
 */
final class MachineDates {

    static final List<String> PUBLISHED_META = List.of(
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
    static final List<String> GENERIC_META = List.of("dc.date", "dcterms.date", "date", "created",
            "timestamp", "published", "displaydate", "datecreated", "creation_date", "dc.date.created",
            "dcterms.created", "date_created", "article.created");

    static final List<String> MODIFIED_META = List.of(
            "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "date_modified",
            "last-modified", "lastmod", "modified", "dcterms.modified", "dc.date.modified", "revised",
            "article.updated", "updated_time", "parsely-updated");

    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting", "reportage",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report",
            "scholarlyarticle", "techarticle", "socialmediaposting", "liveblogposting", "posting", "review",
            "videoobject", "webpage", "creativework", "event", "medicalwebpage", "itempage", "recipe");

    static boolean isGenericMeta(Found found) {
        return found.evidence().startsWith("meta:")
                && GENERIC_META.contains(found.evidence().substring(5).strip().toLowerCase(Locale.ROOT));
    }

    static @Nullable Found fromJsonLd(List<JsonNode> jsonLd, String field, LocalDate latest) {
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

    static @Nullable Found fromMeta(Document doc, List<String> names, LocalDate latest) {
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
    static @Nullable Found fromAnyDateMeta(Document doc, LocalDate latest) {
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
    static @Nullable Found fromScriptJson(Document doc, LocalDate latest) {
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
    static @Nullable Found modifiedMarkup(Document doc, LocalDate latest) {
        for (Element e : doc.select("[itemprop=dateModified], abbr.updated[title], .updated[title], time.updated, "
                + "[property=schema:dateModified], [property=dcterms:modified]")) {
            Optional<DateParser.Parsed> parsed = parseAttributes(e, latest);
            if (parsed.isPresent()) {
                return new Found(parsed.get(), "markup:modified");
            }
        }
        return null;
    }

    static @Nullable Found fromMarkup(Document doc, LocalDate latest) {
        for (Element e : doc.select("[itemprop=datePublished], [itemprop=dateCreated], time[pubdate], "
                + "abbr.published, .published[title], time.published, time.entry-date, [property=dc:date], "
                + "[property=schema:datePublished], [property=schema:dateCreated], [property=dcterms:created]")) {
            Optional<DateParser.Parsed> parsed = parseAttributes(e, latest);
            if (parsed.isPresent()) {
                return new Found(parsed.get(), "markup:" + e.tagName());
            }
        }
        // a page lists many <time>s (teasers, comments); the article's own stands in the headline's block
        Element header = HeadlineArea.headlineBlock(doc);
        Set<Element> headlineBoxes = HeadlineArea.headlineBoxes(doc);
        List<Element> times = new java.util.ArrayList<>(header == null ? List.of() : header.select("time[datetime]"));
        times.addAll(doc.select("time[datetime]"));
        for (Element time : times) {
            if (HeadlineArea.insideBoilerplate(time, headlineBoxes)) {
                continue;
            }
            Optional<DateParser.Parsed> parsed = parseAttributes(time, latest);
            if (parsed.isPresent()) {
                return new Found(parsed.get(), "time");
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

    private MachineDates() {
    }
}
