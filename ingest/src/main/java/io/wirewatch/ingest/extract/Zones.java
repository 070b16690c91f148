package io.wirewatch.ingest.extract;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The UTC offset a page means by a zone it writes after a time: numeric ({@code +02:00}, {@code -0400},
 * {@code GMT+2}) or a name as newsrooms print them ({@code EDT}, {@code CET}, {@code MESZ}). Names that say
 * only the region ({@code ET}, {@code PT}) take the offset that region's rules give on that date, so "11:30 PM ET"
 * is -04:00 in May and -05:00 in December. Names shared by several zones read as the one English-language news
 * means by them: {@code CST} is US Central (not China), {@code IST} is India (not Ireland or Israel), {@code BST}
 * is British Summer Time.
 */
final class Zones {

    private static final Map<String, Integer> FIXED_MINUTES = Map.ofEntries(
            Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("UT", 0), Map.entry("WET", 0),
            Map.entry("WEST", 60), Map.entry("BST", 60), Map.entry("CET", 60), Map.entry("MEZ", 60),
            Map.entry("CEST", 120), Map.entry("MESZ", 120), Map.entry("EET", 120), Map.entry("OEZ", 120),
            Map.entry("EEST", 180), Map.entry("OESZ", 180), Map.entry("MSK", 180), Map.entry("IST", 330),
            Map.entry("PKT", 300), Map.entry("ICT", 420), Map.entry("WIB", 420), Map.entry("HKT", 480),
            Map.entry("SGT", 480), Map.entry("AWST", 480), Map.entry("PHT", 480), Map.entry("JST", 540),
            Map.entry("KST", 540), Map.entry("ACST", 570), Map.entry("AEST", 600), Map.entry("ACDT", 630),
            Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780),
            Map.entry("EDT", -240), Map.entry("EST", -300), Map.entry("CDT", -300), Map.entry("CST", -360),
            Map.entry("MDT", -360), Map.entry("MST", -420), Map.entry("PDT", -420), Map.entry("PST", -480),
            Map.entry("AKDT", -480), Map.entry("AKST", -540), Map.entry("HST", -600), Map.entry("ADT", -180),
            Map.entry("AST", -240), Map.entry("NDT", -150), Map.entry("NST", -210), Map.entry("BRT", -180),
            Map.entry("ART", -180));
    private static final Map<String, ZoneId> REGIONS = Map.of(
            "ET", ZoneId.of("America/New_York"), "CT", ZoneId.of("America/Chicago"),
            "MT", ZoneId.of("America/Denver"), "PT", ZoneId.of("America/Los_Angeles"));

    /** A zone as written after a time: the names above (upper case, whole word) or a numeric offset. */
    static final String PATTERN = "(?:(?:GMT|UTC)\\s?[+-]\\s?\\d{1,2}(?::?[0-5]\\d)?|[+-][01]\\d:?[0-5]\\d"
            + "|\\b(?-i:" + String.join("|", names()) + ")\\b)";

    private static final Pattern NUMERIC = Pattern.compile("(?:GMT|UTC)?\\s?([+-])\\s?(\\d{1,2}):?([0-5]\\d)?");

    private Zones() {
    }

    /**
     * The offset {@code zone} means at the wall-clock time {@code local}; null when {@code zone} is null or not
     * a zone this class knows (the caller then has a time without an offset).
     */
    static @Nullable ZoneOffset offset(@Nullable String zone, LocalDateTime local) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        String z = zone.strip().toUpperCase(Locale.ROOT);
        Integer minutes = FIXED_MINUTES.get(z);
        if (minutes != null) {
            return ZoneOffset.ofTotalSeconds(minutes * 60);
        }
        ZoneId region = REGIONS.get(z);
        if (region != null) {
            return region.getRules().getOffset(local);
        }
        Matcher m = NUMERIC.matcher(z);
        if (!m.matches()) {
            return null;
        }
        try {
            int hours = Integer.parseInt(m.group(2));
            int mins = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int sign = m.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * mins);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static java.util.List<String> names() {
        java.util.List<String> names = new java.util.ArrayList<>(FIXED_MINUTES.keySet());
        names.addAll(REGIONS.keySet());
        // longest first, so that "CEST" is not read as "CET"-something
        names.sort(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(n -> n));
        return names;
    }
}
