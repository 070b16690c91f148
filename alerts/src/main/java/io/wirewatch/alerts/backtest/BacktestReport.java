package io.wirewatch.alerts.backtest;

import io.wirewatch.alerts.rules.Rule;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.Signal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The backtest report: one self-contained HTML file (inline CSS, charts as inline SVG, no script, nothing fetched)
 * with the run's summary, alerts per rule, a timeline per dyad (alerts per day) and every alert in time order with
 * its evidence. Only the generation time differs between two reports of the same stories and rules. All data is
 * HTML-escaped.
 */
public final class BacktestReport {

    private static final int MAX_DYADS = 12;
    private static final int CHART_WIDTH = 720;
    private static final int BAR_HEIGHT = 22;
    private static final int TIMELINE_HEIGHT = 90;

    private BacktestReport() {
    }

    /** The report's HTML. */
    public static String html(Backtest.Result result, Instant generatedAt) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>wirewatch backtest</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<h1>wirewatch backtest</h1>\n<dl class=\"summary\">\n");
        item(out, "Rules", result.rules().origin() + " (" + String.join(", ", result.rules().rules().stream()
                .map(r -> r.id() + " v" + r.version()).toList()) + ")");
        item(out, "Stories", Integer.toString(result.stories()));
        item(out, "Period", result.from() == null ? "–" : result.from() + " – " + result.to());
        item(out, "Alerts", Integer.toString(result.alerts().size()));
        out.append("<dt>Generated</dt><dd class=\"generated\">").append(escape(generatedAt.toString()))
                .append("</dd>\n</dl>\n");
        ruleCounts(out, result);
        dyadTimelines(out, result);
        alertList(out, result);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void ruleCounts(StringBuilder out, Backtest.Result result) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Rule rule : result.rules().rules()) {
            counts.put(rule.id() + " v" + rule.version(), 0);
        }
        for (Alert alert : result.alerts()) {
            counts.merge(alert.getRuleId() + " v" + alert.getRuleVersion(), 1, Integer::sum);
        }
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        out.append("<section>\n<h2>Alerts per rule</h2>\n");
        int height = Math.max(1, counts.size()) * (BAR_HEIGHT + 6);
        out.append("<svg class=\"chart rule-counts\" role=\"img\" aria-label=\"alerts per rule\" width=\"")
                .append(CHART_WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(CHART_WIDTH).append(' ').append(height).append("\">\n");
        int y = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            int width = (int) Math.round((CHART_WIDTH - 260) * entry.getValue() / (double) max);
            out.append("<text x=\"0\" y=\"").append(y + 16).append("\">").append(escape(entry.getKey()))
                    .append("</text>");
            out.append("<rect class=\"bar\" x=\"200\" y=\"").append(y).append("\" width=\"").append(Math.max(width, 1))
                    .append("\" height=\"").append(BAR_HEIGHT).append("\" data-count=\"").append(entry.getValue())
                    .append("\"></rect>");
            out.append("<text x=\"").append(206 + width).append("\" y=\"").append(y + 16).append("\">")
                    .append(entry.getValue()).append("</text>\n");
            y += BAR_HEIGHT + 6;
        }
        out.append("</svg>\n</section>\n");
    }

    private static void dyadTimelines(StringBuilder out, Backtest.Result result) {
        Map<String, TreeMap<LocalDate, Integer>> byDyad = new TreeMap<>();
        for (Alert alert : result.alerts()) {
            if (alert.getDyad() != null) {
                byDyad.computeIfAbsent(alert.getDyad(), d -> new TreeMap<>())
                        .merge(day(alert.getRaisedAt()), 1, Integer::sum);
            }
        }
        out.append("<section>\n<h2>Dyad timelines</h2>\n");
        if (byDyad.isEmpty() || result.from() == null) {
            out.append("<p class=\"empty\">No alert names a dyad.</p>\n</section>\n");
            return;
        }
        List<Map.Entry<String, TreeMap<LocalDate, Integer>>> dyads = new ArrayList<>(byDyad.entrySet());
        dyads.sort(Comparator.comparingInt((Map.Entry<String, TreeMap<LocalDate, Integer>> e) -> -total(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        LocalDate first = day(result.from());
        LocalDate last = day(result.to());
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        double slot = (CHART_WIDTH - 40) / (double) days;
        for (Map.Entry<String, TreeMap<LocalDate, Integer>> dyad : dyads.subList(0, Math.min(MAX_DYADS, dyads.size()))) {
            int max = dyad.getValue().values().stream().mapToInt(Integer::intValue).max().orElse(1);
            out.append("<figure>\n<figcaption>").append(escape(dyad.getKey().replace("->", " → "))).append(" · ")
                    .append(total(dyad.getValue())).append(" alerts</figcaption>\n");
            out.append("<svg class=\"chart dyad-timeline\" data-dyad=\"").append(escape(dyad.getKey()))
                    .append("\" role=\"img\" width=\"").append(CHART_WIDTH).append("\" height=\"")
                    .append(TIMELINE_HEIGHT + 20).append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ')
                    .append(TIMELINE_HEIGHT + 20).append("\">\n");
            out.append("<line class=\"axis\" x1=\"20\" y1=\"").append(TIMELINE_HEIGHT).append("\" x2=\"")
                    .append(CHART_WIDTH - 20).append("\" y2=\"").append(TIMELINE_HEIGHT).append("\"></line>\n");
            for (Map.Entry<LocalDate, Integer> count : dyad.getValue().entrySet()) {
                long index = ChronoUnit.DAYS.between(first, count.getKey());
                int height = (int) Math.round((TIMELINE_HEIGHT - 10) * count.getValue() / (double) max);
                out.append("<rect class=\"bar\" x=\"").append(fmt(20 + index * slot)).append("\" y=\"")
                        .append(TIMELINE_HEIGHT - height).append("\" width=\"").append(fmt(Math.max(1, slot - 2)))
                        .append("\" height=\"").append(height).append("\" data-day=\"").append(count.getKey())
                        .append("\" data-count=\"").append(count.getValue()).append("\"><title>")
                        .append(count.getKey()).append(": ").append(count.getValue()).append("</title></rect>\n");
            }
            out.append("<text x=\"20\" y=\"").append(TIMELINE_HEIGHT + 16).append("\">").append(first)
                    .append("</text><text x=\"").append(CHART_WIDTH - 20).append("\" y=\"").append(TIMELINE_HEIGHT + 16)
                    .append("\" text-anchor=\"end\">").append(last).append("</text>\n</svg>\n</figure>\n");
        }
        out.append("</section>\n");
    }

    private static void alertList(StringBuilder out, Backtest.Result result) {
        out.append("<section>\n<h2>Alerts in time order</h2>\n<ol class=\"alerts\">\n");
        for (Alert alert : result.alerts()) {
            out.append("<li class=\"alert sev-").append(alert.getSeverity()).append("\" id=\"")
                    .append(escape(alert.getId())).append("\">\n<p class=\"head\"><span class=\"severity\">")
                    .append(alert.getSeverity()).append("</span> <time>").append(alert.getRaisedAt())
                    .append("</time> <span class=\"rule\">").append(escape(alert.getRuleId())).append(" v")
                    .append(escape(alert.getRuleVersion())).append("</span></p>\n<p class=\"title\">")
                    .append(escape(alert.getTitle())).append("</p>\n<p class=\"story\">")
                    .append(escape(alert.getStoryTitle())).append(" <span class=\"muted\">(")
                    .append(escape(alert.getStoryId()));
            if (alert.getClusterId() != null) {
                out.append(", cluster ").append(escape(alert.getClusterId()));
            }
            out.append(")</span></p>\n<p class=\"explanation\">").append(escape(alert.getExplanation()))
                    .append("</p>\n<ul class=\"evidence\">\n");
            for (Signal signal : alert.getEvidence()) {
                out.append("<li><span class=\"muted\">").append(escape(signal.getCategory())).append(' ')
                        .append(escape(String.valueOf(signal.getSource()))).append(" → ")
                        .append(escape(String.valueOf(signal.getTarget()))).append(" · ")
                        .append(signal.getModality().name().toLowerCase(Locale.ROOT)).append("</span> ")
                        .append(highlight(signal.getSentence(), signal.getEvidence())).append("</li>\n");
            }
            out.append("</ul>\n</li>\n");
        }
        out.append("</ol>\n</section>\n");
    }

    private static String highlight(String sentence, String evidence) {
        int at = evidence.isEmpty() ? -1 : sentence.toLowerCase(Locale.ROOT).indexOf(evidence.toLowerCase(Locale.ROOT));
        if (at < 0) {
            return escape(sentence) + " <mark>" + escape(evidence) + "</mark>";
        }
        return escape(sentence.substring(0, at)) + "<mark>" + escape(sentence.substring(at, at + evidence.length()))
                + "</mark>" + escape(sentence.substring(at + evidence.length()));
    }

    private static void item(StringBuilder out, String term, String value) {
        out.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static int total(Map<LocalDate, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 60rem; color: #1d1d1b; }
            h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
            .summary { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
            .summary dt { font-weight: 600; } .summary dd { margin: 0; }
            .chart text { font-size: 12px; fill: #333; } .chart .bar { fill: #0b5fa5; } .axis { stroke: #999; }
            figure { margin: .5rem 0 1rem; } figcaption { font-weight: 600; }
            .alerts > li { border-left: 5px solid #999; padding: .3rem .8rem; margin-bottom: .8rem; background: #fafaf7; }
            .sev-LOW { border-color: #4c8bf5 !important; } .sev-MEDIUM { border-color: #f0a202 !important; }
            .sev-HIGH { border-color: #e8590c !important; } .sev-CRITICAL { border-color: #c92a2a !important; }
            .alerts p { margin: .2rem 0; } .title { font-weight: 600; } .muted, time { color: #6b6b66; font-size: .85rem; }
            .severity { font-weight: 700; font-size: .75rem; } mark { background: #ffe066; }
            """;
}
