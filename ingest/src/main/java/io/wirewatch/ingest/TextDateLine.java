package io.wirewatch.ingest;

import io.wirewatch.ingest.extract.DateParser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The optional date line of a {@code .txt} story: the first non-empty line after the title, when it is nothing but
 * a date ({@code 2022-01-26}, {@code 26 January 2022 14:05 +0200}, {@code Date: 2022-01-26T14:05Z}). It is the
 * story's publication date and not a paragraph.
 */
final class TextDateLine {

    /** The .txt story format, said wherever a .txt file does not fit it. */
    static final String FORMAT = "a .txt story is its title on the first line, then optionally a date line"
            + " (e.g. \"2022-01-26\" or \"Date: 2022-01-26T14:05+02:00\"), then paragraphs separated by blank lines";

    /** The text without its date line, and the date (null when there is none). */
    record Split(String text, DateParser.@Nullable Parsed date) {
    }

    /** A short line of date characters, optionally after "Date:" or "Published:". */
    private static final Pattern LINE = Pattern.compile(
            "(?i)^[ \\t]*(?:(?:date|dated|published)[ \\t]*:[ \\t]*)?([\\p{L}\\p{N} ,:./+\\-]{6,48})[ \\t]*$");

    private TextDateLine() {
    }

    static Split split(String text, Clock clock) {
        String[] lines = text.split("\\R", -1);
        int title = next(lines, 0);
        int date = title < 0 ? -1 : next(lines, title + 1);
        if (date < 0) {
            return new Split(text, null);
        }
        Matcher line = LINE.matcher(lines[date]);
        if (!line.matches() || !line.group(1).matches(".*\\d.*")) {
            return new Split(text, null);
        }
        LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        var parsed = DateParser.parse(line.group(1), latest);
        if (parsed.isEmpty() || !wholeLineIsDate(line.group(1))) {
            return new Split(text, null);
        }
        lines[date] = "";
        return new Split(String.join("\n", lines), parsed.get());
    }

    /** No word of more than one letter-run that is not a month or a zone: "Moscow said on 2022-01-26" is prose. */
    private static boolean wholeLineIsDate(String line) {
        int words = 0;
        for (String word : line.split("[^\\p{L}]+")) {
            if (word.length() > 3 && !MONTHS.matcher(word).matches()) {
                words++;
            }
        }
        return words == 0;
    }

    private static final Pattern MONTHS = Pattern.compile("(?i)january|february|march|april|june|july|august"
            + "|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|sept|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre");

    private static int next(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
