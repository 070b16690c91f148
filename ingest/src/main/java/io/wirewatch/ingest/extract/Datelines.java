package io.wirewatch.ingest.extract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the dateline place ("WASHINGTON, United States –", "MOSCOW (AP) —") at the start of a story and the wire
 * service it credits, there or in a closing credit such as "(AP)" or "— Reuters".
 */
public final class Datelines {

    /** A dateline place and the wire named with it; either may be absent. */
    public record Found(@Nullable String place, @Nullable String wire) {
        static final Found NONE = new Found(null, null);
    }

    private static final Map<String, String> WIRES = Map.ofEntries(
            Map.entry("ap", "AP"), Map.entry("associated press", "AP"), Map.entry("the associated press", "AP"),
            Map.entry("reuters", "Reuters"), Map.entry("thomson reuters", "Reuters"),
            Map.entry("afp", "AFP"), Map.entry("agence france-presse", "AFP"), Map.entry("agence france presse", "AFP"),
            Map.entry("dpa", "dpa"), Map.entry("xinhua", "Xinhua"), Map.entry("tass", "TASS"),
            Map.entry("bloomberg", "Bloomberg"), Map.entry("upi", "UPI"), Map.entry("ansa", "ANSA"),
            Map.entry("efe", "EFE"), Map.entry("kyodo", "Kyodo"), Map.entry("interfax", "Interfax"),
            Map.entry("anadolu", "Anadolu"), Map.entry("pa", "PA"), Map.entry("cnn", "CNN"),
            Map.entry("ria novosti", "RIA Novosti"), Map.entry("yonhap", "Yonhap"));

    private static final String WIRE_NAMES = "AP|Associated Press|The Associated Press|Reuters|Thomson Reuters|AFP"
            + "|Agence France-Presse|Agence France Presse|dpa|DPA|Xinhua|TASS|Bloomberg|UPI|ANSA|EFE|Kyodo|Interfax"
            + "|Anadolu|PA|CNN|RIA Novosti|Yonhap";

    /**
     * PLACE[, Region][, Date] [(WIRE)] DASH: the place starts with a capitalised word of at least three letters,
     * the first word in capitals; a dash of any kind follows.
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^(?<place>\\p{Lu}[\\p{Lu}.'’\\-]+(?:[ ]\\p{Lu}[\\p{Lu}.'’\\-]+){0,3}"
                    + "(?:,[ ]+\\p{Lu}[\\p{L}.'’\\-]+(?:[ ]\\p{Lu}[\\p{L}.'’\\-]+){0,3})?)"
                    + "(?:,[ ]+(?<date>\\p{Lu}[\\p{Ll}]{2,8}\\.?[ ]\\d{1,2}|\\d{1,2}[ ]\\p{L}{3,9}\\.?))?"
                    + "[ ]*(?:\\((?<wire>" + WIRE_NAMES + ")\\))?[ ]*(?:[–—-]{1,2}|:)[ ]+\\S");

    private static final Pattern CLOSING_CREDIT = Pattern.compile(
            "(?:\\((?<paren>" + WIRE_NAMES + ")\\)|^[–—-]+[ ]*(?<dash>" + WIRE_NAMES + ")|"
                    + "©[ ]*(?:\\d{4}[ ]+)?(?<copy>" + WIRE_NAMES + "))[ ]*\\.?$");

    private Datelines() {
    }

    /** The dateline of {@code firstParagraph} and the wire of the story, looking also at its last paragraph. */
    public static Found find(List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            return Found.NONE;
        }
        Found head = Found.NONE;
        for (int i = 0; i < Math.min(3, paragraphs.size()); i++) {
            Optional<Found> found = dateline(paragraphs.get(i));
            if (found.isPresent()) {
                head = found.get();
                break;
            }
            if (paragraphs.get(i).length() >= 100) {
                break; // the story has begun without a dateline
            }
        }
        String wire = head.wire();
        if (wire == null) {
            wire = closingCredit(paragraphs.get(paragraphs.size() - 1));
        }
        return new Found(head.place(), wire);
    }

    /** The dateline at the start of {@code paragraph}, if it has one. */
    public static Optional<Found> dateline(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        if (!m.find()) {
            return Optional.empty();
        }
        String place = m.group("place").strip();
        String firstWord = place.split("[ ,]")[0].replaceAll("[^\\p{L}]", "");
        if (firstWord.length() < 3 || WIRES.containsKey(place.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String wire = m.group("wire");
        return Optional.of(new Found(place, wire == null ? null : canonicalWire(wire)));
    }

    /** The wire credited at the end of {@code lastParagraph} ("... said. (AP)", "— Reuters"), or null. */
    public static @Nullable String closingCredit(String lastParagraph) {
        Matcher m = CLOSING_CREDIT.matcher(lastParagraph.strip());
        if (!m.find()) {
            return null;
        }
        for (String group : List.of("paren", "dash", "copy")) {
            if (m.group(group) != null) {
                return canonicalWire(m.group(group));
            }
        }
        return null;
    }

    /** The wire named in a byline or credit line ("By JOHN DOE Associated Press"), or null. */
    public static @Nullable String wireIn(@Nullable String credit) {
        if (credit == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?:^|[\\s(,/|])(" + WIRE_NAMES + ")(?:$|[\\s),/|.])").matcher(credit);
        return m.find() ? canonicalWire(m.group(1)) : null;
    }

    static String canonicalWire(String name) {
        return WIRES.getOrDefault(name.toLowerCase(Locale.ROOT).strip(), name.strip());
    }
}
