package io.wirewatch.ingest.extract;

import io.wirewatch.ingest.extract.PublishedDates.Found;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Where a page's headline stands and what is not the article around it: the block around the headline (whose
 * dates are the story's), and the footers, sidebars, mastheads and comment boxes whose dates are not.
 */
final class HeadlineArea {

    /** The smallest block around the headline that holds more than the headline, if not too big. */
    static @Nullable Element headlineBlock(Document doc) {
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

    /** A date written next to the headline: in the headline's own block, or the block around it. */
    static @Nullable Found nearTitle(Document doc, LocalDate latest) {
        Element h1 = Headline.of(doc);
        if (h1 == null) {
            return null;
        }
        DateParser.SlashOrder order = PrintedDates.slashOrder(doc);
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
            Matcher m = PrintedDates.ANY_DATE.matcher(text);
            while (m.find()) {
                Optional<DateParser.Parsed> p = DateParser.find(m.group(), latest, order);
                if (p.isPresent()) {
                    return new Found(p.get(), "near-title");
                }
            }
        }
        return null;
    }

    /**
     * True when {@code e} stands in a footer, aside, navigation, masthead, comment, sidebar, related-links or
     * widget box.
     * The page's layout wrappers name their sidebars too ({@code "mainwrap sidebar"}, {@code "one-sidebar"}):
     * a box that holds the headline is the article's, whatever its classes say.
     */
    static boolean insideBoilerplate(Element e, Set<Element> headlineBoxes) {
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

    /** The elements that hold the headline, whatever their classes say. */
    static Set<Element> headlineBoxes(Document doc) {
        Set<Element> boxes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Element headline = Headline.of(doc);
        if (headline != null) {
            boxes.addAll(headline.parents());
        }
        return boxes;
    }

    private HeadlineArea() {
    }
}
