package io.wirewatch.app.backtest;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.StanceChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The self-contained HTML report of a backtest: alerts in time order with their story's date, a link to the story
 * and an anchor each ({@code #alert-<id>}), with their evidence; counts per rule; trends drawn as inline SVG on one
 * time axis with marked dates ({@link TrendCharts}); stance changes. No scripts and no outside resources: it opens offline,
 * and the same result gives the same bytes apart from the generation time.
 */
public final class BacktestReport {

    /**
     * What the report says about how it was made, and the dates to mark on its charts.
     *
     * @param marks dates marked on every chart ({@code --mark 2022-02-24=invasion})
     */
    public record Meta(String source, String rules, Instant from, Instant to, Instant generatedAt, List<String> marks) {
        public Meta {
            marks = List.copyOf(marks);
            marks.forEach(TrendCharts.Mark::parse);
        }

        public Meta(String source, String rules, Instant from, Instant to, Instant generatedAt) {
            this(source, rules, from, to, generatedAt, List.of());
        }
    }

    private BacktestReport() {
    }

    public static String html(Backtest.Result result, Meta meta) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>wirewatch backtest</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>wirewatch backtest</h1>\n<p class=\"meta\">")
                .append(esc(meta.source())).append(" · rules ").append(esc(meta.rules())).append(" · stories from ")
                .append(esc(meta.from().toString())).append(" to ").append(esc(meta.to().toString())).append("<br>")
                .append(result.stories()).append(" stories, ").append(result.alerts().size()).append(" alerts, ")
                .append(result.stanceChanges().size()).append(" stance changes, ")
                .append(result.deadLetters().size()).append(" dead letters · generated ")
                .append(esc(meta.generatedAt().toString())).append("</p>\n");
        rules(html, result.alerts());
        alerts(html, result.alerts());
        TrendCharts.section(html, result.dailyWindows(), result.alerts(),
                meta.marks().stream().map(TrendCharts.Mark::parse).toList());
        changes(html, result.stanceChanges());
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void rules(StringBuilder html, List<Alert> alerts) {
        Map<String, Long> perRule = alerts.stream().collect(Collectors.groupingBy(
                a -> a.getRuleId() + " v" + a.getRuleVersion(), TreeMap::new, Collectors.counting()));
        html.append("<h2>Alerts per rule</h2>\n<table id=\"rules\"><tr><th>rule</th><th>alerts</th></tr>\n");
        perRule.forEach((rule, count) -> html.append("<tr><td>").append(esc(rule)).append("</td><td>")
                .append(count).append("</td></tr>\n"));
        if (perRule.isEmpty()) {
            html.append("<tr><td colspan=\"2\">no rule fired</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /**
     * Where the story's date came from when it is not the page's own, as the dashboard says it: " · date: read
     * time" for a story that gave none (a backtest takes such a story only when {@code --date} dates it: "file or
     * --date").
     */
    static String dateNote(@Nullable DateSource source) {
        return switch (source == null ? DateSource.PUBLISHED : source) {
            case PUBLISHED -> "";
            case FEED -> " · date: feed item";
            case FILE -> " · date: file or --date";
            case READ -> " · date: read time";
        };
    }

    private static void alerts(StringBuilder html, List<Alert> alerts) {
        List<Alert> ordered = new ArrayList<>(alerts);
        ordered.sort(Comparator.comparing((Alert a) -> a.getPublishedAt() == null ? Instant.EPOCH : a.getPublishedAt())
                .thenComparing(Alert::getId));
        html.append("<h2>Alerts in time order</h2>\n<ol id=\"alerts\">\n");
        for (Alert alert : ordered) {
            String anchor = "alert-" + alert.getId();
            html.append("<li class=\"alert ").append(esc(alert.getSeverity().name().toLowerCase(Locale.ROOT)))
                    .append("\" id=\"").append(esc(anchor)).append("\"><span class=\"sev\">")
                    .append(esc(alert.getSeverity().name())).append("</span> ")
                    .append("<b>").append(esc(alert.getTitle())).append("</b><br><span class=\"day\">story of ")
                    .append(esc(storyDay(alert))).append("</span> <span class=\"when\">")
                    .append(alert.getPublishedLocal() != null ? "published " + esc(alert.getPublishedLocal())
                            : alert.getPublishedAt() == null ? "" : "published " + esc(alert.getPublishedAt().toString()))
                    .append(dateNote(alert.getDateSource()))
                    .append(" · raised ").append(esc(alert.getRaisedAt().toString()))
                    .append("</span><br><span class=\"story\">").append(storyLink(alert))
                    .append("</span> · alert <a class=\"id\" href=\"#").append(esc(anchor)).append("\">")
                    .append(esc(alert.getId())).append("</a> · rule ").append(esc(alert.getRuleId())).append(" v")
                    .append(esc(alert.getRuleVersion())).append(alert.getDyad() == null ? ""
                            : " · " + esc(alert.getDyad())).append(String.format(Locale.ROOT, " · score %.1f",
                            alert.getScore()))
                    .append("<p class=\"why\">").append(esc(alert.getExplanation())).append("</p>\n<ul>\n");
            for (Signal signal : alert.getEvidence()) {
                html.append("<li><span class=\"cat\">").append(esc(signal.getCategory().name())).append("</span> ")
                        .append(esc(signal.getModality().name().toLowerCase(Locale.ROOT)))
                        .append(signal.getSource() == null ? "" : " · " + esc(signal.getSource()))
                        .append(signal.getTarget() == null ? "" : " → " + esc(signal.getTarget()))
                        .append(signal.getSpeaker() == null ? "" : " · said by " + esc(signal.getSpeaker()))
                        .append("<br><q>").append(highlight(signal)).append("</q></li>\n");
            }
            html.append("</ul></li>\n");
        }
        html.append("</ol>\n");
    }

    /** The publisher's day of the alert's story (yyyy-mm-dd), else the UTC day of its publication or raising. */
    static String storyDay(Alert alert) {
        return TrendCharts.alertDay(alert).toString();
    }

    /** The story's title, linked to its source when it has a web address. */
    private static String storyLink(Alert alert) {
        String url = alert.getStoryUrl();
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return esc(alert.getStoryTitle()) + " <span class=\"when\">(story " + esc(alert.getStoryId()) + ")</span>";
        }
        return "<a class=\"source\" href=\"" + esc(url) + "\" rel=\"noopener noreferrer\">" + esc(alert.getStoryTitle())
                + "</a> <span class=\"when\">(story " + esc(alert.getStoryId()) + ")</span>";
    }

    /** The sentence with the evidence marked. */
    private static String highlight(Signal signal) {
        String sentence = signal.getSentence();
        int at = sentence.indexOf(signal.getEvidence());
        if (at < 0 || signal.getEvidence().isEmpty()) {
            return esc(sentence);
        }
        return esc(sentence.substring(0, at)) + "<mark>" + esc(signal.getEvidence()) + "</mark>"
                + esc(sentence.substring(at + signal.getEvidence().length()));
    }

    /** "COOPERATION → THREAT" for a shift, "index 1.50 → -4.25" for an index drop. */
    private static String move(StanceChange change) {
        if (change.getKind() == StanceChangeKind.INDEX_DROP) {
            return String.format(Locale.ROOT, "index %.2f → %.2f", change.getBeforeIndex() == null ? Double.NaN
                    : change.getBeforeIndex(), change.getAfterIndex() == null ? Double.NaN : change.getAfterIndex());
        }
        return (change.getBefore() == null ? "?" : change.getBefore().name()) + " → "
                + (change.getAfter() == null ? "?" : change.getAfter().name());
    }

    private static void changes(StringBuilder html, List<StanceChange> changes) {
        html.append("<h2>Stance changes</h2>\n<ul id=\"changes\">\n");
        for (StanceChange change : changes) {
            html.append("<li>").append(esc(change.getAt().toString())).append(" · ").append(esc(change.getSource()))
                    .append(" → ").append(esc(change.getTarget())).append(": ").append(esc(move(change)));
            if (change.getEvidenceAfter() != null) {
                html.append("<br><q>").append(esc(change.getEvidenceAfter().getSentence())).append("</q>");
            }
            html.append("</li>\n");
        }
        if (changes.isEmpty()) {
            html.append("<li>none</li>\n");
        }
        html.append("</ul>\n");
    }

    /** HTML-escapes text for element content and attribute values. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body{font:15px/1.45 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1b1f23}
            h1{margin-bottom:.2em} .meta{color:#57606a} table{border-collapse:collapse}
            td,th{border:1px solid #d0d7de;padding:.25em .6em;text-align:left}
            li.alert{margin:.8em 0;padding:.5em .8em;border-left:4px solid #999;background:#f6f8fa;list-style-position:inside}
            li.critical,li.high{border-color:#cf222e} li.medium{border-color:#bf8700} li.low,li.info{border-color:#0969da}
            .sev{font-weight:bold;font-size:.8em;letter-spacing:.05em} .when,.story{color:#57606a}
            .why{margin:.3em 0} mark{background:#fff1a8} .cat{font-family:monospace}
            .chart .axis{stroke:#8c959f} .chart .coop{fill:#0969da} .chart .conf{fill:#cf222e}
            .chart text{font-size:11px;fill:#57606a} figure.dyad{margin:1em 0} figcaption{font-weight:bold}
            .chart .label{font-size:10px} .chart .alert-day{fill:#bc4c00} .chart .mark{stroke:#1b1f23;stroke-dasharray:3 3}
            .chart .mark-label{font-size:10px;fill:#1b1f23} .day{font-weight:bold} a.id{font-family:monospace}
            li.alert:target{outline:2px solid #0969da}
            """;
}
