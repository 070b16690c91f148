package io.wirewatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jspecify.annotations.Nullable;

/**
 * Where a page keeps its story when the markup a browser renders does not: the {@code <noscript>} copy that
 * script-built pages serve to readers without JavaScript, and the {@code articleBody} that news and blog systems
 * write into their JSON-LD for search engines.
 */
final class Fallbacks {

    /** Below this weight ({@link Text#weight}) a body is too small to be the whole of a story. */
    static final int TINY_BODY = 250;
    private static final int NOSCRIPT_PROSE = 200;
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting", "reportage",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report",
            "techarticle", "liveblogposting", "socialmediaposting");

    private Fallbacks() {
    }

    /**
     * Replaces each {@code <noscript>} of {@code body} by its content when that content is prose and outweighs
     * the text of the page outside it: the page is built by a script and the noscript copy is its story. A
     * noscript with a tracking pixel or a "please enable JavaScript" line stays and is removed with the scripts.
     */
    static void openNoscript(Element body) {
        List<Element> noscripts = body.select("noscript");
        if (noscripts.isEmpty()) {
            return;
        }
        int inside = 0;
        for (Element noscript : noscripts) {
            inside += Text.weight(content(noscript).text());
        }
        int outside = Text.weight(body.text()) - noscripts.stream().mapToInt(n -> Text.weight(n.text())).sum();
        if (inside < NOSCRIPT_PROSE || inside < outside) {
            return;
        }
        for (Element noscript : noscripts) {
            Element content = content(noscript);
            if (Text.weight(content.text()) < NOSCRIPT_PROSE || noscript.parent() == null) {
                continue;
            }
            List<Node> children = new ArrayList<>(content.childNodes());
            Element wrapper = new Element("div");
            for (Node child : children) {
                wrapper.appendChild(child.clone());
            }
            noscript.replaceWith(wrapper);
        }
    }

    /** The markup inside a noscript, whether the parser kept it as elements or as raw text. */
    private static Element content(Element noscript) {
        if (noscript.children().isEmpty() && noscript.data().contains("<")) {
            return Jsoup.parseBodyFragment(noscript.data()).body();
        }
        if (noscript.children().isEmpty() && noscript.text().contains("<")) {
            return Jsoup.parseBodyFragment(noscript.wholeText()).body();
        }
        return noscript;
    }

    /**
     * The paragraphs of the JSON-LD {@code articleBody} of an article-typed object, when the extracted
     * {@code paragraphs} are tiny beside it (the page renders its story with a script, or the finder missed it);
     * null when the extracted body stands.
     */
    static @Nullable List<String> articleBody(List<JsonNode> objects, List<String> paragraphs) {
        int extracted = paragraphs.stream().mapToInt(Text::weight).sum();
        if (extracted >= TINY_BODY) {
            return null;
        }
        for (JsonNode node : objects) {
            JsonNode body = node.get("articleBody");
            if (body == null || !body.isTextual() || JsonLd.types(node).stream()
                    .noneMatch(t -> ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            List<String> split = paragraphsOf(body.asText());
            int weight = split.stream().mapToInt(Text::weight).sum();
            if (weight >= TINY_BODY && weight >= 2 * extracted) {
                return split;
            }
        }
        return null;
    }

    private static List<String> paragraphsOf(String articleBody) {
        List<String> out = new ArrayList<>();
        if (articleBody.contains("</p>") || articleBody.contains("<br")) {
            for (Block block : Blocks.of(Jsoup.parseBodyFragment(articleBody).body())) {
                out.add(block.text());
            }
            return out;
        }
        for (String part : articleBody.split("\\n\\s*\\n|\\r?\\n")) {
            String text = Text.normalise(part);
            if (!text.isEmpty() && !Furniture.isFurniture(text)) {
                out.add(text);
            }
        }
        return out;
    }
}
