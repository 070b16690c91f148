package io.wirewatch.ingest.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the many ways pages write a date: ISO 8601 with or without time and offset, RFC 1123, epoch seconds,
 * "November 19, 2019", "19 Nov 2019", "19. November 2019", "19.11.2019", "2019/11/19". Month names in English,
 * German, French and Spanish. Two-digit years are refused, and so is a slashed date that reads both ways unless
 * the page's locale says which order it writes.
 */
public final class DateParser {

    /**
     * A parsed date: the calendar day as the page wrote it, the wall-clock time and UTC offset when the page gave
     * them, and the instant (a missing time is read as midnight, a missing offset as UTC).
     */
    public record Parsed(LocalDate day, Instant instant, @Nullable LocalTime time, @Nullable ZoneOffset offset) {

        public Parsed {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(instant, "instant");
        }

        /** A date with neither time nor offset. */
        static Parsed dayOnly(LocalDate day) {
            return new Parsed(day, day.atStartOfDay().toInstant(ZoneOffset.UTC), null, null);
        }

        /** A local date-time, with its offset when known. */
        static Parsed at(LocalDateTime local, @Nullable ZoneOffset offset) {
            return new Parsed(local.toLocalDate(), local.toInstant(offset == null ? ZoneOffset.UTC : offset),
                    local.toLocalTime(), offset);
        }

        /**
         * The date as the page gave it, in ISO 8601: {@code 2020-05-03T23:30:00-04:00} with time and offset,
         * {@code 2020-05-03T23:30:00} with a time but no offset, {@code 2020-05-03} with the day only.
         */
        public String local() {
            if (time == null) {
                return day.toString();
            }
            LocalDateTime local = day.atTime(time.withNano(0));
            return offset == null ? ISO_LOCAL.format(local) : ISO_OFFSET.format(local.atOffset(offset));
        }

        /** True when the page gave an offset, or a zone, that is not UTC itself. */
        boolean hasLocalOffset() {
            return offset != null && offset.getTotalSeconds() != 0;
        }

        /** This date and time seen at {@code other}: the same instant, another wall clock. */
        Parsed atOffset(ZoneOffset other) {
            return at(LocalDateTime.ofInstant(instant, other), other);
        }
    }

    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private static final LocalDate EARLIEST = LocalDate.of(1995, 1, 1);

