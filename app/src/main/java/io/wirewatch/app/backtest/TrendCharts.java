package io.wirewatch.app.backtest;

import static io.wirewatch.app.backtest.BacktestReport.esc;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DyadWindow;
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
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The report's trends as inline SVG: the overall conflict index per day, and a chart per actor pair of the alerts
 * (then the busiest other pairs), all on one time axis for the period, with labelled axes, the days with alerts
 * dotted and the analyst's dates marked.
 */
final class TrendCharts {

    /** A date to mark on every chart, e.g. {@code 2022-02-24=invasion}. */
    record Mark(LocalDate day, String label) {
        private static final Pattern FORM = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:=(.*))?");

        Mark {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(label, "label");
        }

        /** {@code DAY=label} or {@code DAY}. */
        static Mark parse(String text) {
            Matcher m = FORM.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("--mark must be DAY=label, e.g. 2022-02-24=invasion; was '" + text
                        + "'");
            }
            try {
                return new Mark(LocalDate.parse(m.group(1)), m.group(2) == null ? "" : m.group(2).strip());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("--mark: not a date: '" + m.group(1) + "'", e);
            }
        }
    }

    /** The days every chart shares. */
    record Period(LocalDate first, LocalDate last) {
        long days() {
            return first.until(last, ChronoUnit.DAYS) + 1;
        }
    }

    static final int MAX_PAIRS = 16;
    private static final int MAX_DAYS = 731;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 150;
    private static final int LEFT = 46;
    private static final int RIGHT = 10;
    private static final int TOP = 12;
    private static final int BOTTOM = 34;

    private TrendCharts() {
    }

    /** The trends section of the report. */
    static void section(StringBuilder html, List<DyadWindow> windows, List<Alert> alerts, List<Mark> marks) {
        html.append("<h2>Trends (daily index, Goldstein scale: −10 conflict … +10 cooperation)</h2>\n<div id=\"dyads\">\n");
        Period period = period(windows, alerts, marks);
        if (period == null || windows.isEmpty()) {
            html.append("<p>No signals between two known actors.</p>\n</div>\n");
            return;
        }
        html.append("<p class=\"meta\">Every chart shares one time axis, ").append(period.first()).append(" to ")
                .append(period.last()).append(" (UTC days). Dots: days with alerts for the pair.")
                .append(marks.isEmpty() ? "" : " Dashed lines: marked dates.").append("</p>\n");
        html.append("<figure class=\"dyad\" id=\"overall\"><figcaption>Overall conflict index per day (all pairs, "
                + "signal-weighted)</figcaption>\n").append(chart(period, overall(windows), Map.of(), marks))
                .append("</figure>\n");
        Map<String, List<DyadWindow>> byPair = new LinkedHashMap<>();
        for (DyadWindow window : windows) {
            byPair.computeIfAbsent(window.getSource() + "->" + window.getTarget(), k -> new ArrayList<>()).add(window);
        }
        for (String pair : pairs(byPair, alerts)) {
            Map<LocalDate, Integer> alertDays = new TreeMap<>();
            alerts.stream().filter(a -> pair.equals(a.getDyad()))
                    .forEach(a -> alertDays.merge(alertDay(a), 1, Integer::sum));
            Map<LocalDate, Bar> bars = new TreeMap<>();
            for (DyadWindow window : byPair.getOrDefault(pair, List.of())) {
                bars.put(day(window.getWindowStart()), new Bar(window.getIntensityMean(), String.format(Locale.ROOT,
                        "index %.2f, %d signals in %d stories", window.getIntensityMean(), window.getSignals(),
                        window.getStories())));
            }
            html.append("<figure class=\"dyad\"><figcaption>").append(esc(pair.replace("->", " → ")))
                    .append(alertDays.isEmpty() ? "" : " · " + alertDays.values().stream().mapToInt(i -> i).sum()
                            + " alerts").append("</figcaption>\n").append(chart(period, bars, alertDays, marks))
                    .append("</figure>\n");
        }
        html.append("</div>\n");
    }

    /** The pairs of the alerts, most alerts first, then the busiest other pairs, at most {@link #MAX_PAIRS}. */
    static List<String> pairs(Map<String, List<DyadWindow>> byPair, List<Alert> alerts) {
        Map<String, Long> alertCounts = new TreeMap<>();
        alerts.stream().filter(a -> a.getDyad() != null).forEach(a -> alertCounts.merge(a.getDyad(), 1L, Long::sum));
        List<String> pairs = new ArrayList<>(alertCounts.keySet());
        pairs.sort(Comparator.comparing((String p) -> -alertCounts.get(p)).thenComparing(p -> p));
        byPair.entrySet().stream().filter(e -> !alertCounts.containsKey(e.getKey()))
                .sorted(Comparator.comparing((Map.Entry<String, List<DyadWindow>> e) ->
                        -e.getValue().stream().mapToInt(DyadWindow::getSignals).sum()).thenComparing(Map.Entry::getKey))
                .forEach(e -> pairs.add(e.getKey()));
        return pairs.subList(0, Math.min(MAX_PAIRS, pairs.size()));
    }

    /** From the first to the last day of the windows, alerts and marks, at most two years (the latest kept). */
    static @Nullable Period period(List<DyadWindow> windows, List<Alert> alerts, List<Mark> marks) {
        List<LocalDate> days = new ArrayList<>();
        windows.forEach(w -> days.add(day(w.getWindowStart())));
        alerts.forEach(a -> days.add(alertDay(a)));
        marks.forEach(m -> days.add(m.day()));
        if (days.isEmpty()) {
            return null;
        }
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        if (first.until(last, ChronoUnit.DAYS) >= MAX_DAYS) {
            first = last.minusDays(MAX_DAYS - 1);
        }
        return new Period(first, last);
    }

    /** Per day over every pair: the sum of intensities over the sum of signals. */
    static Map<LocalDate, Bar> overall(List<DyadWindow> windows) {
        Map<LocalDate, double[]> sums = new TreeMap<>();
        for (DyadWindow window : windows) {
            double[] sum = sums.computeIfAbsent(day(window.getWindowStart()), d -> new double[2]);
            sum[0] += window.getIntensitySum();
            sum[1] += window.getSignals();
        }
        Map<LocalDate, Bar> bars = new TreeMap<>();
        sums.forEach((day, sum) -> {
            if (sum[1] > 0) {
                bars.put(day, new Bar(sum[0] / sum[1], String.format(Locale.ROOT, "conflict index %.2f over %d signals",
                        sum[0] / sum[1], (int) sum[1])));
            }
        });
        return bars;
    }

    /** One day's value and what its tooltip says. */
    record Bar(double value, String title) {
    }

    /** Bars from −10 to +10 per day of the period, alert days dotted, marks dashed, both axes labelled. */
    static String chart(Period period, Map<LocalDate, Bar> bars, Map<LocalDate, Integer> alertDays, List<Mark> marks) {
        long days = period.days();
        double step = (WIDTH - LEFT - RIGHT) / (double) days;
        int plot = HEIGHT - TOP - BOTTOM;
        double mid = TOP + plot / 2.0;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\">");
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, TOP,
                LEFT, TOP + plot));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", LEFT,
                mid, WIDTH - RIGHT, mid));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">+10</text>"
                + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">−10</text>",
                LEFT - 4, TOP + 4, LEFT - 4, mid + 4, LEFT - 4, TOP + plot + 4));
        svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"10\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 10 %.1f)\">index</text>", mid, mid));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\" "
                        + "text-anchor=\"end\">%s</text><text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                        + "day (UTC)</text>", LEFT, TOP + plot + 16, period.first(), WIDTH - RIGHT, TOP + plot + 16,
                period.last(), (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 3));
        bars.forEach((day, bar) -> {
            long index = period.first().until(day, ChronoUnit.DAYS);
            if (index < 0 || index >= days) {
                return;
            }
            double value = Math.max(-10, Math.min(10, bar.value()));
            double h = Math.max(1.0, Math.abs(value) / 10.0 * (plot / 2.0));
            svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                            + "height=\"%.1f\"><title>%s: %s</title></rect>", value >= 0 ? "coop" : "conf",
                    LEFT + index * step, value >= 0 ? mid - h : mid, Math.max(1.0, step - 1), h, day, esc(bar.title())));
        });
        alertDays.forEach((day, count) -> {
            long index = period.first().until(day, ChronoUnit.DAYS);
            if (index >= 0 && index < days) {
                svg.append(String.format(Locale.ROOT, "<circle class=\"alert-day\" cx=\"%.1f\" cy=\"%d\" r=\"3.5\">"
                        + "<title>%s: %d alerts</title></circle>", LEFT + (index + 0.5) * step, TOP + 3, day, count));
            }
        });
        for (Mark mark : marks) {
            long index = period.first().until(mark.day(), ChronoUnit.DAYS);
            if (index >= 0 && index < days) {
                double x = LEFT + (index + 0.5) * step;
                svg.append(String.format(Locale.ROOT, "<line class=\"mark\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                                + "<text class=\"mark-label\" x=\"%.1f\" y=\"%d\">%s</text>", x, TOP, x, TOP + plot,
                        x + 3, TOP + 10, esc(mark.label().isEmpty() ? mark.day().toString() : mark.label())));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The publisher's day of an alert's story, else the UTC day it was published or raised. */
    static LocalDate alertDay(Alert alert) {
        if (alert.getPublishedLocal() != null && alert.getPublishedLocal().length() >= 10) {
            try {
                return LocalDate.parse(alert.getPublishedLocal().substring(0, 10));
            } catch (java.time.DateTimeException e) {
                // fall back on the instant
            }
        }
        return day(alert.getPublishedAt() != null ? alert.getPublishedAt() : alert.getRaisedAt());
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
