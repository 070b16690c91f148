package io.wirewatch.ingest.extract;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads a structured date the way the page shows it to its readers. Content systems commonly write machine
 * timestamps in UTC ({@code 2023-11-09T06:35:29+00:00}) while the template prints the newsroom's wall clock
 * ("Nov 8, 2023 / 10:35 PM PST"); the publisher's calendar day is the second. And a page whose structured
 * publication day is printed nowhere, while its modification day is, presents itself as of that later day.
 */
final class LocalReading {

    private static final Pattern ISO_WITH_OFFSET = Pattern.compile(
            "(?:19|20)\\d\\d-[01]\\d-[0-3]\\dT[0-2]\\d:[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?[+-][01]\\d:?[0-5]\\d");
    private static final int MAX_SCRIPT_CHARS = 1_000_000;
    private static final int MAX_TEXT_DATES = 400;

    private final Document doc;
    private final LocalDate latest;
    private @Nullable String text;
    private @Nullable Set<LocalDate> shown;

    LocalReading(Document doc, LocalDate latest) {
        this.doc = doc;
        this.latest = latest;
    }

    /**
     * {@code published}, or the modification date when the page prints that day and never the published one:
     * the date a reader is shown is the one the publisher stands by (an article re-issued with changes).
     */
    PublishedDates.Found asShown(PublishedDates.Found published, PublishedDates.@Nullable Found modified) {
        if (modified == null || !(published.evidence().startsWith("json-ld") || published.evidence().startsWith("meta"))) {
            return published;
        }
        LocalDate publishedDay = inPublishersZone(published).date().day();
        PublishedDates.Found localModified = inPublishersZone(modified);
        LocalDate modifiedDay = localModified.date().day();
        if (publishedDay.equals(modifiedDay) || modifiedDay.isBefore(publishedDay)) {
            return published;
        }
        Set<LocalDate> shown = shownDays();
        if (shown.contains(publishedDay) || !shown.contains(modifiedDay)) {
            return published;
        }
        return new PublishedDates.Found(localModified.date(), "shown:" + modified.evidence(), 0.6f);
    }

    /**
     * {@code found} on the publisher's wall clock when it is a UTC time and the page says elsewhere which offset
     * its newsroom keeps: the same instant written with an offset, or a printed wall-clock time a whole number of
     * quarter hours away from it.
     */
    PublishedDates.Found inPublishersZone(PublishedDates.Found found) {
        DateParser.Parsed date = found.date();
        if (date.time() == null || date.offset() == null || date.offset().getTotalSeconds() != 0) {
            return found;
        }
        ZoneOffset local = offsetOfSameInstant(date);
        if (local == null) {
            local = offsetOfPrintedClock(date);
        }
        if (local != null) {
            return new PublishedDates.Found(date.atOffset(local), found.evidence() + "+local-offset",
                    found.confidence());
        }
        LocalTime time = date.time();
        if (time.getMinute() == 0 && time.getSecond() == 0 && time.getNano() == 0 && time.getHour() >= 20) {
            // a date without a time, stored as local midnight east of UTC and written out in UTC (2021-11-04T23:00Z
            // for 5 November in Berlin): the hour says the offset
            ZoneOffset east = ZoneOffset.ofHours(24 - time.getHour());
            return new PublishedDates.Found(date.atOffset(east), found.evidence() + "+midnight",
                    found.confidence() * 0.8f);
        }
        return found;
    }

    private @Nullable ZoneOffset offsetOfSameInstant(DateParser.Parsed date) {
        for (Element e : doc.select("time[datetime], meta[content], [itemprop][content], [data-datetime]")) {
            String value = e.hasAttr("datetime") ? e.attr("datetime")
                    : e.hasAttr("data-datetime") ? e.attr("data-datetime") : e.attr("content");
            ZoneOffset offset = sameInstant(value, date);
            if (offset != null) {
                return offset;
            }
        }
        for (Element script : doc.select("script")) {
            String data = script.data();
            if (data.length() > MAX_SCRIPT_CHARS) {
                continue;
            }
            Matcher m = ISO_WITH_OFFSET.matcher(data);
            while (m.find()) {
                ZoneOffset offset = sameInstant(m.group(), date);
                if (offset != null) {
                    return offset;
                }
            }
        }
        return null;
    }

    private @Nullable ZoneOffset sameInstant(String value, DateParser.Parsed date) {
        if (value.length() < 16 || value.length() > 40) {
            return null;
        }
        Optional<DateParser.Parsed> p = DateParser.parse(value, latest);
        if (p.isPresent() && p.get().hasLocalOffset()
                && Math.abs(Duration.between(p.get().instant(), date.instant()).toSeconds()) <= 120) {
            return p.get().offset();
        }
        return null;
    }

    private @Nullable ZoneOffset offsetOfPrintedClock(DateParser.Parsed date) {
        String shown = text();
        Matcher m = PrintedDates.ANY_DATE.matcher(shown);
        int seen = 0;
        while (m.find() && seen++ < MAX_TEXT_DATES) {
            String window = shown.substring(Math.max(0, m.start() - 40), Math.min(shown.length(), m.end() + 40));
            Optional<DateParser.Parsed> p = DateParser.find(window, latest);
            if (p.isEmpty() || p.get().time() == null) {
                continue;
            }
            DateParser.Parsed printed = p.get();
            if (printed.offset() != null) {
                if (printed.hasLocalOffset()
                        && Math.abs(Duration.between(printed.instant(), date.instant()).toSeconds()) <= 120) {
                    return printed.offset();
                }
                continue;
            }
            // a wall clock without a zone: read as UTC, it is ahead of or behind the instant by the offset
            long minutes = Duration.between(date.instant(), printed.instant()).toMinutes();
            if (minutes != 0 && Math.abs(minutes) <= 14 * 60 && minutes % 15 == 0) {
                return ZoneOffset.ofTotalSeconds((int) minutes * 60);
            }
        }
        return null;
    }

    /** True when the page's visible text prints {@code day}. */
    boolean shows(LocalDate day) {
        return shownDays().contains(day);
    }

    /** The days printed in the page's visible text (scripts and styles are not text). */
    private Set<LocalDate> shownDays() {
        if (shown != null) {
            return shown;
        }
        Set<LocalDate> days = new HashSet<>();
        shown = days;
        Matcher m = PrintedDates.ANY_DATE.matcher(text());
        int seen = 0;
        while (m.find() && seen++ < MAX_TEXT_DATES) {
            DateParser.find(m.group(), latest).ifPresent(p -> days.add(p.day()));
        }
        return days;
    }

    private String text() {
        if (text == null) {
            text = doc.body() == null ? "" : doc.body().text();
        }
        return text;
    }
}
