package io.wirewatch.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Picks the blocks that make up the story. Prose blocks vote for the elements that hold them (their own element,
 * its parent fully, the grandparent half, further ancestors less); the element with the best vote, discounted
 * by its link density, is the story's container, and siblings that carry prose of their own join it.
 */
final class ContentFinder {

    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|main|page|post|text"
            + "|blog|story|prose");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)hidden|banner|combx|comment|com-|contact|foot"
            + "|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor"
            + "|shopping|tags|tool|widget|teaser|card|list|nav|menu");
    private static final int MIN_BLOCK = 25;

    private ContentFinder() {
    }

    /** The best container and the elements chosen with it, in document order; empty when there is no prose. */
    record Selection(@Nullable Element top, List<Element> containers) {
        static final Selection NONE = new Selection(null, List.of());
    }

    /** Text, link text and prose lengths under each element, summed once over the blocks. */
    private static final class Totals {
        final Map<Element, int[]> sums = new IdentityHashMap<>();

        Totals(Element body, List<Block> blocks) {
            for (Block block : blocks) {
                int length = Text.weight(block.text());
                int prose = length >= 80 && block.linkDensity() < 0.25 ? length : 0;
                for (Element e = block.owner(); e != null; e = e.parent()) {
                    int[] sum = sums.computeIfAbsent(e, k -> new int[5]);
                    sum[0] += length;
                    sum[1] += block.linkChars();
                    sum[2] += prose;
                    sum[3] += prose > 0 ? 1 : 0;
                    sum[4] += 1;
                    if (e == body) {
                        break;
                    }
                }
            }
        }

        int text(Element e) {
            int[] sum = sums.get(e);
            return sum == null ? 0 : sum[0];
        }

        double linkDensity(Element e) {
            int[] sum = sums.get(e);
            return sum == null || sum[0] == 0 ? 0 : Math.min(1.0, (double) sum[1] / sum[0]);
        }

        int prose(Element e) {
            int[] sum = sums.get(e);
            return sum == null ? 0 : sum[2];
        }

        int proseBlocks(Element e) {
            int[] sum = sums.get(e);
            return sum == null ? 0 : sum[3];
        }

        int blocks(Element e) {
            int[] sum = sums.get(e);
            return sum == null ? 0 : sum[4];
        }
    }

    static Selection select(Element body, List<Block> blocks) {
        Totals totals = new Totals(body, blocks);
        Map<Element, Double> scores = new IdentityHashMap<>();
        Map<Element, Double> prose = new IdentityHashMap<>();
        for (Block block : blocks) {
            int weight = Text.weight(block.text());
            if (weight < MIN_BLOCK || block.linkDensity() > 0.5) {
                continue;
            }
            double score = 1 + commas(block.text()) + Math.min(weight / 100.0, 3.0);
            Element e = block.owner();
            int level = 0;
            while (e != null && level < 6) {
                double share = level <= 1 ? 1.0 : level == 2 ? 0.5 : 1.0 / (level * 3);
                if (!scores.containsKey(e)) {
                    scores.put(e, initialScore(e));
                }
                scores.merge(e, score * share, Double::sum);
                prose.merge(e, score * share, Double::sum);
                if (e == body) {
                    break;
                }
                e = e.parent();
                level++;
            }
        }
        if (scores.isEmpty()) {
            return Selection.NONE;
        }
        Element top = null;
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double ld = totals.linkDensity(entry.getKey());
            double score = entry.getValue() * (1 - ld);
            entry.setValue(score);
            if (score > best) {
                best = score;
                top = entry.getKey();
            }
        }
        if (top == null) {
            return Selection.NONE;
        }
        top = grow(top, body, totals);
        best = scores.getOrDefault(top, best);
        Element parent = top.parent();
        if (parent == null || top == body) {
            return new Selection(top, List.of(top));
        }
        double threshold = Math.max(10, best * 0.2);
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                chosen.add(sibling);
                continue;
            }
            Double score = scores.get(sibling);
            Double own = prose.get(sibling);
            if (score != null && own != null && score >= threshold && own >= 10) {
                chosen.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                String text = sibling.text();
                double ld = totals.linkDensity(sibling);
                if (Text.weight(text) > 80 && ld < 0.25
                        || text.length() > 0 && ld == 0 && (text.matches("(?s).*\\.( |$).*")
                        || Text.endsSentence(text.charAt(text.length() - 1)))) {
                    chosen.add(sibling);
                }
            }
        }
        return new Selection(top, chosen);
    }

    /**
     * Climbs from {@code top} to an ancestor while the ancestor adds a good deal of prose without adding much
     * link text: a story split into sections, or interrupted by figures and ads, is held by that ancestor.
     */
    private static Element grow(Element top, Element body, Totals totals) {
        Element chosen = top;
        int here = totals.prose(top);
        Element current = top;
        for (int level = 0; level < 6 && current != body && current.parent() != null; level++) {
            Element parent = current.parent();
            int there = totals.prose(parent);
            int total = totals.text(parent);
            if (there < 0.6 * total || totals.linkDensity(parent) > 0.3) {
                break;
            }
            int extra = there - here;
            // the added blocks must read like more of the story, not like a list of teasers (each a title,
            // a date and a summary): most of them prose
            int extraProse = totals.proseBlocks(parent) - totals.proseBlocks(chosen);
            int extraOther = totals.blocks(parent) - totals.blocks(chosen) - extraProse;
            if (extra >= 200 && extra >= 0.2 * here && extraProse >= extraOther) {
                chosen = parent;
                here = there;
            }
            current = parent;
        }
        return chosen;
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        String marker = e.className() + " " + e.id();
        if (!marker.isBlank()) {
            if (NEGATIVE.matcher(marker).find()) {
                score -= 25;
            }
            if (POSITIVE.matcher(marker).find()) {
                score += 25;
            }
        }
        if (e.hasAttr("itemprop") && e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            score += 50;
        }
        return score;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }

}
