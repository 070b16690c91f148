package io.wirewatch.alerts.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Story;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Alerts and stories as CSV (RFC 4180: comma-separated, CRLF line ends, a header row, fields holding a comma, a
 * quote or a line break in double quotes with inner quotes doubled) or as JSON lines (one object per line, the
 * alert as on {@code news.alerts.json}; a story as its summary row). Used by the dashboard's downloads and by
 * {@code wirewatch alerts export}.
 *
 * <p>A CSV cell that a spreadsheet would read as a formula (it starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, as in a hostile story title {@code =HYPERLINK(...)}) is neutralised as
 * OWASP's CSV-injection guidance says: a single quote goes in front and the cell is quoted. A plain number such as
 * {@code -0.50} is left as it is, so numeric columns stay numeric. JSON lines are written unchanged.
 */
public final class Exports {

    /** The two formats. */
    public enum Format {
        CSV("text/csv; charset=utf-8", "csv"), JSONL("application/x-ndjson; charset=utf-8", "jsonl");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        /** csv or jsonl, any case. */
        public static Format parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return CSV;
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "jsonl", "ndjson" -> JSONL;
                default -> throw new IllegalArgumentException("format must be csv or jsonl; was '" + text + "'");
            };
        }
    }

    static final List<String> ALERT_COLUMNS = List.of("id", "severity", "rule", "story_day", "published_at",
            "raised_at", "dyad", "actors", "score", "title", "story_title", "story_url", "story_id", "explanation");
    static final List<String> STORY_COLUMNS = List.of("id", "story_day", "published_at", "title", "url", "wire",
            "language", "signals", "escalation_score", "from_feed_summary", "actors");

    /** A cell a spreadsheet reads as a number, not a formula, although it may start with a sign. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private Exports() {
    }

    /** Writes {@code alerts} in {@code format}, oldest first as given. */
    public static void alerts(List<Alert> alerts, Format format, Writer out) {
        try {
            if (format == Format.CSV) {
                out.write(csvRow(ALERT_COLUMNS));
                for (Alert alert : alerts) {
                    out.write(csvRow(alertRow(alert)));
                }
            } else {
                for (Alert alert : alerts) {
                    out.write(AvroJson.toJson(alert));
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the alert export", e);
        }
    }

    /** Writes {@code stories} in {@code format}: one summary row each (no text). */
    public static void stories(List<EnrichedStory> stories, Format format, Writer out) {
        try {
            if (format == Format.CSV) {
                out.write(csvRow(STORY_COLUMNS));
            }
            for (EnrichedStory story : stories) {
                List<String> row = storyRow(story);
                if (format == Format.CSV) {
                    out.write(csvRow(row));
                } else {
                    ObjectNode node = AvroJson.mapper().createObjectNode();
                    for (int i = 0; i < STORY_COLUMNS.size(); i++) {
                        node.put(STORY_COLUMNS.get(i), row.get(i));
                    }
                    node.put("signals", story.getSignals().size());
                    node.put("escalation_score", story.getEscalationScore());
                    node.put("from_feed_summary", story.getStory().getFromFeedSummary());
                    out.write(AvroJson.write(node));
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the story export", e);
        }
    }

    /**
     * The publisher's calendar day of a story: the first ten characters of its publishedLocal, else the UTC day of
     * its publication instant, else empty.
     */
    public static String storyDay(@Nullable String publishedLocal, @Nullable Instant publishedAt) {
        if (publishedLocal != null && publishedLocal.length() >= 10) {
            return publishedLocal.substring(0, 10);
        }
        return publishedAt == null ? "" : publishedAt.toString().substring(0, 10);
    }

    static List<String> alertRow(Alert a) {
        return List.of(a.getId(), a.getSeverity().name(), a.getRuleId() + " v" + a.getRuleVersion(),
                storyDay(a.getPublishedLocal(), a.getPublishedAt()),
                a.getPublishedAt() == null ? "" : a.getPublishedAt().toString(), a.getRaisedAt().toString(),
                a.getDyad() == null ? "" : a.getDyad(), String.join(" ", a.getActors()),
                String.format(Locale.ROOT, "%.2f", a.getScore()), a.getTitle(), a.getStoryTitle(),
                a.getStoryUrl() == null ? "" : a.getStoryUrl(), a.getStoryId(), a.getExplanation());
    }

    static List<String> storyRow(EnrichedStory story) {
        Story raw = story.getStory();
        List<String> row = new ArrayList<>();
        row.add(raw.getId());
        row.add(storyDay(raw.getPublishedLocal(), raw.getPublishedAt()));
        row.add(raw.getPublishedAt() == null ? "" : raw.getPublishedAt().toString());
        row.add(raw.getTitle());
        row.add(raw.getUrl() == null ? "" : raw.getUrl());
        row.add(raw.getWire() == null ? "" : raw.getWire());
        row.add(raw.getLanguage() == null ? "" : raw.getLanguage());
        row.add(Integer.toString(story.getSignals().size()));
        row.add(String.format(Locale.ROOT, "%.2f", story.getEscalationScore()));
        row.add(Boolean.toString(raw.getFromFeedSummary()));
        row.add(String.join(" ", new TreeSet<>(StoryQuery.actorsOf(story))));
        return row;
    }

    /** One RFC 4180 record with its CRLF, every cell neutralised against formula injection. */
    static String csvRow(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = neutralised(fields.get(i));
            if (field.startsWith("'") || field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                    || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        return out.append("\r\n").toString();
    }

    /** The cell with a leading single quote when a spreadsheet would take it for a formula; else the cell. */
    static String neutralised(String cell) {
        if (cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + cell : cell;
    }
}
