package io.wirewatch.nlp.kb;

import io.wirewatch.nlp.text.Token;
import io.wirewatch.nlp.text.Tokenizer;
import io.wirewatch.schema.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The world's cities and first-level regions, read from a gazetteer file: the bundled one
 * ({@code io/wirewatch/nlp/kb/places.tsv}, derived from GeoNames, CC BY 4.0: see {@code NOTICE-places.md}
 * beside it) or one of the same format. Names are compared without case or accents ("Khan Yunis" is
 * "Khān Yūnis"), and a match must be capitalised as the name is ("Sant Julià de Lòria"; "reading" is no place).
 * Kept compact, not as {@link KbEntry}s: an open-addressing table from names (and their first words) to arrays.
 * Immutable and thread-safe.
 */
public final class Gazetteer {

    static final String BUNDLED = "io/wirewatch/nlp/kb/places.tsv";

    /** Places of at least this many people are {@link Place#major() major}. */
    public static final int MAJOR_POPULATION = 100_000;

    private static final int PREFIX = -1;
    private static final int MAX_TOKENS = 12;

    /**
     * One place: its name as the gazetteer writes it, country (ISO 3166 alpha-3), GeoNames feature code (PPLC a
     * capital, PPLA the seat of a first-level division, PPL… other cities, ADM1 a first-level division) and
     * population (0 when unknown, as for regions).
     *
     * @param commonWord the name is also a lower-case English word ("Reading", "Split")
     */
    public record Place(String name, String country, String feature, int population, boolean commonWord) {
        public Place {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(feature, "feature");
        }

        /** A capital, a region or a city of {@value #MAJOR_POPULATION}+ people: a name readers know as a place. */
        public boolean major() {
            return population >= MAJOR_POPULATION || feature.equals("PPLC") || feature.equals("ADM1");
        }

        /** The place as an actor: {@code GPE:KHAN_YUNIS}, a GPE of its country, sector {@code place}. */
        public Actor actor() {
            return new Actor("GPE:" + fold(name).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_"), name,
                    EntityType.GPE, country, "place", null);
        }
    }

    /** A match of tokens {@code [start, end)}. */
    public record Match(int start, int end, Place place) {
    }

    private final String[] slotKeys;
    private final int[] slotValues;
    private final String[] names;
    private final String[] countries;
    private final String[] features;
    private final int[] populations;
    private final int[] lowerTokens; // bit i: token i of the name is written in lower case ("de" in "Rio de Janeiro")
    private final boolean[] common;

