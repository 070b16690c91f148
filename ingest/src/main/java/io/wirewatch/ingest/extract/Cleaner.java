package io.wirewatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Removes what is never story text before the body is searched: scripts and styles, forms and controls, navigation,
 * asides, hidden elements and blocks whose class, id or role names them furniture (share bars, related links,
 * newsletter boxes, comments). An element that itself looks like the article is kept whatever its name says.
 */
final class Cleaner {

    private static final Set<String> ALWAYS = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "video", "audio", "source", "track", "map", "button", "input", "select",
            "textarea", "option", "link", "meta", "dialog", "math", "head");
    private static final Set<String> STRUCTURAL = Set.of("nav", "aside", "footer", "header", "menu", "figure",
            "figcaption", "form");
    private static final Set<String> ROLES = Set.of("navigation", "complementary", "banner", "contentinfo",
            "menu", "menubar", "search", "dialog", "alert", "tablist", "toolbar");

    static final Pattern UNLIKELY = Pattern.compile("(?i)(?:^|[-_ ])(?:"
            + "share|sharing|sharebar|social|socials|related|relatedposts|recommend\\w*|newsletter\\w*|subscri\\w*"
            + "|signup|sign-up|comment\\w*|disqus|sidebar|side-bar|rail|widget\\w*|promo\\w*|advert\\w*|ads?|adslot"
            + "|ad-\\w+|dfp|sponsor\\w*|outbrain|taboola|cookie\\w*|consent|gdpr|breadcrumbs?|menu|navbar|nav|topnav"
            + "|footer|masthead|banner|popup|modal|overlay|paywall|login|register|toolbar|tools|print|pagination"
            + "|pager|trending|most-?popular|most-?read|more-?stories|read-?more|read-?next|up-?next|tags|tag-?list"
            + "|keywords|author-?bio|about-?author|byline|dateline|timestamp|caption|credit|skip|hidden|visually-hidden"
            + "|sr-only|screen-reader\\w*|jump-?link|toc|inline-?related|teaser|carousel|slider|gallery|video"
            + "|playlist|podcast|donate|follow|meta|headline|article-?header|kicker|eyebrow|flag|badge|alert|notice"
            + "|rating|poll|quiz|hidden-print|no-?print|contact|feedback|correction-?form|listen)(?:$|[-_ ])");
    static final Pattern LIKELY = Pattern.compile("(?i)(?:^|[-_ ])(?:article-?body|articlebody|story-?body"
            + "|post-?body|entry-?content|post-?content|article-?content|articletext|article-?text|story-?text"
            + "|body-?text|main-?content|content-?body|text-?body|rich-?text|articlecontent|storycontent|"
            + "body|content|article|main|story|entry|post|text|prose)(?:$|[-_ ])");

    private Cleaner() {
    }

    /** Removes what is never text (scripts, styles, controls) and hidden elements from {@code root} in place. */
    static void removeNonText(Element root) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e != root && (ALWAYS.contains(e.normalName()) || hidden(e) || comments(e))) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }

    /**
     * Removes furniture from {@code root} in place, except the elements in {@code keep} (the ancestors of what
     * looked most like the story before cleaning: a class name on them says nothing about the story inside).
     */
    static void clean(Element root, Set<Element> keep) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e != root && !keep.contains(e) && shouldRemove(e)) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }

    private static boolean shouldRemove(Element e) {
        String name = e.normalName();
        if (ALWAYS.contains(name)) {
            return true;
        }
        if (name.equals("body") || name.equals("html") || name.equals("main") || name.equals("article")
                && !e.hasAttr("class")) {
            return false;
        }
        if (hidden(e)) {
            return true;
        }
        if (STRUCTURAL.contains(name) || ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))) {
            return !looksLikeArticle(e);
        }
        if (name.equals("a") || name.equals("p") || name.equals("span") || name.equals("li")
                || name.equals("tr") || name.equals("td")) {
            // inline and leaf elements: their own class rarely says furniture; their container will
            return false;
        }
        String marker = e.className() + " " + e.id() + " " + e.attr("data-component") + " " + e.attr("data-testid");
        if (marker.isBlank()) {
            return false;
        }
        return UNLIKELY.matcher(marker).find() && !LIKELY.matcher(marker).find() && !looksLikeArticle(e);
    }

    /** Class names that hide an element from readers, or make it a pop-up: whole class tokens only. */
    private static final Set<String> HIDDEN_CLASSES = Set.of("hidden", "hide", "sr-only", "visually-hidden",
            "visuallyhidden", "screen-reader-text", "screen-reader-only", "d-none", "invisible", "offscreen",
            "element-invisible", "u-hidden", "is-hidden", "a11y-hidden", "assistive-text", "show-for-sr");
    private static final Pattern POPUP_CLASS = Pattern.compile("(?i)tooltip|popover|rollover|hovercard|-popup");

    /** Comment threads: never the story, however much prose they hold. Whole class tokens or the id. */
    private static final Pattern COMMENTS = Pattern.compile("(?i)^(?:comments?|comment-?(?:list|area|section|"
            + "wrapper|container|thread|form|respond|block|widget|module|stream)|commentlist|comments-?(?:area|"
            + "section|wrapper|container|list|block|widget|module|stream)|disqus_thread|disqus|respond|"
            + "reader-comments|user-comments|article-comments|post-comments|fb-comments)$");

    static boolean comments(Element e) {
        String marker = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        if (!marker.contains("comment") && !marker.contains("disqus") && !marker.contains("respond")) {
            return false;
        }
        if (COMMENTS.matcher(e.id()).matches()) {
            return true;
        }
        for (String name : e.classNames()) {
            if (COMMENTS.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern MAYBE_HIDDEN = Pattern.compile("(?i)hid|sr-only|invisible|offscreen|tooltip"
            + "|popover|rollover|hovercard|popup|d-none|assistive|show-for-sr|screen-reader");

    private static boolean hiddenClass(Element e) {
        String className = e.className();
        if (className.isEmpty() || !MAYBE_HIDDEN.matcher(className).find()) {
            return false;
        }
        for (String name : e.classNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HIDDEN_CLASSES.contains(lower) || POPUP_CLASS.matcher(lower).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hidden(Element e) {
        return hiddenClass(e) || e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden")) && e.text().length() < 200
                || hiddenByStyle(e);
    }

    private static boolean hiddenByStyle(Element e) {
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.replace(" ", "").toLowerCase(Locale.ROOT);
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    /** Several substantial paragraphs of prose: this is the story, whatever the element is called. */
    static boolean looksLikeArticle(Element e) {
        int prose = 0;
        for (Element p : e.getElementsByTag("p")) {
            String text = p.text();
            if (Text.weight(text) >= 150 && text.chars().anyMatch(c -> Text.endsSentence((char) c))) {
                prose++;
                if (prose >= 3) {
                    return true;
                }
            }
        }
        return false;
    }
}
