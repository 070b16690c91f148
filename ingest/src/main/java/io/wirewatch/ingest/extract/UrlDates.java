package io.wirewatch.ingest.extract;

import io.wirewatch.ingest.extract.PublishedDates.Found;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Candidate dates from URLs: the page's own ({@code /2019/11/19/}, {@code -2019-11-19}), its canonical and shared
 * URLs and picture, and, as a last resort, the date most of its links carry.
 */
final class UrlDates {

    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d\\d)(?:/([01]?\\d)/([0-3]?\\d)(?=/|$|\\.html?)|([01]\\d)([0-3]\\d)(?=[/_.-]|$)"
                    + "|[_-]([01]\\d)[_-]([0-3]\\d)(?=[/_.-]|$))"
                    + "|[/_-]((?:19|20)\\d\\d)-([01]\\d)-([0-3]\\d)(?:[/_.-]|$)"
                    + "|[/_-]([0-3]\\d)-([01]\\d)-((?:19|20)\\d\\d)(?:[/_.?#-]|$)");

    /** A date in the page URL such as {@code /2019/11/19/} or {@code -2019-11-19}. */
    static @Nullable Found fromUrl(String url, LocalDate latest) {
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

    static @Nullable Found fromUrlsInPage(Document doc, LocalDate latest) {
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

    /** Really the last resort: the full date most often found in the page's link and image URLs. */
    static @Nullable Found mostFrequentInLinks(Document doc, LocalDate latest) {
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

    private UrlDates() {
    }
}