    private Gazetteer(List<Row> rows) {
        int size = rows.size();
        names = new String[size];
        countries = new String[size];
        features = new String[size];
        populations = new int[size];
        lowerTokens = new int[size];
        common = new boolean[size];
        int capacity = Integer.highestOneBit(Math.max(4, size * 3)) * 2;
        slotKeys = new String[capacity];
        slotValues = new int[capacity];
        Map<String, String> interned = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            names[i] = row.name();
            countries[i] = interned.computeIfAbsent(row.country(), k -> k);
            features[i] = interned.computeIfAbsent(row.feature(), k -> k);
            populations[i] = row.population();
            common[i] = row.commonWord();
            lowerTokens[i] = row.lowerTokens();
        }
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            List<String> key = row.key();
            StringBuilder prefix = new StringBuilder();
            for (int t = 0; t < key.size(); t++) {
                if (t > 0) {
                    prefix.append(' ');
                }
                prefix.append(key.get(t));
                boolean whole = t == key.size() - 1;
                int slot = slot(prefix);
                if (slotKeys[slot] == null) {
                    slotKeys[slot] = prefix.toString();
                    slotValues[slot] = whole ? i : PREFIX;
                } else if (whole && slotValues[slot] == PREFIX) {
                    slotValues[slot] = i;
                } else if (whole) {
                    Row first = rows.get(slotValues[slot]);
                    throw row.error("the name '" + row.name() + "' is already in the gazetteer as '" + first.name()
                            + "' (line " + first.line() + "): names must differ beyond case and accents");
                }
            }
        }
    }

    private static final class Holder {
        static final Gazetteer STANDARD = bundled();
    }

    /** The gazetteer bundled with wirewatch (loaded once). */
    public static Gazetteer standard() {
        return Holder.STANDARD;
    }

    /** A gazetteer with no places. */
    public static Gazetteer empty() {
        return new Gazetteer(List.of());
    }

    private static Gazetteer bundled() {
        InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException("the bundled gazetteer " + BUNDLED + " is missing");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse("classpath:" + BUNDLED, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    /**
     * A gazetteer read from {@code reader}: lines {@code NAME<TAB>COUNTRY<TAB>FEATURE<TAB>POPULATION[<TAB>word]},
     * {@code #} comments and blank lines ignored.
     *
     * @throws KbFormatException naming the source and line of the first line that cannot be used, and why
     */
    public static Gazetteer parse(String source, Reader reader) {
        return new Gazetteer(DataLines.read("gazetteer", source, reader, Row::parse));
    }

    /** Every place, in the order of the file. */
    public List<Place> places() {
        List<Place> all = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            all.add(place(i));
        }
        return all;
    }

    /** Number of places. */
    public int size() {
        return names.length;
    }

    /**
     * The longest place whose name is the tokens from {@code start}, capitalised as the name is (an all-capital
     * word of four letters or more counts as capitalised: "KHARKIV"), or null.
     */
    public @Nullable Match longest(List<Token> tokens, int start) {
        if (names.length == 0 || start >= tokens.size() || !capitalised(tokens.get(start))) {
            return null;
        }
        StringBuilder key = new StringBuilder(24);
        int found = -1;
        int foundEnd = start;
        for (int i = start; i < tokens.size() && i - start < MAX_TOKENS; i++) {
            if (i > start) {
                key.append(' ');
            }
            key.append(fold(tokens.get(i).norm()));
            int slot = slot(key);
            if (slotKeys[slot] == null) {
                break;
            }
            int value = slotValues[slot];
            if (value != PREFIX && capitalisedAsWritten(tokens, start, i + 1, lowerTokens[value])) {
                found = value;
                foundEnd = i + 1;
            }
        }
        return found < 0 ? null : new Match(start, foundEnd, place(found));
    }

    private Place place(int index) {
        return new Place(names[index], countries[index], features[index], populations[index], common[index]);
    }

    private static boolean capitalisedAsWritten(List<Token> tokens, int start, int end, int lowerMask) {
        for (int i = start; i < end; i++) {
            Token token = tokens.get(i);
            boolean mayBeLower = i - start < 32 && (lowerMask & (1 << (i - start))) != 0;
            if (!mayBeLower && token.word() && !capitalised(token)) {
                return false;
            }
        }
        return true;
    }

    private static boolean capitalised(Token token) {
        if (!token.word()) {
            return false;
        }
        return token.allCaps() ? token.text().length() >= 4 : Character.isUpperCase(token.text().charAt(0));
    }

    /** The slot of {@code key}: where it is, or the empty slot where it would go. */
    private int slot(CharSequence key) {
        int mask = slotKeys.length - 1;
        int slot = spread(hash(key)) & mask;
        while (slotKeys[slot] != null && !contentEquals(slotKeys[slot], key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int hash(CharSequence key) {
        int h = 0;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return h;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    private static boolean contentEquals(String a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case with accents removed ("khān yūnis" is "khan yunis"); ASCII words are returned as they are. */
    static String fold(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 0x7f) {
                return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                        .toLowerCase(Locale.ROOT);
            }
        }
        return word.toLowerCase(Locale.ROOT);
    }

    /** One line of a gazetteer file. */
    private record Row(String source, int line, String name, String country, String feature, int population,
                       boolean commonWord, List<String> key, int lowerTokens) {

        KbFormatException error(String reason) {
            return new KbFormatException(source, line, reason);
        }

        static Row parse(String source, int line, String text) {
            String[] parts = text.split("\t", -1);
            if (parts.length != 4 && parts.length != 5) {
                throw new KbFormatException(source, line, "expected NAME<TAB>COUNTRY<TAB>FEATURE<TAB>POPULATION"
                        + "[<TAB>word], found " + parts.length + " tab-separated field(s)");
            }
            String name = parts[0].strip();
            String country = parts[1].strip();
            String feature = parts[2].strip();
            if (name.isEmpty() || !Character.isUpperCase(name.codePointAt(0))) {
                throw new KbFormatException(source, line, "a place name must start with a capital: '" + name + "'");
            }
            if (!country.matches("[A-Z]{3}")) {
                throw new KbFormatException(source, line, "country '" + country
                        + "' is not an ISO 3166 alpha-3 code");
            }
            if (!feature.matches("PPL[A-Z0-9]*|ADM1")) {
                throw new KbFormatException(source, line, "feature '" + feature
                        + "' is not a GeoNames city (PPL…) or first-level division (ADM1) code");
            }
            int population;
            try {
                population = Integer.parseInt(parts[3].strip());
            } catch (NumberFormatException e) {
                throw new KbFormatException(source, line, "population '" + parts[3] + "' is not a whole number");
            }
            if (population < 0) {
                throw new KbFormatException(source, line, "population " + population + " is negative");
            }
            boolean commonWord = false;
            if (parts.length == 5) {
                if (!parts[4].strip().equals("word")) {
                    throw new KbFormatException(source, line, "the fifth field may only be 'word', not '"
                            + parts[4] + "'");
                }
                commonWord = true;
            }
            List<Token> tokens = Tokenizer.tokenize(name);
            if (tokens.size() > MAX_TOKENS) {
                throw new KbFormatException(source, line, "'" + name + "' has more than " + MAX_TOKENS + " tokens");
            }
            List<String> key = new ArrayList<>(tokens.size());
            int lower = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                key.add(fold(token.norm()));
                if (!token.word() || !Character.isUpperCase(token.text().codePointAt(0))) {
                    lower |= 1 << i;
                }
            }
            return new Row(source, line, name, country, feature, population, commonWord, List.copyOf(key), lower);
        }
    }
}
