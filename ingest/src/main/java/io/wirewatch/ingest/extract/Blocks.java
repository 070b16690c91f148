package io.wirewatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Splits an element into text blocks the way a browser lays them out: block elements and {@code <br>} end a
 * run of inline text. Link text is counted so that navigation and teasers can be told from prose.
 */
final class Blocks {

    static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em",
            "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
            "var", "wbr", "big", "tt", "strike", "ins", "del", "label", "img", "nobr", "acronym");

    private static final java.util.regex.Pattern PARAGRAPH_BREAK =
            java.util.regex.Pattern.compile("\\n[\\s\\u00a0]*\\n");

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder run = new StringBuilder();
    private int runLinkChars;

    private Blocks() {
    }

    /** The text blocks of {@code root} in document order; blank runs are left out. */
    static List<Block> of(Element root) {
        Blocks b = new Blocks();
        b.visit(root, false);
        b.flush(root);
        return b.blocks;
    }

    private void visit(Element el, boolean inLink) {
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode text) {
                String s = text.getWholeText();
                run.append(s);
                if (inLink) {
                    runLinkChars += s.strip().length();
                }
            } else if (child instanceof Element e) {
                String name = e.normalName();
                if (name.equals("br")) {
                    run.append('\n');
                } else if (INLINE.contains(name)) {
                    visit(e, inLink || name.equals("a"));
                } else {
                    // a block element (also one inside an inline element such as a card-shaped <a>)
                    flush(el);
                    visit(e, inLink);
                    flush(e);
                }
            }
        }
    }

    private void flush(Element owner) {
        if (run.length() == 0) {
            return;
        }
        while (INLINE.contains(owner.normalName()) && owner.parent() != null) {
            owner = owner.parent();
        }
        String raw = run.toString();
        run.setLength(0);
        int links = runLinkChars;
        runLinkChars = 0;
        // a single <br> is a line break inside a paragraph; two or more end the paragraph
        String[] parts = raw.indexOf('\n') < 0 ? new String[] {raw} : PARAGRAPH_BREAK.split(raw);
        for (String part : parts) {
            String text = Text.normalise(part);
            if (!text.isEmpty()) {
                blocks.add(new Block(text, parts.length == 1 ? Math.min(links, text.length())
                        : (int) Math.round((double) links * text.length() / Math.max(1, raw.length())), owner));
            }
        }
    }
}