    private static final Map<String, Integer> MONTHS = months();

    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(?<y>(?:19|20)\\d\\d)-(?<m>[01]?\\d)-(?<d>[0-3]?\\d)"
                    + "(?:[T ](?<h>[0-2]\\d):(?<min>[0-5]\\d)(?::(?<s>[0-5]\\d)(?:[.,]\\d+)?)?"
                    + "[ ]?(?<z>Z|[+-][01]\\d:?[0-5]\\d|[+-][01]\\d(?!\\d))?)?");
    private static final Pattern COMPACT = Pattern.compile("^(?<y>(?:19|20)\\d\\d)(?<m>[01]\\d)(?<d>[0-3]\\d)"
            + "(?:T?(?<h>[0-2]\\d)(?<min>[0-5]\\d)(?<s>[0-5]\\d)?)?(?<z>Z)?$");
    private static final Pattern YMD_SLASH = Pattern.compile(
            "(?<!\\d)(?<y>(?:19|20)\\d\\d)[/.](?<m>[01]?\\d)[/.](?<d>[0-3]?\\d)(?!\\d)");
    private static final Pattern DMY_DOTS = Pattern.compile(
            "(?<![\\d.])(?<d>[0-3]?\\d)\\.[ ]?(?<m>[01]?\\d)\\.[ ]?(?<y>(?:19|20)\\d\\d)(?!\\d)");
    /** d.m.yy, common in German-speaking pages; not when more dotted numbers follow (version numbers). */
    private static final Pattern DMY_DOTS_SHORT = Pattern.compile(
            "(?<![\\d.])(?<d>[0-3]?\\d)\\.(?<m>[01]?\\d)\\.(?<y>\\d\\d)(?![\\d.]\\d|\\d)");
    private static final Pattern DMY_SLASH = Pattern.compile(
            "(?<![\\d/])(?<a>[0-3]?\\d)[/-](?<b>[0-3]?\\d)[/-](?<y>(?:19|20)\\d\\d)(?!\\d)");
    private static final String MONTH_WORD = "(?<mon>\\p{L}{3,10})\\.?";
    private static final Pattern MDY_WORDS = Pattern.compile(
            "(?iu)\\b" + MONTH_WORD + "[ ]+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?,?[ ]+(?<y>(?:19|20)\\d\\d)(?!\\d)");
    private static final Pattern DMY_WORDS = Pattern.compile(
            "(?iu)(?<!\\d)(?<d>[0-3]?\\d)(?:st|nd|rd|th|er)?\\.?[ ]+(?:de[ ]+)?" + MONTH_WORD
                    + ",?[ ]+(?:de[ ]+)?(?<y>(?:19|20)\\d\\d)(?!\\d)");
    /** A time right after a date: "May 3, 2020, 11:30 p.m. EDT", "21.01.2022 - 13:30 Uhr", "Nov 8 / 10:35 PM PST". */
    private static final Pattern TIME_AFTER = Pattern.compile(
            "^[ ,T@/|–-]*(?:at[ ]+|um[ ]+|à[ ]+|a las[ ]+|alle[ ]+|kl\\.?[ ]+)?(?<h>[0-2]?\\d)[:.h](?<min>[0-5]\\d)"
                    + "(?::(?<s>[0-5]\\d))?(?:[.,]\\d+)?[ ]*(?<ampm>[ap]\\.?[ ]?m\\.?)?[ ]*(?:Uhr[ ]*|h[ ]+)?[(]?"
                    + "(?<z>Z(?![\\p{L}])|" + Zones.PATTERN + ")?", Pattern.CASE_INSENSITIVE);
    /** A time right before a date, as bylines print it: "Updated 3:14 PM EDT, May 3, 2020", "10:35 Sun 3 May 2020". */
    private static final Pattern TIME_BEFORE = Pattern.compile(
            "(?<![\\d:.])(?<h>[0-2]?\\d)[:.h](?<min>[0-5]\\d)(?::(?<s>[0-5]\\d))?[ ]*(?<ampm>[ap]\\.?[ ]?m\\.?)?[ ]*"
                    + "(?:Uhr[ ]*)?(?<z>" + Zones.PATTERN + ")?[ ]*(?:\\([^)]{1,24}\\)[ ]*)?[,|/–-]?[ ]*(?:on[ ]+|le[ ]+|am[ ]+)?"
                    + "(?:\\p{L}{2,10}\\.?,?[ ]+)?$", Pattern.CASE_INSENSITIVE);

    private DateParser() {
    }

    /** Parses {@code text} when it is, or starts with, a date; empty when it is not a plausible date. */
    public static Optional<Parsed> parse(@Nullable String text, LocalDate latest) {
        if (text == null) {
            return Optional.empty();
        }
        String s = plainSpaces(text).strip();
        if (s.isEmpty() || s.length() > 200) {
            return Optional.empty();
        }
        Optional<Parsed> p = structured(s);
        if (p.isEmpty()) {
            p = find(s, SlashOrder.UNKNOWN);
        }
        return p.filter(d -> !d.day().isBefore(EARLIEST) && !d.day().isAfter(latest));
    }

    /** Finds the first date written anywhere in {@code text} (a sentence, a byline, a URL). */
    public static Optional<Parsed> find(String text, LocalDate latest) {
        return find(plainSpaces(text), SlashOrder.UNKNOWN)
                .filter(d -> !d.day().isBefore(EARLIEST) && !d.day().isAfter(latest));
    }

    /**
     * As {@link #find(String, LocalDate)}, reading a slashed date whose two first numbers could both be a month
     * ("02/10/2020") in the order the page's locale writes them.
     */
    static Optional<Parsed> find(String text, LocalDate latest, SlashOrder order) {
        return find(plainSpaces(text), order).filter(d -> !d.day().isBefore(EARLIEST) && !d.day().isAfter(latest));
    }

    /** How a page orders day and month in slashed dates, as its language and region say. */
    enum SlashOrder {
        DAY_FIRST, MONTH_FIRST, UNKNOWN;

        /**
         * The order of a page in language {@code lang} (a BCP 47 tag such as {@code en-GB} or {@code de}): month
         * first in the United States and the Philippines, day first elsewhere; unknown for a bare {@code en}, which
         * both orders write.
         */
        static SlashOrder of(@Nullable String lang) {
            if (lang == null || lang.isBlank()) {
                return UNKNOWN;
            }
            String[] parts = lang.strip().replace('_', '-').toLowerCase(Locale.ROOT).split("-");
            String region = parts.length > 1 ? parts[1] : "";
            if (region.equals("us") || region.equals("ph") || parts[0].equals("fil")) {
                return MONTH_FIRST;
            }
            if (parts[0].equals("en") && region.isEmpty() || !parts[0].matches("[a-z]{2,3}")) {
                return UNKNOWN;
            }
            return DAY_FIRST;
        }
    }

    /** {@code text} with no-break and thin spaces, which typesetting pages put inside dates, as plain spaces. */
    static String plainSpaces(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00a0' || c == '\u2009' || c == '\u202f' || c == '\u2007' || c == '\u200a') {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? text : b.toString();
    }

    private static Optional<Parsed> structured(String s) {
        try {
            return Optional.of(of(OffsetDateTime.parse(s)));
        } catch (DateTimeException ignored) {
            // not ISO with offset
        }
        try {
            return Optional.of(of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()));
        } catch (DateTimeException ignored) {
            // not RFC 1123
        }
        if (s.matches("1\\d{9}(\\d{3})?")) {
            long n = Long.parseLong(s);
            Instant instant = s.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            return Optional.of(new Parsed(LocalDate.ofInstant(instant, ZoneOffset.UTC), instant,
                    LocalTime.ofInstant(instant, ZoneOffset.UTC), ZoneOffset.UTC));
        }
        Matcher compact = COMPACT.matcher(s);
        if (compact.matches()) {
            return build(compact.group("y"), compact.group("m"), compact.group("d"), compact.group("h"),
                    compact.group("min"), compact.group("s"), compact.group("z"));
        }
        return Optional.empty();
    }

    private static Optional<Parsed> find(String s, SlashOrder order) {
        Matcher iso = ISO.matcher(s);
        if (iso.find()) {
            Optional<Parsed> p = build(iso.group("y"), iso.group("m"), iso.group("d"), iso.group("h"),
                    iso.group("min"), iso.group("s"), iso.group("z"));
            if (p.isPresent()) {
                return p;
            }
        }
        Optional<Parsed> best = Optional.empty();
        int bestAt = Integer.MAX_VALUE;
        for (Pattern pattern : new Pattern[] {MDY_WORDS, DMY_WORDS}) {
            Matcher m = pattern.matcher(s);
            while (m.find()) {
                Integer month = MONTHS.get(m.group("mon").toLowerCase(Locale.ROOT));
                if (month == null) {
                    continue;
                }
                if (m.start() < bestAt) {
                    Optional<Parsed> p = withTime(m.group("y"), month, m.group("d"), before(s, m.start()), s.substring(m.end()));
                    if (p.isPresent()) {
                        best = p;
                        bestAt = m.start();
                    }
                }
                break;
            }
        }
        for (Pattern pattern : new Pattern[] {YMD_SLASH, DMY_DOTS}) {
            Matcher m = pattern.matcher(s);
            if (m.find() && m.start() < bestAt) {
                Optional<Parsed> p = parseInts(m.group("y"), m.group("m"), m.group("d"))
                        .flatMap(day -> withTime(day, before(s, m.start()), s.substring(m.end())));
                if (p.isPresent()) {
                    best = p;
                    bestAt = m.start();
                }
            }
        }
        Matcher shortYear = DMY_DOTS_SHORT.matcher(s);
        if (shortYear.find() && shortYear.start() < bestAt) {
            String year = "20" + shortYear.group("y");
            Optional<Parsed> p = parseInts(year, shortYear.group("m"), shortYear.group("d"))
                    .flatMap(day -> withTime(day, before(s, shortYear.start()), s.substring(shortYear.end())));
            if (p.isPresent()) {
                best = p;
                bestAt = shortYear.start();
            }
        }
        Matcher slash = DMY_SLASH.matcher(s);
        if (slash.find() && slash.start() < bestAt) {
            int a = Integer.parseInt(slash.group("a"));
            int b = Integer.parseInt(slash.group("b"));
            // unambiguous forms (one of the two cannot be a month), or the order of the page's locale
            Optional<LocalDate> day = a > 12 || a == b ? parseInts(slash.group("y"), slash.group("b"), slash.group("a"))
                    : b > 12 ? parseInts(slash.group("y"), slash.group("a"), slash.group("b"))
                    : order == SlashOrder.DAY_FIRST ? parseInts(slash.group("y"), slash.group("b"), slash.group("a"))
                    : order == SlashOrder.MONTH_FIRST ? parseInts(slash.group("y"), slash.group("a"), slash.group("b"))
                    : Optional.empty();
            if (day.isPresent()) {
                best = withTime(day.get(), before(s, slash.start()), s.substring(slash.end()));
            }
        }
        return best;
    }

    private static String before(String s, int start) {
        return s.substring(Math.max(0, start - 48), start);
    }

    private static Optional<Parsed> withTime(String year, int month, String day, String before, String rest) {
        return parseInts(year, Integer.toString(month), day).flatMap(d -> withTime(d, before, rest));
    }

    /** The day with the time written right after it or, failing that, right before it (bylines do both). */
    private static Optional<Parsed> withTime(LocalDate day, String before, String rest) {
        Matcher t = TIME_AFTER.matcher(rest);
        if (!(t.find() && t.end() > 0 && t.group("h") != null)) {
            t = TIME_BEFORE.matcher(before);
            if (!t.find()) {
                return Optional.of(Parsed.dayOnly(day));
            }
        }
        int hour = Integer.parseInt(t.group("h"));
        String ampm = t.group("ampm");
        if (ampm != null && ampm.toLowerCase(Locale.ROOT).startsWith("p") && hour < 12) {
            hour += 12;
        } else if (ampm != null && hour == 12 && ampm.toLowerCase(Locale.ROOT).startsWith("a")) {
            hour = 0;
        }
        if (hour > 23) {
            return Optional.of(Parsed.dayOnly(day));
        }
        LocalDateTime local = day.atTime(hour, Integer.parseInt(t.group("min")),
                t.group("s") == null ? 0 : Integer.parseInt(t.group("s")));
        return Optional.of(Parsed.at(local, Zones.offset(t.group("z"), local)));
    }

    private static Optional<Parsed> build(String y, String m, String d, @Nullable String h, @Nullable String min,
                                          @Nullable String s, @Nullable String zone) {
        Optional<LocalDate> day = parseInts(y, m, d);
        if (day.isEmpty()) {
            return Optional.empty();
        }
        if (h == null || min == null) {
            return Optional.of(Parsed.dayOnly(day.get()));
        }
        int hour = Integer.parseInt(h);
        if (hour > 23) {
            return Optional.of(Parsed.dayOnly(day.get()));
        }
        LocalDateTime local = day.get().atTime(hour, Integer.parseInt(min), s == null ? 0 : Integer.parseInt(s));
        return Optional.of(Parsed.at(local, Zones.offset(zone, local)));
    }

    private static Optional<LocalDate> parseInts(String y, String m, String d) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Parsed of(OffsetDateTime time) {
        return Parsed.at(time.toLocalDateTime(), time.getOffset());
    }

    private static Map<String, Integer> months() {
        String[][] names = {
            {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "januari",
                "января", "январь", "stycznia", "leden", "ledna"},
            {"february", "feb", "februar", "février", "fevrier", "févr", "fev", "febrero", "febbraio", "februari",
                "февраля", "февраль", "lutego", "února"},
            {"march", "mar", "märz", "maerz", "mars", "marzo", "maart", "mär", "марта", "март", "marca",
                "března"},
            {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "апреля", "апрель", "kwietnia", "dubna"},
            {"may", "mai", "mayo", "maggio", "mei", "мая", "май", "maja", "května"},
            {"june", "jun", "juni", "juin", "junio", "giugno", "июня", "июнь", "czerwca", "června"},
            {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "июля", "июль", "lipca", "července"},
            {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "августа", "август", "sierpnia",
                "srpna"},
            {"september", "sep", "sept", "septembre", "septiembre", "settembre", "сентября", "сентябрь",
                "września", "září"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "октября", "октябрь",
                "października", "října"},
            {"november", "nov", "novembre", "noviembre", "ноября", "ноябрь", "listopada", "listopadu"},
            {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
                "декабря", "декабрь", "grudnia", "prosince"}};
        java.util.HashMap<String, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                map.put(name, i + 1);
            }
        }
        return Map.copyOf(map);
    }
}
