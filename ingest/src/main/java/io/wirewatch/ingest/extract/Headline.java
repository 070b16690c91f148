package io.wirewatch.ingest.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The article's headline element. Pages often hold more than one {@code <h1>}: the site's logo in the masthead
 * ("Deutschlandfunk"), an empty floating toolbar, then the article's own. The article's is the one whose words
 * the page's titles (its {@code <title>} and the title it gives for sharing) repeat, the site's own name
 * ({@code og:site_name}) set aside; with no title to compare, the first that says more than the site's name.
 */
final class Headline {

    private Headline() {
    }

    /** The headline {@code <h1>} of {@code doc}, or null when it has none with text. */
    static @Nullable Element of(Document doc) {
        Element siteMeta = doc.selectFirst("meta[property=og:site_name]");
        String site = siteMeta == null ? "" : siteMeta.attr("content").strip();
        Set<String> titleWords = words(titleOf(doc));
        titleWords.addAll(words(doc.title()));
        titleWords.removeAll(words(site));
        Element first = null;
        Element best = null;
        double bestShare = 0;
        for (Element h1 : doc.select("h1")) {
            String text = h1.text();
            if (text.isBlank() || text.strip().equalsIgnoreCase(site)) {
                continue;
            }
            if (first == null) {
                first = h1;
            }
            Set<String> words = words(text);
            if (words.isEmpty() || titleWords.isEmpty()) {
                continue;
            }
            long shared = words.stream().filter(titleWords::contains).count();
            // the share of the headline's words in the title, so that a one-word logo found in the title's
            // "| Site" suffix does not outweigh a full headline
            double share = (double) shared / Math.max(words.size(), Math.min(titleWords.size(), 4));
            if (share > bestShare) {
                bestShare = share;
                best = h1;
            }
        }
        return best != null && bestShare >= 0.5 ? best : first;
    }

    /** The title the page gives itself for sharing, else its {@code <title>}. */
    static String titleOf(Document doc) {
        for (String query : new String[] {"meta[property=og:title]", "meta[name=twitter:title]"}) {
            Element meta = doc.selectFirst(query);
            if (meta != null && !meta.attr("content").isBlank()) {
                return meta.attr("content");
            }
        }
        return doc.title();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 1) {
                words.add(w);
            }
        }
        return words;
    }
}
