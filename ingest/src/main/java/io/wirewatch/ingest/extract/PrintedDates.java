package io.wirewatch.ingest.extract;

import io.wirewatch.ingest.extract.PublishedDates.Found;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Candidate dates printed for readers: in date, byline and meta elements, after words such as "Published:", or
 * anywhere in the text; and how the page orders day and month in slashed dates.
 */
final class PrintedDates {

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

    static @Nullable Found fromDateElements(Document doc, LocalDate latest) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        Set<Element> headlineBoxes = HeadlineArea.headlineBoxes(doc);
        DateParser.SlashOrder order = slashOrder(doc);
        for (Element e : body.getAllElements()) {
            String marker = e.className() + " " + e.id();
            if (marker.isBlank() || !DATE_CLASS.matcher(marker).find()
                    || HeadlineArea.insideBoilerplate(e, headlineBoxes)) {
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

    static @Nullable Found fromText(Document doc, LocalDate latest) {
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
    static @Nullable Found firstInText(Document doc, LocalDate latest) {
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

    /** The order of day and month in the page's slashed dates, from the language it declares. */
    static DateParser.SlashOrder slashOrder(Document doc) {
        Element html = doc.selectFirst("html");
        String lang = html == null ? "" : html.hasAttr("lang") ? html.attr("lang") : html.attr("xml:lang");
        if (lang.isBlank()) {
            Element locale = doc.selectFirst("meta[property=og:locale], meta[http-equiv=content-language]");
            lang = locale == null ? "" : locale.attr("content");
        }
        return DateParser.SlashOrder.of(lang);
    }

    private PrintedDates() {
    }
}
