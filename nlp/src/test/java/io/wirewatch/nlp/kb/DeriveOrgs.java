package io.wirewatch.nlp.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives wirewatch's organisations ({@code nlp/src/main/resources/io/wirewatch/nlp/kb/orgs.tsv}) from the
 * Phoenix/PETRARCH2 actor dictionaries (MIT, Open Event Data Alliance): the armed non-state groups of
 * {@code Phoenix.MilNonState.actors.txt} and the state bodies (ministries, agencies, armed forces, parliaments,
 * courts, police, intelligence services) of {@code Phoenix.Countries.actors.txt}. Lives in enrich's test scope so
 * its tests run with the build; it uses the JDK alone, so it also runs as a single-file program:
 *
 * <pre>
 * java nlp/src/test/java/io/wirewatch/nlp/kb/DeriveOrgs.java /work/shared/data/actors/phoenix \
 *     nlp/src/main/resources/io/wirewatch/nlp/kb/actors.tsv /usr/share/dict/american-english \
 *     &gt; nlp/src/main/resources/io/wirewatch/nlp/kb/orgs.tsv
 * </pre>
 *
 * The rules (repeated, with what each dropped, in the output's header):
 * <ul>
 *   <li>entries are groups of names (a line, its {@code +} synonyms) with their codes; a group with a dated code
 *       is a person's career (the dated roles are kept elsewhere) and is left out, as are country and city
 *       names (a code without a sector) and sectors that are not state bodies or armed groups (elites,
 *       business, media, ...);</li>
 *   <li>the country is the code's first three letters; {@code IMG} (transnational militant groups) has none;
 *       region codes ({@code MEA}, {@code WEU}, ...) that name no country are left out;</li>
 *   <li>a name is dropped when it is shorter than three letters or digits, an agent word of
 *       {@code Phoenix.agents.txt} ("POLICE"), one ordinary English word, two words that are both ordinary
 *       English, or (in the country file, where persons and places sit among the agencies) neither one word nor
 *       a phrase with an organisation word ("Ministry", "Army", "Court", ...);</li>
 *   <li>a name actors.tsv already gives to a country, body, place or person is left to actors.tsv; a group that
 *       shares a name with one of actors.tsv's hand-written organisations is merged into it (its id, country and
 *       sector: those follow the annotation guideline where Phoenix differs, e.g. Boko Haram IMG);</li>
 *   <li>a name two groups give to different countries or sectors is dropped from both.</li>
 * </ul>
 * A line the converter cannot read (an alias or code before any entry, an unterminated or malformed code) stops
 * it with the file and line number. One file (over the usual size) so that it runs as a single-file program.
 */
public final class DeriveOrgs {

    static final String MIL_NON_STATE = "Phoenix.MilNonState.actors.txt";
    static final String COUNTRIES = "Phoenix.Countries.actors.txt";
    static final String AGENTS = "Phoenix.agents.txt";

    /** Words that make a phrase of the country file the name of a body rather than of a person or place. */
    static final Set<String> ORG_WORDS = Set.of("ministry", "ministries", "department", "agency", "bureau",
            "council", "court", "courts", "tribunal", "assembly", "parliament", "congress", "senate", "chamber",
            "army", "navy", "force", "forces", "guard", "guards", "corps", "police", "gendarmerie", "service",
            "services", "command", "intelligence", "militia", "brigade", "brigades", "front", "movement",
            "organization", "organisation", "committee", "office", "commission", "administration", "directorate",
            "security", "cabinet", "government", "authority", "knesset", "duma", "majlis", "legislature",
            "marines", "military", "regiment", "division", "battalion", "liberation", "defence", "defense",
            "prosecutor",
            "judiciary", "secretariat", "group", "groups", "resistance", "party", "cell", "cells", "commando",
            "commandos", "squad", "squads", "battalions", "jihad", "union", "alliance", "coalition",
            "league", "network", "faction", "nuclei", "unit", "units", "mujahideen", "mujahidin", "jaish",
            "jaysh", "lashkar", "harakat", "hizb", "kataib", "ansar", "sena");
    /** Words of offices and the people who hold them: "US Secretary of Defense" is a title, not a body. */
    static final Set<String> TITLE_WORDS = Set.of("secretary", "president", "chairman", "chairwoman", "director",
            "minister", "spokesman", "spokeswoman", "official", "officials", "leader", "commander", "chief", "king",
            "premier", "chancellor", "bundeskanzler", "potus", "secdef", "governor", "ambassador", "sheikh", "sheik",
            "sayyid", "sayyed", "seyyed", "mullah", "imam", "maulana", "emir");
    /** Phoenix's sector codes we keep, most specific first, and our sector names. */
    static final Map<String, String> SECTORS = sectors();
    static final Set<String> LOWER_WORDS = Set.of("of", "the", "and", "for", "in", "on", "to", "de", "del", "la",
            "le", "des", "du", "da", "wa", "wal", "fi", "li", "bin", "ibn");
    static final Set<String> LOWER_PREFIXES = Set.of("al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath");
    static final Set<String> CAPS_WORDS = Set.of("US", "UK", "UN", "EU", "USA", "PLA", "IRA");

