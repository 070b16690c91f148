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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The actor knowledge base, compiled into a {@link TokenTrie} of surface forms, with a {@link Gazetteer} of the
 * world's cities and regions beside it. {@link #standard()} is the one bundled with wirewatch
 * ({@code io/wirewatch/nlp/kb/actors.tsv}, whose header describes the format, the organisations derived from
 * the Phoenix dictionaries {@code orgs.tsv} and the gazetteer {@code places.tsv}); {@link #extendedWith(Path)}
 * adds a user's file in the same format. Immutable and thread-safe.
 */
public final class ActorKb {

    static final String BUNDLED = "io/wirewatch/nlp/kb/actors.tsv";
    /** Armed groups and state bodies derived from the Phoenix dictionaries (its header says how); read second. */
    static final String BUNDLED_ORGS = "io/wirewatch/nlp/kb/orgs.tsv";
    /** Agent words ("police", "gunmen", "a court") with their CAMEO sectors, derived from Phoenix.agents.txt. */
    static final String BUNDLED_AGENTS = "io/wirewatch/nlp/kb/agents.tsv";

    /** The CAMEO sectors of the agent words and the sector names their actors carry. */
    private static final Map<String, String> AGENT_SECTORS = Map.ofEntries(Map.entry("GOV", "government"),
            Map.entry("MIL", "military"), Map.entry("COP", "police"), Map.entry("JUD", "judiciary"),
            Map.entry("LEG", "legislature"), Map.entry("REB", "rebels"), Map.entry("OPP", "opposition"),
            Map.entry("UAF", "unidentified armed"), Map.entry("SPY", "intelligence"), Map.entry("CRM", "criminal"),
            Map.entry("CVL", "civilian"));

    /** An agent word of {@code agents.tsv}: a phrase ("riot police") and its CAMEO sector ("COP"). */
    public record AgentWord(String phrase, String sector) {
        public AgentWord {
            Objects.requireNonNull(phrase, "phrase");
            Objects.requireNonNull(sector, "sector");
        }
    }

    private static final Set<String> KINDS = Set.of("country", "igo", "bloc", "org", "place", "person", "role");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "country", Set.of("name", "aliases", "capitals", "demonyms", "adjectives", "seats"),
            "igo", Set.of("name", "aliases", "adjectives", "sector"),
            "bloc", Set.of("name", "aliases", "demonyms"),
            "org", Set.of("name", "aliases", "country", "sector"),
            "place", Set.of("name", "aliases", "type", "country", "metonym"),
            "person", Set.of("name", "aliases", "surnames", "gender", "country", "sector"),
            "role", Set.of("title", "titles", "country", "sector", "from", "to", "bare"));
    private static final List<String> FOREIGN_MINISTRY = List.of("Foreign Ministry", "Ministry of Foreign Affairs",
            "foreign ministry", "diplomats");
    private static final List<String> MILITARY = List.of("military", "army", "armed forces", "Defense Ministry",
            "Defence Ministry", "Ministry of Defense", "Ministry of Defence", "navy", "air force");

    /** Offices and groups that, after a demonym ("Serbian President", "Rwandan rebels"), name the country's actor. */
    private static final Map<String, String> AGENTS = agents();

    private static Map<String, String> agents() {
        Map<String, String> agents = new LinkedHashMap<>();
        for (String office : List.of("President", "Prime Minister", "Premier", "leader", "leaders", "Chancellor",
                "King", "Emir", "Vice President", "Deputy Prime Minister", "Interior Minister", "Finance Minister",
                "Justice Minister", "minister", "ministers", "officials", "official", "authorities", "parliament",
                "lawmakers", "President-elect", "Cabinet", "state media", "spokesman", "spokeswoman")) {
            agents.put(office, "government");
        }
        for (String office : List.of("Foreign Minister", "Foreign Secretary", "envoy", "ambassador",
                "diplomat", "diplomats", "negotiator", "negotiators")) {
            agents.put(office, "diplomatic");
        }
        for (String office : List.of("Defence Minister", "Defense Minister", "troops", "soldiers", "forces",
                "army", "generals", "general", "commander", "warplanes", "aircraft", "navy", "security forces")) {
            agents.put(office, "military");
        }
        // units and the weapons only armed forces field: "Ukrainian artillery", "Syrian government troops" act for
        // their country's military (not "missiles" or "drones", often named for where they were made)
        for (String unit : List.of("artillery", "jets", "fighter jets", "warships", "bombers", "helicopters",
                "gunboats", "submarines", "tanks", "paratroopers", "special forces", "border guards", "marines",
                "naval forces", "ground forces", "air defences", "air defenses", "servicemen", "peacekeepers",
                "government troops", "government forces", "regime forces")) {
            agents.put(unit, "military");
        }
        for (String group : List.of("police", "riot police")) {
            agents.put(group, "police");
        }
        for (String group : List.of("rebels", "guerrillas", "insurgents", "militants", "separatists",
                "militiamen", "militia", "opposition", "opposition leader", "protesters", "demonstrators",
                "students", "workers", "farmers", "refugees")) {
            agents.put(group, "opposition");
        }
        return Collections.unmodifiableMap(agents);
    }

    private final List<Line> lines;
    private final Map<String, Actor> actors;
    private final Map<String, List<Role>> roles;
    private final TokenTrie<KbEntry> trie;
    private final Gazetteer places;
    private final List<AgentWord> agentWords;
    private final Map<List<String>, Actor> sectorAgents;

    private ActorKb(List<Line> lines, Gazetteer places, List<AgentWord> agentWords) {
        this.lines = List.copyOf(lines);
        this.places = Objects.requireNonNull(places, "places");
        this.agentWords = List.copyOf(agentWords);
        Compiler compiler = new Compiler();
        compiler.compile(this.lines);
        compiler.agentWords(this.agentWords);
        this.sectorAgents = Map.copyOf(compiler.sectorAgents);
        this.actors = Map.copyOf(compiler.actors);
        Map<String, List<Role>> byPerson = new HashMap<>();
        compiler.roles.forEach(role -> byPerson.computeIfAbsent(role.person(), k -> new ArrayList<>()).add(role));
        byPerson.replaceAll((k, v) -> List.copyOf(v));
        this.roles = Map.copyOf(byPerson);
        this.trie = compiler.trie;
    }

    private static final class Holder {
        static final ActorKb STANDARD = bundled();
    }

    /**
     * One name as a line of the knowledge base writes it: the line's kind ({@code country}, {@code person}, ...),
     * the field it stands in ({@code name}, {@code aliases}, {@code capitals}, {@code demonyms}, ...) and the form.
     */
    public record NameForm(String kind, String field, String form) {
    }

    /** Every name, alias, capital, seat, demonym, adjective and surname the lines write, in file order. */
    public List<NameForm> nameForms() {
        List<NameForm> forms = new ArrayList<>();
        for (Line line : lines) {
            for (String field : line.fields().keySet()) {
                if (NAME_FIELDS.contains(field)) {
                    line.list(field).forEach(form -> forms.add(new NameForm(line.kind(), field, form)));
                }
            }
        }
        return forms;
    }

    private static final Set<String> NAME_FIELDS = Set.of("name", "aliases", "capitals", "seats", "demonyms",
            "adjectives", "surnames");

    /** The knowledge base bundled with wirewatch (loaded once). */
    public static ActorKb standard() {
        return Holder.STANDARD;
    }

    private static ActorKb bundled() {
        List<Line> lines = new ArrayList<>(bundledLines(BUNDLED));
        lines.addAll(bundledLines(BUNDLED_ORGS));
        return new ActorKb(lines, Gazetteer.standard(), bundledAgentWords());
    }

    private static List<Line> bundledLines(String resource) {
        try (Reader reader = bundled(resource)) {
            return read("classpath:" + resource, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Reader bundled(String resource) {
        InputStream in = ActorKb.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the bundled actor knowledge base file " + resource + " is missing");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static List<AgentWord> bundledAgentWords() {
        try (Reader reader = bundled(BUNDLED_AGENTS)) {
            return agentWords("classpath:" + BUNDLED_AGENTS, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_AGENTS, e);
        }
    }

    /** The agent words of a file in {@code agents.tsv}'s format: PHRASE, a tab, a CAMEO sector we know. */
    static List<AgentWord> agentWords(String source, Reader reader) {
        return DataLines.read("agent words", source, reader, (file, number, text) -> {
            String[] parts = text.split("\t");
            if (parts.length != 2 || parts[0].isBlank() || !AGENT_SECTORS.containsKey(parts[1].strip())) {
                throw new KbFormatException(file, number, "expected PHRASE<tab>SECTOR with SECTOR one of "
                        + new java.util.TreeSet<>(AGENT_SECTORS.keySet()) + ", found '" + text + "'");
            }
            return new AgentWord(parts[0].strip(), parts[1].strip());
        });
    }

    /** A knowledge base read from {@code reader} alone, with no gazetteer and no agent words. */
    public static ActorKb parse(String sourceName, Reader reader) {
        return new ActorKb(read(sourceName, reader), Gazetteer.empty(), List.of());
    }

    /** This knowledge base with {@code gazetteer} for the cities and regions it does not name itself. */
    public ActorKb withPlaces(Gazetteer gazetteer) {
        return new ActorKb(lines, gazetteer, agentWords);
    }

    /**
     * The actor an agent phrase names before its country is known ("riot police": sector police, no country),
     * or empty when the phrase is no agent word.
     */
    public Optional<Actor> sectorAgent(List<String> phraseNorms) {
        return Optional.ofNullable(sectorAgents.get(phraseNorms));
    }

    /** Whether {@code actor} is an agent word's actor still without a country ("police", "a court"). */
    public static boolean isSectorAgent(Actor actor) {
        return actor.country() == null && AGENT_SECTORS.containsKey(actor.id());
    }

    /** Whether {@code sector} is the sector name of agent words ("police", "judiciary", "unidentified armed"). */
    public static boolean isAgentSector(@Nullable String sector) {
        return sector != null && AGENT_SECTORS.containsValue(sector);
    }

    /**
     * {@code agent} (an agent word's actor) of the country {@code iso}: its government ({@code ISOGOV}) and armed
     * forces ({@code ISOMIL}) are the country's own actors, the other sectors get an id of the country and the
     * CAMEO sector ({@code NGACOP}), so that police and protesters of one country are two actors of it; gunmen
     * too are coded with the country they act in, as the gold sets code them. Empty when {@code iso} is no
     * country of this knowledge base.
     */
    public Optional<Actor> countryAgent(Actor agent, String iso) {
        Actor state = actors.get(iso);
        if (!isSectorAgent(agent) || state == null
                || !"state".equals(state.sector())) {
            return Optional.empty();
        }
        if (agent.id().equals("GOV") || agent.id().equals("MIL")) {
            Actor own = actors.get(iso + agent.id());
            if (own != null) {
                return Optional.of(own);
            }
        }
        return Optional.of(new Actor(iso + agent.id(), state.name() + " " + agent.name(), EntityType.ORG, iso,
                agent.sector(), null));
    }

    /**
     * This knowledge base plus the entries of a user's file.
     *
     * @throws KbFormatException naming the file and line of the first entry that cannot be used, and why
     */
    public ActorKb extendedWith(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return extendedWith(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge-base file " + file, e);
        }
    }

    /** This knowledge base plus the entries read from {@code reader}. */
    public ActorKb extendedWith(String sourceName, Reader reader) {
        List<Line> all = new ArrayList<>(lines);
        all.addAll(read(sourceName, reader));
        return new ActorKb(all, places, agentWords);
    }

    /**
     * Whether {@code word} (any case) is one of the offices and groups that name a country's actor after its
     * demonym ("ambassador", "troops", "Foreign Minister" has "minister"): words that make "US Ambassador" a
     * known actor and a title rather than the name of a body.
     */
    public static boolean isAgentWord(String word) {
        return AGENT_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static final Set<String> AGENT_WORDS = agentWords();

    private static Set<String> agentWords() {
        Set<String> words = new java.util.HashSet<>();
        for (String phrase : AGENTS.keySet()) {
            for (String word : phrase.split(" ")) {
                words.add(word.toLowerCase(java.util.Locale.ROOT));
            }
        }
        // modifiers, not offices: "Air France" and "Border Gateway" are names, "US Ambassador" a title
        words.removeAll(Set.of("state", "media", "air", "fighter", "special", "border", "naval", "ground",
                "government", "regime"));
        return Set.copyOf(words);
    }

    public TokenTrie<KbEntry> trie() {
        return trie;
    }

    /** The cities and regions of the world, consulted where the knowledge base names no longer phrase. */
    public Gazetteer places() {
        return places;
    }

    public Optional<Actor> actor(String id) {
        return Optional.ofNullable(actors.get(id));
    }

    /** Every actor (states, bodies, places, people, agencies), in no particular order. */
    public java.util.Collection<Actor> actors() {
        return actors.values();
    }

    /** Number of actors (states, bodies, places, people, agencies). */
    public int actorCount() {
        return actors.size();
    }

    /** Number of surface forms. */
    public int surfaceForms() {
        return trie.size();
    }

    public List<Role> roles(String personId) {
        return roles.getOrDefault(personId, List.of());
    }

    /**
     * {@code person} as of {@code day}: country and sector from the role held that day, if any ("Stoltenberg"
     * is NATO in 2022 and Norway's government in 2026).
     */
    public Actor asOf(Actor person, @Nullable LocalDate day) {
        if (day == null) {
            return person;
        }
        for (Role role : roles(person.id())) {
            if (role.heldOn(day)) {
                return new Actor(person.id(), person.name(), person.type(), role.country(), role.sector(),
                        person.gender());
            }
        }
        return person;
    }

    /** The person who held one of {@code roles} on {@code day} (the latest office holder when there is no date). */
    public Optional<Actor> holder(List<Role> candidates, @Nullable LocalDate day) {
        Role chosen = null;
        for (Role role : candidates) {
            if (day == null ? role.to() == null && (chosen == null || role.from().isAfter(chosen.from()))
                    : role.heldOn(day)) {
                chosen = role;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        Actor person = actors.get(chosen.person());
        if (person == null) {
            return Optional.empty();
        }
        return Optional.of(new Actor(person.id(), person.name(), person.type(), chosen.country(), chosen.sector(),
                person.gender()));
    }

    // ---- reading ----

    /** One parsed line, remembered with where it came from so errors in compiling can name it. */
    record Line(String source, int number, String kind, String id, Map<String, String> fields) {
        KbFormatException error(String reason) {
            return new KbFormatException(source, number, reason);
        }

        String required(String key) {
            String value = fields.get(key);
            if (value == null || value.isBlank()) {
                throw error(kind + " " + id + " needs " + key + "=");
            }
            return value;
        }

        @Nullable String optional(String key) {
            String value = fields.get(key);
            return value == null || value.isBlank() ? null : value;
        }

        List<String> list(String key) {
            String value = optional(key);
            if (value == null) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (String item : value.split("\\|")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        }
    }

    static List<Line> read(String source, Reader reader) {
        return DataLines.read("knowledge base", source, reader, ActorKb::parseLine);
    }

    private static Line parseLine(String source, int number, String text) {
        String[] parts = text.split("\t");
        if (parts.length < 3) {
            throw new KbFormatException(source, number,
                    "expected KIND<tab>ID<tab>key=value..., found " + parts.length + " tab-separated field(s)");
        }
        String kind = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new KbFormatException(source, number, "unknown kind '" + parts[0] + "' (expected one of "
                    + String.join(", ", KINDS.stream().sorted().toList()) + ")");
        }
        String id = parts[1].strip();
        if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new KbFormatException(source, number, "bad id '" + parts[1] + "': ids are non-empty, no spaces");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 2; i < parts.length; i++) {
            String field = parts[i].strip();
            if (field.isEmpty()) {
                continue;
            }
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new KbFormatException(source, number, "field '" + field + "' is not key=value");
            }
            String key = field.substring(0, eq).strip();
            if (!KEYS.get(kind).contains(key)) {
                throw new KbFormatException(source, number, "unknown key '" + key + "' for " + kind
                        + " (expected " + String.join(", ", KEYS.get(kind).stream().sorted().toList()) + ")");
            }
            if (fields.put(key, field.substring(eq + 1).strip()) != null) {
                throw new KbFormatException(source, number, "key '" + key + "' given twice");
            }
        }
        return new Line(source, number, kind, id, fields);
    }

    // ---- compiling ----

    private static final class Compiler {
        final Map<String, Actor> actors = new HashMap<>();
        final Map<String, Line> definedAt = new HashMap<>();
        final Map<String, List<String>> adjectives = new HashMap<>();
        final List<Role> roles = new ArrayList<>();
        final TokenTrie<KbEntry> trie = new TokenTrie<>();
        final Map<List<String>, List<Actor>> surnames = new LinkedHashMap<>();
        final Map<List<String>, List<String>> surnameForms = new HashMap<>();
        final Map<List<String>, List<Role>> titles = new LinkedHashMap<>();
        final Map<List<String>, List<String>> titleForms = new HashMap<>();
        final Map<List<String>, Actor> agentActors = new HashMap<>();
        final Map<List<String>, List<String>> contextTitles = new LinkedHashMap<>();
        final Set<List<String>> named = new java.util.HashSet<>();
        final Map<List<String>, Actor> sectorAgents = new HashMap<>();

        /**
         * The agent words as titles of no one, each naming its sector's actor without a country; a phrase the
         * lines already name, or that is already an office or a demonym's agent, keeps that reading.
         */
        void agentWords(List<AgentWord> words) {
            Map<String, Actor> bySector = new HashMap<>();
            for (AgentWord word : words) {
                Actor agent = bySector.computeIfAbsent(word.sector(), code -> new Actor(code,
                        AGENT_SECTORS.get(code), EntityType.ORG, null, AGENT_SECTORS.get(code), null));
                actors.putIfAbsent(agent.id(), agent);
                List<String> key = norms(word.phrase());
                sectorAgents.putIfAbsent(key, agent);
                if (named.contains(key) || titles.containsKey(key) || agentActors.containsKey(key)
                        || contextTitles.containsKey(key) || surnames.containsKey(key)) {
                    continue;
                }
                named.add(key);
                trie.put(key, new KbEntry(words(word.phrase()), KbEntry.Kind.TITLE, agent, null, List.of(),
                        List.of(), false, true));
            }
        }

        void compile(List<Line> lines) {
            List<Line> places = new ArrayList<>();
            List<Line> roleLines = new ArrayList<>();
            for (Line line : lines) {
                switch (line.kind()) {
                    case "country" -> country(line);
                    case "igo" -> igo(line);
                    case "bloc" -> bloc(line);
                    case "org" -> org(line);
                    case "person" -> person(line);
                    case "place" -> places.add(line);
                    case "role" -> roleLines.add(line);
                    default -> throw line.error("unknown kind " + line.kind());
                }
            }
            places.forEach(this::place);
            roleLines.forEach(this::role);
            surnames.forEach((key, people) -> trie.put(key, new KbEntry(surnameForms.get(key),
                    KbEntry.Kind.SURNAME, null, null, people, List.of(), false, false)));
            titles.forEach((key, held) -> trie.put(key, new KbEntry(titleForms.get(key), KbEntry.Kind.TITLE,
                    agentActors.get(key), null, List.of(), held, false, true)));
            contextTitles.forEach((key, form) -> {
                if (!titles.containsKey(key) && !agentActors.containsKey(key)) {
                    // "the secretary-general": whoever of that office the story named before
                    trie.put(key, new KbEntry(form, KbEntry.Kind.TITLE, null, null, List.of(), List.of(), true,
                            true));
                }
            });
            agentActors.forEach((key, actor) -> {
                if (!titles.containsKey(key)) {
                    trie.put(key, new KbEntry(titleForms.get(key), KbEntry.Kind.TITLE, actor, null, List.of(),
                            List.of(), false, true));
                }
            });
        }

        private void define(Line line, Actor actor) {
            Line first = definedAt.putIfAbsent(actor.id(), line);
            if (first != null) {
                throw line.error("duplicate id " + actor.id() + " (first defined at " + first.source() + ":"
                        + first.number() + ")");
            }
            actors.put(actor.id(), actor);
        }

        private void country(Line line) {
            String iso = line.id();
            if (!iso.matches("[A-Z]{3}")) {
                throw line.error("country id '" + iso + "' is not an ISO 3166 alpha-3 code");
            }
            String name = line.required("name");
            Actor state = new Actor(iso, name, EntityType.GPE, iso, "state", null);
            Actor government = new Actor(iso + "GOV", "Government of " + name, EntityType.ORG, iso, "government",
                    null);
            Actor diplomacy = new Actor(iso + "GOV", "Foreign Ministry of " + name, EntityType.ORG, iso,
                    "diplomatic", null);
            Actor military = new Actor(iso + "MIL", "Armed forces of " + name, EntityType.ORG, iso, "military",
                    null);
            define(line, state);
            actors.putIfAbsent(government.id(), government);
            actors.putIfAbsent(military.id(), military);
            names(line, state, name, line.list("aliases"));
            Actor people = new Actor(iso, name, EntityType.NORP, iso, "nationality", null);
            for (String demonym : line.list("demonyms")) {
                add(line, demonym, KbEntry.Kind.NAME, people, null, false);
            }
            for (String capital : line.list("capitals")) {
                Actor place = new Actor("GPE:" + key(capital), capital, EntityType.GPE, iso, "place", null);
                actors.putIfAbsent(place.id(), place);
                add(line, capital, KbEntry.Kind.PLACE, place, government, false);
            }
            for (String seat : line.list("seats")) {
                add(line, seat, KbEntry.Kind.SEAT, government, null, false);
            }
            List<String> adjs = line.list("adjectives");
            adjectives.put(iso, adjs);
            for (String adjective : adjs) {
                for (Map.Entry<String, String> agent : AGENTS.entrySet()) {
                    Actor fallback = switch (agent.getValue()) {
                        case "military" -> military;
                        case "diplomatic" -> diplomacy;
                        case "government" -> government;
                        default -> new Actor(iso, name + " (" + agent.getValue() + ")", EntityType.NORP, iso,
                                agent.getValue(), null);
                    };
                    agent(adjective + " " + agent.getKey(), fallback);
                }
                add(line, adjective + " government", KbEntry.Kind.NAME, government, null, true);
                add(line, adjective + " authorities", KbEntry.Kind.NAME, government, null, true);
                for (String agency : FOREIGN_MINISTRY) {
                    add(line, adjective + " " + agency, KbEntry.Kind.NAME, diplomacy, null, true);
                }
                for (String agency : MILITARY) {
                    add(line, adjective + " " + agency, KbEntry.Kind.NAME, military, null, true);
                }
            }
        }

        private void igo(Line line) {
            String sector = Objects.requireNonNullElse(line.optional("sector"), "IGO");
            Actor body = new Actor(line.id(), line.required("name"), EntityType.ORG, line.id(), sector, null);
            define(line, body);
            names(line, body, body.name(), line.list("aliases"));
            adjectives.put(line.id(), line.list("adjectives"));
        }

        private void bloc(Line line) {
            Actor bloc = new Actor(line.id(), line.required("name"), EntityType.GPE, line.id(), "bloc", null);
            define(line, bloc);
            names(line, bloc, bloc.name(), line.list("aliases"));
            Actor people = new Actor(line.id(), bloc.name(), EntityType.NORP, line.id(), "bloc", null);
            for (String demonym : line.list("demonyms")) {
                add(line, demonym, KbEntry.Kind.NAME, people, null, false);
            }
        }

        private void org(Line line) {
            String country = line.optional("country");
            Actor org = new Actor(line.id(), line.required("name"), EntityType.ORG, country,
                    line.optional("sector"), null);
            actors.putIfAbsent(org.id(), org); // several surface names may share one agency id
            names(line, org, org.name(), line.list("aliases"));
        }

        private void place(Line line) {
            EntityType type = switch (Objects.requireNonNullElse(line.optional("type"), "GPE")) {
                case "GPE" -> EntityType.GPE;
                case "LOC" -> EntityType.LOC;
                default -> throw line.error("place type must be GPE or LOC, not '" + line.optional("type") + "'");
            };
            Actor place = new Actor(line.id(), line.required("name"), type, line.optional("country"), "place",
                    null);
            define(line, place);
            String metonymId = line.optional("metonym");
            Actor metonym = null;
            if (metonymId != null) {
                metonym = actors.get(metonymId.matches("[A-Z]{3}") && actors.containsKey(metonymId + "GOV")
                        ? metonymId + "GOV" : metonymId);
                if (metonym == null) {
                    throw line.error("metonym " + metonymId + " is not a known actor");
                }
            }
            KbEntry.Kind kind = metonym == null ? KbEntry.Kind.NAME : KbEntry.Kind.PLACE;
            add(line, place.name(), kind, place, metonym, false);
            for (String alias : line.list("aliases")) {
                add(line, alias, kind, place, metonym, false);
            }
        }

        private void person(Line line) {
            if (!line.id().startsWith("PER:")) {
                throw line.error("person id '" + line.id() + "' must start with PER:");
            }
            String gender = line.optional("gender");
            if (gender != null && !gender.equals("m") && !gender.equals("f")) {
                throw line.error("gender must be m or f, not '" + gender + "'");
            }
            Actor person = new Actor(line.id(), line.required("name"), EntityType.PERSON, line.optional("country"),
                    line.optional("sector"), gender);
            define(line, person);
            names(line, person, person.name(), line.list("aliases"));
            List<String> given = line.list("surnames");
            List<String> forms = new ArrayList<>(given);
            if (given.isEmpty()) {
                forms.add(lastWord(person.name()));
                for (String alias : line.list("aliases")) {
                    forms.add(lastWord(alias));
                }
            }
            for (String form : forms) {
                List<String> key = norms(form);
                List<Actor> people = surnames.computeIfAbsent(key, k -> new ArrayList<>());
                if (!people.contains(person)) {
                    people.add(person);
                }
                surnameForms.putIfAbsent(key, words(form));
            }
        }

        private void role(Line line) {
            Actor person = actors.get(line.id());
            if (person == null || person.type() != EntityType.PERSON) {
                throw line.error("role for unknown person " + line.id() + " (define the person first)");
            }
            String country = line.required("country");
            LocalDate from = date(line, "from", line.required("from"));
            String toText = line.optional("to");
            LocalDate to = toText == null ? null : date(line, "to", toText);
            if (to != null && to.isBefore(from)) {
                throw line.error("role ends (" + to + ") before it starts (" + from + ")");
            }
            Role role = new Role(person.id(), line.required("title"), country, line.required("sector"), from, to);
            roles.add(role);
            List<String> phrases = new ArrayList<>();
            phrases.add(role.title());
            phrases.addAll(line.list("titles"));
            List<String> adjs = adjectives.getOrDefault(country, List.of());
            for (String phrase : phrases) {
                for (String adjective : adjs) {
                    title(adjective + " " + phrase, role);
                }
                if ("yes".equals(line.optional("bare"))) {
                    title(phrase, role);
                } else {
                    contextTitles.computeIfAbsent(norms(phrase), k -> words(phrase));
                }
            }
        }

        /** A generic office or group of a country: a title with no dated holder, naming the country's actor. */
        private void agent(String phrase, Actor actor) {
            List<String> key = norms(phrase);
            agentActors.putIfAbsent(key, actor);
            titleForms.putIfAbsent(key, words(phrase));
        }

        private void title(String phrase, Role role) {
            List<String> key = norms(phrase);
            List<Role> held = titles.computeIfAbsent(key, k -> new ArrayList<>());
            if (!held.contains(role)) {
                held.add(role);
            }
            titleForms.putIfAbsent(key, words(phrase));
        }

        private void names(Line line, Actor actor, String name, List<String> aliases) {
            add(line, name, KbEntry.Kind.NAME, actor, null, false);
            for (String alias : aliases) {
                add(line, alias, KbEntry.Kind.NAME, actor, null, false);
            }
        }

        private void add(Line line, String surface, KbEntry.Kind kind, Actor actor, @Nullable Actor metonym,
                         boolean looseCase) {
            String form = surface.strip();
            boolean needsThe = false;
            if (form.regionMatches(true, 0, "the ", 0, 4)) {
                form = form.substring(4).strip();
                needsThe = true;
            }
            List<String> key = norms(form);
            if (key.isEmpty()) {
                throw line.error("empty name in " + line.kind() + " " + line.id());
            }
            named.add(key);
            trie.put(key, new KbEntry(words(form), kind, actor, metonym, List.of(), List.of(), needsThe,
                    looseCase));
        }

        private static LocalDate date(Line line, String key, String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw line.error(key + "=" + text + " is not a date (YYYY-MM-DD)");
            }
        }
    }

    /** The normalised tokens of a phrase, as the trie keys them. */
    public static List<String> phraseKey(String phrase) {
        return norms(phrase);
    }

    static List<String> norms(String surface) {
        List<Token> tokens = Tokenizer.tokenize(surface);
        List<String> out = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            out.add(token.norm());
        }
        return out;
    }

    static List<String> words(String surface) {
        List<Token> tokens = Tokenizer.tokenize(surface);
        List<String> out = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            out.add(token.text());
        }
        return out;
    }

    private static String lastWord(String name) {
        String[] words = name.strip().split("\\s+");
        return words[words.length - 1];
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
    }
}
