package io.wirewatch.nlp.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives wirewatch's agent words ({@code nlp/src/main/resources/io/wirewatch/nlp/kb/agents.tsv}) from the
 * Phoenix/PETRARCH2 agents dictionary {@code Phoenix.agents.txt} (MIT, Open Event Data Alliance): the nouns of
 * news that name an actor by its role rather than its name ("police", "gunmen", "protesters", "the army", "a
 * court", "judge"), each with its CAMEO sector. Lives in enrich's test scope so its test runs with the build; it
 * uses the JDK alone, so it also runs as a single-file program:
 *
 * <pre>
 * java nlp/src/test/java/io/wirewatch/nlp/kb/DeriveAgents.java \
 *     /work/shared/data/actors/phoenix/Phoenix.agents.txt /work/shared/data/actors/phoenix/LICENSE \
 *     &gt; nlp/src/main/resources/io/wirewatch/nlp/kb/agents.tsv
 * </pre>
 *
 * The rules (their counts in the output's header): an entry's sector is the first three letters of its first code
 * ({@code [~GOVMED]} is GOV); only the sectors of {@link #SECTORS} are kept (governments, armed forces, police,
 * courts, legislatures, rebels, opposition, unidentified armed men, intelligence, criminals, civilians), the
 * others (business, media, health, education, religion, ...) name no political actor; {@code !PERSON!} is
 * expanded to man, men, woman, women and person; a last word {@code MINIST} (the dictionary's stem) becomes
 * minister, ministers, ministry and ministries; the regular plural of the last word is added unless the entry
 * gives its plurals in braces ({@code POLICE {}} has none, {@code GUNMAN {GUNMEN}} one); entries with other
 * characters than letters, {@code -}, {@code '} and {@code _}, or of more than four words, are left out; a phrase
 * two entries give different sectors keeps the first. A line whose code does not close (one in 2014's file: {@code
 * [~ENV}}) is counted with its line number in the header.
 */
public final class DeriveAgents {

    /** The CAMEO sectors kept, with the sector name the knowledge base gives their actors. */
    static final Map<String, String> SECTORS = sectors();

    private static Map<String, String> sectors() {
        Map<String, String> sectors = new LinkedHashMap<>();
        sectors.put("GOV", "government");
        sectors.put("MIL", "military");
        sectors.put("COP", "police");
        sectors.put("JUD", "judiciary");
        sectors.put("LEG", "legislature");
        sectors.put("REB", "rebels");
        sectors.put("OPP", "opposition");
        sectors.put("UAF", "unidentified armed");
        sectors.put("SPY", "intelligence");
        sectors.put("CRM", "criminal");
        sectors.put("CVL", "civilian");
        return sectors;
    }

    /**
     * Phrases of the dictionary that name no actor in news prose, or more often something else: places and
     * vehicles ("village", "airliner", "prison", "embassy"), events ("uprising", "insurgency"), and words with another
     * everyday sense ("carrier", "captain", "chamber", "deputies" of a parliament, "representatives of").
     */
    static final Set<String> NOT_ACTORS = Set.of("airliner", "airliners", "jetliner", "jetliners", "village",
            "villages", "settlement", "settlements", "neighborhood", "neighborhoods", "neighbourhood",
            "neighbourhoods", "prison", "prisons", "deputy", "deputies", "carrier", "carriers", "naval", "chamber",
            "chambers", "insurgence", "insurgences", "insurgency", "insurgencies", "rebellion", "rebellions",
            "revolt", "revolts", "uprising", "uprisings", "intelligence", "assemblage", "assemblages", "echelon",
            "echelons", "captain", "captains", "engineer", "engineers", "customer", "customers", "athlete",
            "athletes", "hunter", "hunters", "kingdom", "kingdoms", "barracks", "mig", "migs", "kfir", "kfirs",
            "phalanx", "advocate", "advocates", "counsel", "counsels", "representatives", "delegate", "delegates",
            "community", "communities", "exile", "exiles", "operative", "operatives", "population",
            "populations", "governance", "polity", "polities", "native", "natives", "mother", "mothers", "girl",
            "girls", "scientist", "scientists", "tourer", "tourers", "commercial jet",
            "passenger airliner", "passenger jet", "police post", "police district", "security check", "embassy",
            "embassies", "consulate", "consulates");

    /**
     * Words the dictionary has only inside longer phrases ("GOVERNMENT_OFFICIAL", "ARMY_GENERAL"): "officials said"
     * speaks for a government, "General X" is an officer.
     */
    static final Map<String, String> TITLES = Map.of("general", "MIL", "officials", "GOV"); // "official" is an adjective

    private static final Pattern ENTRY = Pattern.compile("^([^\\[{#]+?)\\s*(?:\\{([^}]*)\\})?\\s*\\[~?([A-Z]+)\\]");
    private static final Pattern USABLE = Pattern.compile("[A-Z][A-Z'\\-_]*");
    private static final List<String> PERSON = List.of("MAN", "MEN", "WOMAN", "WOMEN", "PERSON");

    private DeriveAgents() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java DeriveAgents.java Phoenix.agents.txt LICENSE > agents.tsv");
            System.exit(2);
        }
        System.out.print(derive(Files.readString(Path.of(args[0]), StandardCharsets.ISO_8859_1),
                Files.readString(Path.of(args[1]), StandardCharsets.UTF_8)));
    }

    /** The agents file for the dictionary {@code text} under {@code licence}. */
    static String derive(String text, String licence) {
        Map<String, String> phrases = new LinkedHashMap<>();
        Map<String, Integer> left = new TreeMap<>();
        int entries = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#") || content.startsWith("!") && content.contains("=")) {
                continue;
            }
            if (content.contains("[") && !content.substring(content.indexOf('[')).contains("]")) {
                left.merge("code does not close (line " + (i + 1) + ")", 1, Integer::sum);
                continue;
            }
            Matcher m = ENTRY.matcher(content);
            if (!m.find()) {
                left.merge("no code", 1, Integer::sum);
                continue;
            }
            entries++;
            String sector = m.group(3).length() >= 3 ? m.group(3).substring(0, 3) : m.group(3);
            if (!SECTORS.containsKey(sector)) {
                left.merge("sector not a political actor's (" + sector + ")", 1, Integer::sum);
                continue;
            }
            String name = m.group(1).strip();
            List<String> forms = new ArrayList<>();
            if (name.contains("!PERSON!")) {
                for (String person : PERSON) {
                    forms.add(name.replace("!PERSON!", person));
                }
            } else {
                forms.add(name);
            }
            List<String> expanded = new ArrayList<>();
            for (String form : forms) {
                String trimmed = form.endsWith("_") ? form.substring(0, form.length() - 1) : form;
                if (trimmed.endsWith("MINIST")) {
                    for (String ending : List.of("ER", "ERS", "RY", "RIES")) {
                        expanded.add(trimmed + ending);
                    }
                    continue;
                }
                if (!USABLE.matcher(trimmed).matches()) {
                    left.merge("characters other than letters, - ' _", 1, Integer::sum);
                    continue;
                }
                if (trimmed.split("_").length > 4) {
                    left.merge("more than four words", 1, Integer::sum);
                    continue;
                }
                expanded.add(trimmed);
                String braces = m.group(2);
                if (braces != null) {
                    for (String plural : braces.strip().split("\\s+")) {
                        if (!plural.isBlank() && USABLE.matcher(plural).matches()) {
                            expanded.add(plural);
                        }
                    }
                } else if (!name.contains("!PERSON!") && plural(trimmed) != null) {
                    expanded.add(plural(trimmed));
                }
            }
            for (String form : expanded) {
                String phrase = form.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
                if (NOT_ACTORS.contains(phrase)) {
                    left.merge("phrase naming no actor in news prose", 1, Integer::sum);
                    continue;
                }
                String before = phrases.putIfAbsent(phrase, sector);
                if (before != null && !before.equals(sector)) {
                    left.merge("phrase given another sector before", 1, Integer::sum);
                }
            }
        }
        int titles = 0;
        for (Map.Entry<String, String> title : new TreeMap<>(TITLES).entrySet()) {
            if (phrases.putIfAbsent(title.getKey(), title.getValue()) == null) {
                titles++;
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# wirewatch agent words: the nouns that name an actor by its role (\"police\", \"gunmen\", \"a court\"),\n")
                .append("# with their CAMEO sector, loaded by ActorKb. Generated by\n")
                .append("# nlp/src/test/java/io/wirewatch/nlp/kb/DeriveAgents.java (its comment gives the command and the\n")
                .append("# rules) from the Phoenix/PETRARCH2 agents dictionary Phoenix.agents.txt. Do not edit by hand.\n")
                .append("# Format: PHRASE<tab>SECTOR (lower case; matched in any case).\n#\n")
                .append("# entries read: ").append(entries).append('\n')
                .append("# phrases written: ").append(phrases.size()).append(", of them words the dictionary has only in phrases (")
                .append(String.join(", ", new TreeMap<>(TITLES).keySet())).append("): ").append(titles).append('\n');
        left.forEach((reason, count) -> out.append("# left out, ").append(reason).append(": ").append(count)
                .append('\n'));
        out.append("#\n# The dictionary's licence:\n#\n");
        for (String line : licence.strip().split("\r?\n")) {
            out.append(line.isBlank() ? "#" : "# " + line.strip()).append('\n');
        }
        phrases.forEach((phrase, sector) -> out.append(phrase).append('\t').append(sector).append('\n'));
        return out.toString();
    }

    /** The regular plural of a phrase's last word, or null when it has none (already plural, an adjective). */
    static String plural(String phrase) {
        String lower = phrase;
        if (lower.endsWith("MEN") || lower.endsWith("REN") || lower.endsWith("PEOPLE") || lower.endsWith("ED")
                || lower.endsWith("S") && !lower.endsWith("SS")) {
            return null; // already plural, or an adjective: "children", "troops", "state-owned"
        }
        if (lower.endsWith("MAN")) {
            return lower.substring(0, lower.length() - 3) + "MEN";
        }
        if (lower.endsWith("S") || lower.endsWith("X") || lower.endsWith("CH") || lower.endsWith("SH")
                || lower.endsWith("Z")) {
            return lower + "ES";
        }
        if (lower.endsWith("Y") && lower.length() > 1 && "AEIOU".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return lower.substring(0, lower.length() - 1) + "IES";
        }
        return lower + "S";
    }
}