    private static final Pattern CODE = Pattern.compile("~?[A-Z]{3,}(?:\\s*[<>]?\\s*\\d[\\d\\s-]*)?|---");
    private static final Pattern PAREN = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern USABLE = Pattern.compile("[A-Z0-9_'.\\-]+");

    private DeriveOrgs() {
    }

    /** A line of a dictionary that cannot be read; the message names the file and the line. */
    static final class DictionaryFormatException extends RuntimeException {
        final int line;

        DictionaryFormatException(String file, int line, String reason) {
            super(file + ":" + line + ": " + reason);
            this.line = line;
        }
    }

    /** One dictionary entry: its names (the first is the entry's own) and its codes, from {@code file:line}. */
    record Group(String file, int line, List<String> names, List<String> codes) {
    }

    /** An organisation to write: id, names in output case, country (null for IMG) and sector. */
    record Org(String id, List<String> names, String country, String sector) {
    }

    /** What actors.tsv already names: every surface, and the hand-written organisations by surface. */
    record Known(Set<String> surfaces, Set<String> countries, Map<String, Org> orgs) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java DeriveOrgs.java PHOENIX_DIR ACTORS_TSV WORD_LIST > orgs.tsv");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Map<String, String> dictionaries = new LinkedHashMap<>();
        for (String name : List.of(MIL_NON_STATE, COUNTRIES, AGENTS, "LICENSE")) {
            dictionaries.put(name, read(dir.resolve(name)));
        }
        Known known = known(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        Set<String> words = commonWords(Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8));
        System.out.print(derive(dictionaries, known, words));
    }

    /** A dictionary's text: UTF-8, with the few bytes that are not (Latin-1 leftovers) as U+FFFD. */
    static String read(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException("cannot decode " + file, e);
        }
    }

    /** The lower-case entries of a word list: ordinary English words (capitalised entries are names). */
    static Set<String> commonWords(List<String> lines) {
        Set<String> words = new HashSet<>();
        for (String line : lines) {
            String word = line.strip();
            if (!word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT)) && !word.contains("'")) {
                words.add(word);
            }
        }
        return words;
    }

    /** The entry groups of a dictionary. */
    static List<Group> groups(String file, String text) {
        List<Group> groups = new ArrayList<>();
        List<String> names = null;
        List<String> codes = null;
        int start = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).stripTrailing();
            if (content.isBlank()) {
                continue;
            }
            int bracket = content.indexOf('[');
            String name = (bracket >= 0 ? content.substring(0, bracket) : content).strip();
            List<String> found = codes(file, number, bracket >= 0 ? content.substring(bracket) : "");
            if (content.startsWith("+")) {
                if (names == null) {
                    throw new DictionaryFormatException(file, number, "synonym '" + name.substring(1)
                            + "' before any entry");
                }
                names.add(name.substring(1));
                codes.addAll(found);
            } else if (Character.isWhitespace(content.charAt(0))) {
                if (names == null) {
                    throw new DictionaryFormatException(file, number, "code line before any entry");
                }
                if (!name.isEmpty()) {
                    throw new DictionaryFormatException(file, number, "indented line '" + name
                            + "' is neither a code nor a synonym");
                }
                codes.addAll(found);
            } else if (names != null && codes.isEmpty()) {
                names.add(name); // consecutive names share the codes that follow them
                codes.addAll(found);
            } else {
                if (names != null) {
                    groups.add(new Group(file, start, List.copyOf(names), List.copyOf(codes)));
                }
                names = new ArrayList<>(List.of(name));
                codes = new ArrayList<>(found);
                start = number;
            }
        }
        if (names != null) {
            groups.add(new Group(file, start, List.copyOf(names), List.copyOf(codes)));
        }
        return groups;
    }

    private static List<String> codes(String file, int number, String text) {
        List<String> codes = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('[', at);
            if (open < 0) {
                if (!text.substring(at).isBlank()) {
                    throw new DictionaryFormatException(file, number, "text '" + text.substring(at).strip()
                            + "' after the codes");
                }
                break;
            }
            if (!text.substring(at, open).isBlank()) {
                throw new DictionaryFormatException(file, number, "text '" + text.substring(at, open).strip()
                        + "' between codes");
            }
            int close = text.indexOf(']', open);
            if (close < 0) {
                throw new DictionaryFormatException(file, number, "code '" + text.substring(open)
                        + "' has no closing ]");
            }
            String code = text.substring(open + 1, close).strip();
            if (!CODE.matcher(code).matches()) {
                throw new DictionaryFormatException(file, number, "malformed code [" + code + "]");
            }
            codes.add(code);
            at = close + 1;
        }
        return codes;
    }

    private static Map<String, String> sectors() {
        Map<String, String> sectors = new LinkedHashMap<>();
        sectors.put("SPY", "intelligence");
        sectors.put("COP", "police");
        sectors.put("JUD", "judiciary");
        sectors.put("LEG", "legislature");
        sectors.put("MIL", "military");
        sectors.put("REB", "armed group");
        sectors.put("INS", "armed group");
        sectors.put("UAF", "armed group");
        sectors.put("SEP", "armed group");
        sectors.put("GOV", "government");
        return sectors;
    }

    /** Reads actors.tsv for the surfaces it names and its hand-written organisations. */
    static Known known(String actorsTsv) {
        Set<String> surfaces = new HashSet<>();
        Set<String> countries = new HashSet<>();
        Map<String, Org> orgs = new HashMap<>();
        for (String line : actorsTsv.split("\r?\n")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length < 3) {
                continue; // ActorKb itself refuses such lines with their number
            }
            Map<String, String> fields = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 2; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    String key = parts[i].substring(0, eq).strip();
                    String value = parts[i].substring(eq + 1).strip();
                    fields.put(key, value);
                    if (Set.of("name", "aliases", "capitals", "demonyms", "adjectives", "seats", "surnames",
                            "title", "titles").contains(key)) {
                        for (String item : value.split("\\|")) {
                            if (!item.isBlank()) {
                                names.add(item.strip());
                            }
                        }
                    }
                }
            }
            if (parts[0].equals("country")) {
                countries.add(parts[1]);
            }
            for (String name : names) {
                surfaces.add(norm(name));
                if (parts[0].equals("org")) {
                    orgs.putIfAbsent(norm(name), new Org(parts[1], List.of(), fields.get("country"),
                            fields.get("sector")));
                }
            }
        }
        return new Known(surfaces, countries, orgs);
    }

    /** A name as compared: lower case, single spaces, no leading "the". */
    static String norm(String name) {
        String norm = name.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ").strip();
        return norm.startsWith("the ") ? norm.substring(4) : norm;
    }

    /** The agent phrases of Phoenix.agents.txt ("POLICE", "POLICEMAN" from "POLICE!PERSON!"), normalised. */
    static Set<String> agents(String text) {
        Map<String, List<String>> substitutions = new HashMap<>();
        List<String> phrases = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            // only the phrase before the code matters here (the file has a code or two with a typo: "[~ENV}")
            String phrase = line.replaceAll("[\\[{#].*", "").strip();
            int eq = phrase.indexOf('=');
            if (phrase.startsWith("!") && eq > 0) {
                substitutions.put(phrase.substring(0, eq).strip(),
                        List.of(phrase.substring(eq + 1).split("\\s*,\\s*")));
            } else if (!phrase.isEmpty()) {
                phrases.add(phrase);
            }
        }
        Set<String> agents = new HashSet<>();
        for (String phrase : phrases) {
            List<String> forms = List.of(phrase);
            for (Map.Entry<String, List<String>> set : substitutions.entrySet()) {
                if (phrase.contains(set.getKey())) {
                    forms = set.getValue().stream().map(v -> phrase.replace(set.getKey(), v.strip())).toList();
                }
            }
            forms.forEach(form -> agents.add(norm(form.replace('_', ' '))));
        }
        return agents;
    }

    /** The orgs.tsv text for the dictionaries (by file name, plus "LICENSE"), what actors.tsv knows and a word list. */
    static String derive(Map<String, String> dictionaries, Known known, Set<String> words) {
        Set<String> agents = agents(dictionaries.get(AGENTS));
        Map<String, Integer> dropped = new TreeMap<>();
        Map<String, Integer> read = new LinkedHashMap<>();
        List<Org> candidates = new ArrayList<>();
        Map<String, Set<String>> claims = new HashMap<>();
        Map<String, List<Group>> byFile = new LinkedHashMap<>();
        for (String file : List.of(MIL_NON_STATE, COUNTRIES)) {
            byFile.put(file, groups(file, dictionaries.get(file)));
        }
        Set<String> givenNames = givenNames(byFile.get(COUNTRIES), byFile.get(MIL_NON_STATE));
        for (Map.Entry<String, List<Group>> file : byFile.entrySet()) {
            List<Group> groups = file.getValue();
            read.put(file.getKey(), groups.size());
            for (Group group : groups) {
                Org org = org(group, known, words, agents, givenNames, dropped);
                if (org != null) {
                    candidates.add(org);
                    for (String name : org.names()) {
                        claims.computeIfAbsent(norm(name), k -> new HashSet<>()).add(org.country() + "/"
                                + org.sector());
                    }
                }
            }
        }
        StringBuilder body = new StringBuilder();
        Set<String> ids = new HashSet<>();
        int orgs = 0;
        int names = 0;
        for (Org org : candidates) {
            List<String> kept = new ArrayList<>();
            for (String name : org.names()) {
                if (claims.get(norm(name)).size() > 1) {
                    count(dropped, "name: given to different countries or sectors");
                } else {
                    kept.add(name);
                }
            }
            if (kept.isEmpty()) {
                count(dropped, "entry: no usable name left");
                continue;
            }
            String id = org.id();
            if (id.startsWith("ORG:")) {
                id = unique(id, org.country(), ids);
            }
            orgs++;
            names += kept.size();
            body.append("org\t").append(id).append("\tname=").append(kept.get(0));
            if (kept.size() > 1) {
                body.append("\taliases=").append(String.join("|", kept.subList(1, kept.size())));
            }
            if (org.country() != null) {
                body.append("\tcountry=").append(org.country());
            }
            body.append("\tsector=").append(org.sector()).append('\n');
        }
        return header(dictionaries.get("LICENSE"), read, orgs, names, dropped) + body;
    }

    private static String unique(String id, String country, Set<String> ids) {
        String unique = id;
        if (!ids.add(unique)) {
            unique = id + "_" + (country == null ? "IMG" : country);
            for (int n = 2; !ids.add(unique); n++) {
                unique = id + "_" + n;
            }
        }
        return unique;
    }

    /** The organisation of one group, or null (counted in {@code dropped}) when it is none of ours. */
    private static Org org(Group group, Known known, Set<String> words, Set<String> agents,
                           Set<String> givenNames, Map<String, Integer> dropped) {
        boolean armedGroups = group.file().equals(MIL_NON_STATE);
        Set<String> kinds = new LinkedHashSet<>();
        for (String code : group.codes()) {
            if (code.equals("---")) {
                continue;
            }
            if (code.contains(" ") || code.matches(".*\\d.*")) {
                count(dropped, "entry: dated code (a person's career)");
                return null;
            }
            String country = code.substring(0, 3);
            String sector = armedGroups ? "armed group" : sector(code.substring(3));
            if (sector == null) {
                count(dropped, "entry: " + (code.length() == 3 ? "country or place name" : "sector not a state"
                        + " body or armed group"));
                return null;
            }
            if (!country.equals("IMG") && !known.countries().contains(country)) {
                count(dropped, "entry: region or unknown country code");
                return null;
            }
            kinds.add((country.equals("IMG") ? "" : country) + "/" + sector);
        }
        if (kinds.size() != 1) {
            count(dropped, kinds.isEmpty() ? "entry: no code" : "entry: codes of several countries or sectors");
            return null;
        }
        String first = group.names().get(0);
        if (!orgLike(first) && words(first).stream().anyMatch(TITLE_WORDS::contains)) {
            count(dropped, "entry: an office, not a body");
            return null;
        }
        if (!armedGroups && !orgLike(first)) {
            count(dropped, "entry: named for a person or place");
            return null;
        }
        String[] kind = kinds.iterator().next().split("/", 2);
        String country = kind[0].isEmpty() ? null : kind[0];
        String sector = kind[1];
        Org merged = null;
        List<String> names = new ArrayList<>();
        Set<String> surnames = new HashSet<>();
        for (String raw : group.names()) {
            List<String> tokens = words(raw.strip());
            if (armedGroups && !orgLike(raw) && givenNames.contains(tokens.get(0))) {
                count(dropped, "name: a person's (a given name of the country file's people, no organisation word)");
                surnames.add(tokens.get(tokens.size() - 1));
            }
        }
        for (String raw : group.names()) {
            List<String> tokens = words(raw.strip());
            if (armedGroups && !orgLike(raw) && givenNames.contains(tokens.get(0))
                    || tokens.size() == 1 && surnames.contains(tokens.get(0))) {
                continue; // the armed-group file lists leaders among a group's names: "Mohammed Deif", "Nasrallah"
            }
            for (String candidate : candidates(raw)) {
                // the KEDS list at the end of the armed-group file marks its names "__" and mixes in leaders
                boolean leadersAmong = armedGroups && raw.strip().endsWith("__");
                String name = usable(candidate, !armedGroups || leadersAmong, leadersAmong, words, agents, dropped);
                if (name == null) {
                    continue;
                }
                String norm = norm(name);
                Org hand = known.orgs().get(norm);
                if (hand != null) {
                    merged = merged == null ? hand : merged;
                    count(dropped, "name: already in actors.tsv");
                } else if (known.surfaces().contains(norm)) {
                    count(dropped, "name: already in actors.tsv");
                } else if (names.stream().noneMatch(n -> norm(n).equals(norm))) {
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            count(dropped, "entry: no usable name left");
            return null;
        }
        if (merged != null) {
            return new Org(merged.id(), names, merged.country(), merged.sector());
        }
        return new Org("ORG:" + group.names().get(0).replaceAll("\\(.*?\\)", "").replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_+|_+$", ""), names, country, sector);
    }

    /**
     * The first words of the people's names in the country file (the entries with dated codes, all people):
     * "mohammed", "hassan", "ahmed"; not particles ("al", "la") nor words that open more names of groups with an
     * organisation word than names of people ("islamic" of "Islamic Resistance Movement").
     */
    static Set<String> givenNames(List<Group> countries, List<Group> armedGroups) {
        Map<String, Integer> given = new HashMap<>();
        for (Group group : countries) {
            if (group.codes().stream().anyMatch(code -> code.matches(".*\\d.*"))) {
                for (String name : group.names()) {
                    List<String> words = words(name.strip());
                    if (words.size() > 1 && words.get(0).length() >= 3 && !ORG_WORDS.contains(words.get(0))
                            && !LOWER_WORDS.contains(words.get(0)) && !LOWER_PREFIXES.contains(words.get(0))) {
                        given.merge(words.get(0), 1, Integer::sum);
                    }
                }
            }
        }
        for (Group group : armedGroups) {
            for (String name : group.names()) {
                if (orgLike(name)) {
                    given.computeIfPresent(words(name.strip()).get(0), (k, n) -> n - 1);
                }
            }
        }
        given.values().removeIf(n -> n <= 0);
        return given.keySet();
    }

    /** The lower-case words of a dictionary name. */
    private static List<String> words(String name) {
        return List.of(name.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", "_").split("[_\\s]+"));
    }

    /** A dictionary name that can be a body's: one word ("MOSSAD"), or a phrase with an organisation word. */
    private static boolean orgLike(String name) {
        List<String> words = words(name.strip()).stream().filter(w -> !w.isEmpty()).toList();
        return words.size() == 1 || words.stream().anyMatch(ORG_WORDS::contains);
    }

    private static String sector(String roles) {
        for (Map.Entry<String, String> sector : SECTORS.entrySet()) {
            for (int i = 0; i + 3 <= roles.length(); i += 3) {
                if (roles.substring(i, i + 3).equals(sector.getKey())) {
                    return sector.getValue();
                }
            }
        }
        return null;
    }

    /** The names one dictionary name stands for: itself without parentheses, and an acronym in parentheses. */
    static List<String> candidates(String raw) {
        List<String> out = new ArrayList<>();
        for (String part : raw.split("\\+")) {
            Matcher paren = PAREN.matcher(part);
            while (paren.find()) {
                out.add(paren.group(1));
            }
            out.add(PAREN.matcher(part).replaceAll("_"));
        }
        return out;
    }

    /** {@code raw} in output case, or null (counted) when it would make common words an actor. */
    static String usable(String raw, boolean needsOrgWord, boolean evenAlone, Set<String> words,
                         Set<String> agents, Map<String, Integer> dropped) {
        String clean = raw.strip().replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (clean.isEmpty()) {
            return null;
        }
        if (!USABLE.matcher(clean).matches()) {
            count(dropped, "name: characters other than letters, digits, - ' .");
            return null;
        }
        List<String> parts = new ArrayList<>(List.of(clean.split("_")));
        if (parts.size() > 1 && parts.get(0).equals("THE")) {
            parts.remove(0);
        }
        if (clean.replaceAll("[^A-Z0-9]", "").length() < 3) {
            count(dropped, "name: shorter than three letters");
            return null;
        }
        String norm = norm(String.join(" ", parts));
        if (agents.contains(norm)) {
            count(dropped, "name: an agent word of Phoenix.agents.txt");
            return null;
        }
        if (!orgLike(clean) && parts.stream().anyMatch(p -> TITLE_WORDS.contains(p.toLowerCase(Locale.ROOT)))) {
            count(dropped, "name: an office or a person's title");
            return null;
        }
        boolean allCommon = parts.stream().allMatch(p -> p.matches("\\d+")
                || words.contains(p.toLowerCase(Locale.ROOT)));
        if (parts.size() <= 2 && allCommon) {
            count(dropped, parts.size() == 1 ? "name: an ordinary English word" : "name: two ordinary English words");
            return null;
        }
        if (needsOrgWord && (parts.size() > 1 || evenAlone)
                && parts.stream().noneMatch(p -> ORG_WORDS.contains(p.toLowerCase(Locale.ROOT)))) {
            count(dropped, "name: no organisation word (a person or place among the agencies)");
            return null;
        }
        return cased(parts);
    }

    /** "BOKO_HARAM" as "Boko Haram", "AL-SHABAAB" as "al-Shabaab", "FBI" kept, "DEPARTMENT_OF_STATE" with "of". */
    static String cased(List<String> parts) {
        if (parts.size() == 1 && parts.get(0).replaceAll("[^A-Z0-9]", "").length() <= 4) {
            return parts.get(0);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String word = parts.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            if (word.contains(".") || CAPS_WORDS.contains(word) || !lower.matches(".*[aeiouy].*")) {
                out.add(word);
            } else if (i > 0 && LOWER_WORDS.contains(lower)) {
                out.add(lower);
            } else {
                String[] pieces = lower.split("-", -1);
                StringBuilder cased = new StringBuilder();
                for (int j = 0; j < pieces.length; j++) {
                    String piece = pieces[j];
                    boolean prefix = j == 0 && pieces.length > 1 && LOWER_PREFIXES.contains(piece);
                    cased.append(j > 0 ? "-" : "").append(prefix || piece.isEmpty() ? piece
                            : Character.toUpperCase(piece.charAt(0)) + piece.substring(1));
                }
                out.add(cased.toString());
            }
        }
        return String.join(" ", out);
    }

    private static void count(Map<String, Integer> counts, String reason) {
        counts.merge(reason, 1, Integer::sum);
    }

    private static String header(String license, Map<String, Integer> read, int orgs, int names,
                                 Map<String, Integer> dropped) {
        StringBuilder out = new StringBuilder();
        out.append("# wirewatch organisations: armed groups and state bodies, loaded by ActorKb beside actors.tsv.\n")
                .append("# Generated by nlp/src/test/java/io/wirewatch/nlp/kb/DeriveOrgs.java (its comment gives")
                .append(" the\n# command and the rules) from the Phoenix/PETRARCH2 actor dictionaries ")
                .append(MIL_NON_STATE).append(" and\n# ").append(COUNTRIES).append(", with ").append(AGENTS)
                .append(" as the agent words it refuses. Do not edit by hand:\n")
                .append("# hand-written organisations (and those Phoenix, which stops in 2014, lacks) are in")
                .append(" actors.tsv.\n# Format: see actors.tsv (org ID name= aliases= [country=] sector=;")
                .append(" no country = transnational, IMG).\n#\n");
        read.forEach((file, count) -> out.append("# entries read from ").append(file).append(": ").append(count)
                .append('\n'));
        out.append("# organisations written: ").append(orgs).append(", names: ").append(names).append('\n');
        dropped.forEach((reason, count) -> out.append("# left out, ").append(reason).append(": ").append(count)
                .append('\n'));
        out.append("#\n# The dictionaries' licence:\n#\n");
        for (String line : license.strip().split("\r?\n")) {
            out.append(line.isBlank() ? "#" : "# " + line.strip()).append('\n');
        }
        out.append('\n');
        return out.toString();
    }
}
