package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.StanceLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a YAML rules file into a {@link RuleSet}, refusing a bad file with its name, the line and the reason.
 *
 * <pre>
 * severityBands: {0: LOW, 5: MEDIUM, 10: HIGH, 20: CRITICAL}   # optional, shared by rules with severity: fromScore
 * rules:
 *   - id: kremlin-threats              # lower case, unique
 *     version: 2                       # part of every alert id: change it when the rule's meaning changes
 *     description: Russian threats against NATO or the West
 *     categories: [THREATEN, COERCE]   # PLOVER categories (PloverCategory); default: any conflict category
 *     modalities: [ASSERTED, CONDITIONAL, FUTURE]   # default; NEGATED/DENIED are refused
 *     actors: [RUS]                    # source or target; default any
 *     dyads: ["RUS->NATO", "RUS->*"]   # SOURCE->TARGET, * for any; default any
 *     phrases: ["retaliatory measures"] # in the evidence or its sentence; default any
 *     minSignals: 1
 *     minEscalationScore: 5            # the story's escalation score must reach it
 *     minSources: 2                    # distinct wires carrying the same story cluster
 *     cooldown: 6h                     # quiet per cluster and per dyad after firing (s, m, h, d or ISO-8601)
 *     severity: fromScore              # or HIGH, or {min: MEDIUM, bands: {10: HIGH}, headline: {THREATEN: HIGH}}
 *     attributed: true                 # a signal counts only with both a source and a target
 *     oneIsEnough: [THREATEN]          # one signal of these fires the rule whatever minSignals says
 *     offsetBy: [AGREE, CONSULT]       # cooperation of the same two actors in the story offsets their conflict
 *   - id: turned-hostile
 *     version: 1
 *     on: stanceChange                 # news.stance.changes; or dyadWindow (news.dyads.escalation); default story
 *     kinds: [SHIFT]                   # SHIFT, INDEX_DROP
 *     from: [COOPERATION]              # stance levels: COOPERATION, PRESSURE, THREAT, FORCE
 *     to: [THREAT, FORCE]
 *   - id: hostile-day
 *     version: 1
 *     on: dyadWindow
 *     windows: [DAY]                   # HOUR, DAY
 *     maxIndex: -5                     # the window's mean intensity at or below
 *     minConflictShare: 0.8
 *     minStories: 3
 * </pre>
 * Settings of another kind of rule are refused with their line, and so is any category, modality, change kind,
 * stance level or severity that the shared vocabulary (the enums of {@code io.wirewatch.schema}) does not name. A headline severity names the category of the
 * alert's headline signal (a story rule) or the stance level moved to (a stance-change rule).
 */
public final class RulesFile {

    /** The rules shipped with wirewatch. */
    public static final String DEFAULT_RESOURCE = "/io/wirewatch/alerts/rules/default-rules.yml";

    private static final Set<String> TOP_KEYS = Set.of("severityBands", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "version", "description", "on", "categories",
            "modalities", "actors", "dyads", "phrases", "minSignals", "oneIsEnough", "attributed", "minEscalationScore",
            "minSources", "cooldown", "severity", "kinds", "from", "to", "windows", "maxIndex", "minConflictShare",
            "minStories", "offsetBy");
    private static final Set<String> STORY_ONLY = Set.of("categories", "modalities", "phrases", "oneIsEnough",
            "attributed", "minEscalationScore", "minSources", "offsetBy");
    private static final Set<String> STANCE_ONLY = Set.of("kinds", "from", "to");
    private static final Set<String> WINDOW_ONLY = Set.of("windows", "maxIndex", "minConflictShare", "minStories");
    private static final Set<String> SEVERITY_KEYS = Set.of("min", "bands", "fromScore", "headline");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z_]*");
    private static final Pattern ACTOR = Pattern.compile("[A-Z0-9][A-Z0-9:_.\\-]*");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    private final String origin;

    private RulesFile(String origin) {
        this.origin = origin;
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws RulesFileException naming the file, the line and the reason
     */
    public static RuleSet load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesFileException(file.toString(), 0, "cannot read: " + e);
        }
        return parse(text, file.toString());
    }

    /** The rules shipped with wirewatch. */
    public static RuleSet loadDefault() {
        try (InputStream in = RulesFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default rules " + DEFAULT_RESOURCE + " are missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default rules " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Parses rules from YAML text; {@code origin} names it in errors.
     *
     * @throws RulesFileException naming the origin, the line and the reason
     */
    public static RuleSet parse(String text, String origin) {
        return new RulesFile(origin).read(YamlTree.parse(text, origin));
    }

    private RuleSet read(YamlTree document) {
        YamlTree.Mapping top = mapping(document, "the top level");
        checkKeys(top, TOP_KEYS, "the top level");
        List<SeverityBand> sharedBands = top.entries().containsKey("severityBands")
                ? bands(top.entries().get("severityBands")) : List.of();
        YamlTree rulesNode = top.entries().get("rules");
        if (rulesNode == null) {
            throw error(top, "missing 'rules:' (a list of rules)");
        }
        if (!(rulesNode instanceof YamlTree.Sequence list)) {
            throw error(rulesNode, "'rules' must be a list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (YamlTree item : list.items()) {
            Rule rule = rule(item, sharedBands);
            if (!ids.add(rule.id())) {
                throw error(item, "rule id '" + rule.id() + "' is used twice");
            }
            rules.add(rule);
        }
        return new RuleSet(origin, rules);
    }

    private Rule rule(YamlTree node, List<SeverityBand> sharedBands) {
        YamlTree.Mapping map = mapping(node, "a rule");
        Map<String, YamlTree> e = map.entries();
        String id = requiredText(map, "id");
        String where = "rule " + id;
        checkKeys(map, RULE_KEYS, where);
        String version = requiredText(map, "version");
        String description = e.containsKey("description") ? text(e.get("description"), where) : "";
        Trigger trigger = trigger(map, where);
        Set<PloverCategory> categories = categories(e.get("categories"), where + ": categories");
        Set<PloverCategory> oneIsEnough = categories(e.get("oneIsEnough"), where + ": oneIsEnough");
        Set<PloverCategory> offsetBy = EnumSet.noneOf(PloverCategory.class);
        for (YamlTree item : list(e.get("offsetBy"), where)) {
            PloverCategory category = symbol(PloverCategory.class, text(item, where).strip().toUpperCase(Locale.ROOT),
                    item, where + ": offsetBy", "category");
            if (!Vocabulary.of(category).cooperation()) {
                throw error(item, where + ": offsetBy: " + category + " is not a cooperation category ("
                        + names(cooperationCategories()) + ")");
            }
            offsetBy.add(category);
        }
        boolean attributed = e.containsKey("attributed") && bool(e.get("attributed"), where + ": attributed");
        Set<Modality> modalities = new LinkedHashSet<>();
        for (YamlTree item : list(e.get("modalities"), where)) {
            String name = text(item, where).strip().toUpperCase(Locale.ROOT);
            Modality modality;
            try {
                modality = Modality.valueOf(name);
            } catch (IllegalArgumentException ex) {
                throw error(item, where + ": unknown modality '" + name + "' (ASSERTED, CONDITIONAL, FUTURE, "
                        + "SPECULATIVE or UNKNOWN)");
            }
            if (Vocabulary.NEGATIVE.contains(modality)) {
                throw error(item, where + ": modality " + modality + " cannot fire a rule (negated and denied "
                        + "statements never raise alerts)");
            }
            modalities.add(modality);
        }
        Set<String> actors = new LinkedHashSet<>();
        for (YamlTree item : list(e.get("actors"), where)) {
            String actor = text(item, where).strip().toUpperCase(Locale.ROOT);
            if (!ACTOR.matcher(actor).matches()) {
                throw error(item, where + ": '" + actor + "' is not an actor id (e.g. RUS, NATO, PER:SERGEI_LAVROV)");
            }
            actors.add(actor);
        }
        List<Dyad> dyads = new ArrayList<>();
        for (YamlTree item : list(e.get("dyads"), where)) {
            try {
                dyads.add(Dyad.parse(text(item, where)));
            } catch (IllegalArgumentException ex) {
                throw error(item, where + ": " + ex.getMessage());
            }
        }
        List<String> phrases = new ArrayList<>();
        for (YamlTree item : list(e.get("phrases"), where)) {
            String phrase = text(item, where).strip();
            if (phrase.isEmpty()) {
                throw error(item, where + ": a phrase must not be empty");
            }
            phrases.add(phrase);
        }
        if (!oneIsEnough.isEmpty() && !categories.isEmpty() && !categories.containsAll(oneIsEnough)) {
            throw error(e.get("oneIsEnough"), where + ": oneIsEnough must name categories the rule matches "
                    + categories);
        }
        int minSignals = e.containsKey("minSignals") ? positiveInt(e.get("minSignals"), where + ": minSignals") : 1;
        Double minScore = e.containsKey("minEscalationScore")
                ? number(e.get("minEscalationScore"), where + ": minEscalationScore") : null;
        int minSources = e.containsKey("minSources") ? positiveInt(e.get("minSources"), where + ": minSources") : 1;
        Duration cooldown = e.containsKey("cooldown") ? duration(e.get("cooldown"), where) : Duration.ZERO;
        Map<PloverCategory, Severity> headline = new EnumMap<>(PloverCategory.class);
        Map<StanceLevel, Severity> levels = new EnumMap<>(StanceLevel.class);
        Severity floor = Severity.LOW;
        List<SeverityBand> bands = sharedBands;
        YamlTree severity = e.get("severity");
        if (severity instanceof YamlTree.Scalar scalar) {
            String value = text(scalar, where).strip();
            if (value.equalsIgnoreCase("fromScore")) {
                if (sharedBands.isEmpty()) {
                    throw error(scalar, where + ": severity fromScore needs top-level severityBands");
                }
            } else {
                floor = severity(scalar, where);
                bands = List.of();
            }
        } else if (severity instanceof YamlTree.Mapping map2) {
            checkKeys(map2, SEVERITY_KEYS, where + " severity");
            if (map2.entries().containsKey("min")) {
                floor = severity(map2.entries().get("min"), where);
            }
            if (map2.entries().containsKey("headline")) {
                YamlTree.Mapping byCategory = mapping(map2.entries().get("headline"), where + " severity headline");
                for (Map.Entry<String, YamlTree> entry : byCategory.entries().entrySet()) {
                    String name = entry.getKey().strip().toUpperCase(Locale.ROOT);
                    Severity level = severity(entry.getValue(), where + " severity headline " + name);
                    if (trigger instanceof Trigger.OnStanceChange) {
                        levels.put(symbol(StanceLevel.class, name, entry.getValue(),
                                where + ": severity headline", "stance level"), level);
                    } else {
                        headline.put(symbol(PloverCategory.class, name, entry.getValue(),
                                where + ": severity headline", "category"), level);
                    }
                }
            }
            if (map2.entries().containsKey("bands")) {
                bands = bands(map2.entries().get("bands"));
            } else if (map2.entries().containsKey("fromScore")
                    && !Boolean.parseBoolean(text(map2.entries().get("fromScore"), where))) {
                bands = List.of();
            }
        } else if (severity != null) {
            throw error(severity, where + ": severity must be a level (e.g. HIGH), fromScore, or {min:, bands:}");
        }
        try {
            return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases,
                    minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, floor, bands, headline, levels,
                    offsetBy);
        } catch (IllegalArgumentException ex) {
            throw error(map, ex.getMessage());
        }
    }

    /** {@code on:} and the settings of its kind; settings of another kind are refused, naming the line. */
    private Trigger trigger(YamlTree.Mapping map, String where) {
        Map<String, YamlTree> e = map.entries();
        String on = e.containsKey("on") ? text(e.get("on"), where).strip() : "story";
        Set<String> allowedHere = switch (on) {
            case "story" -> STORY_ONLY;
            case "stanceChange" -> STANCE_ONLY;
            case "dyadWindow" -> WINDOW_ONLY;
            default -> throw error(e.get("on"), where + ": on must be story, stanceChange or dyadWindow, was '"
                    + on + "'");
        };
        for (String key : e.keySet()) {
            boolean kindSpecific = STORY_ONLY.contains(key) || STANCE_ONLY.contains(key) || WINDOW_ONLY.contains(key);
            if (kindSpecific && !allowedHere.contains(key)) {
                throw error(e.get(key), where + ": '" + key + "' does not apply to a rule on " + on);
            }
        }
        return switch (on) {
            case "stanceChange" -> new Trigger.OnStanceChange(
                    symbols(StanceChangeKind.class, e.get("kinds"), where + ": kinds", "change kind"),
                    symbols(StanceLevel.class, e.get("from"), where + ": from", "stance level"),
                    symbols(StanceLevel.class, e.get("to"), where + ": to", "stance level"));
            case "dyadWindow" -> {
                Set<String> windows = names(e.get("windows"), where, "a window (HOUR or DAY)");
                for (String window : windows) {
                    if (!window.equals("HOUR") && !window.equals("DAY")) {
                        throw error(e.get("windows"), where + ": window '" + window + "' must be HOUR or DAY");
                    }
                }
                yield new Trigger.OnDyadWindow(windows,
                        e.containsKey("maxIndex") ? number(e.get("maxIndex"), where + ": maxIndex") : null,
                        e.containsKey("minConflictShare")
                                ? number(e.get("minConflictShare"), where + ": minConflictShare") : null,
                        e.containsKey("minStories") ? positiveInt(e.get("minStories"), where + ": minStories") : 1);
            }
            default -> Trigger.STORY;
        };
    }

    private Set<PloverCategory> categories(@Nullable YamlTree node, String where) {
        return symbols(PloverCategory.class, node, where, "category");
    }

    /**
     * A list of symbols of a shared vocabulary enum; an unknown name, or the readers' default symbol UNKNOWN (which
     * enrichment never emits), is refused with its line and the names allowed.
     */
    private <E extends Enum<E>> Set<E> symbols(Class<E> type, @Nullable YamlTree node, String where, String what) {
        Set<E> symbols = EnumSet.noneOf(type);
        for (YamlTree item : list(node, where)) {
            symbols.add(symbol(type, text(item, where).strip().toUpperCase(Locale.ROOT), item, where, what));
        }
        return symbols;
    }

    private <E extends Enum<E>> E symbol(Class<E> type, String name, YamlTree node, String where, String what) {
        for (E symbol : type.getEnumConstants()) {
            if (symbol.name().equals(name) && !name.equals("UNKNOWN")) {
                return symbol;
            }
        }
        throw error(node, where + ": unknown " + what + " '" + name + "' (" + names(EnumSet.complementOf(
                EnumSet.of(Enum.valueOf(type, "UNKNOWN")))) + ")");
    }

    private static String names(Set<? extends Enum<?>> symbols) {
        return String.join(", ", symbols.stream().map(Enum::name).toList());
    }

    private static Set<PloverCategory> cooperationCategories() {
        EnumSet<PloverCategory> set = EnumSet.noneOf(PloverCategory.class);
        for (PloverCategory category : PloverCategory.values()) {
            if (Vocabulary.of(category).cooperation()) {
                set.add(category);
            }
        }
        return set;
    }

    /** A list of upper-case names such as windows. */
    private Set<String> names(@Nullable YamlTree node, String where, String what) {
        Set<String> names = new LinkedHashSet<>();
        for (YamlTree item : list(node, where)) {
            String name = text(item, where).strip().toUpperCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                throw error(item, where + ": '" + name + "' is not " + what);
            }
            names.add(name);
        }
        return names;
    }

    private boolean bool(YamlTree node, String what) {
        String value = text(node, what).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error(node, what + " must be true or false, was '" + value + "'");
        };
    }

    private List<SeverityBand> bands(YamlTree node) {
        YamlTree.Mapping map = mapping(node, "severity bands");
        List<SeverityBand> bands = new ArrayList<>();
        for (Map.Entry<String, YamlTree> entry : map.entries().entrySet()) {
            double score;
            try {
                score = Double.parseDouble(entry.getKey().strip());
            } catch (NumberFormatException ex) {
                throw error(entry.getValue(), "severity band '" + entry.getKey()
                        + "' must be a score, e.g. 10: HIGH");
            }
            bands.add(new SeverityBand(score, severity(entry.getValue(), "severity band " + entry.getKey())));
        }
        return bands;
    }

    private Severity severity(YamlTree node, String where) {
        String name = text(node, where).strip().toUpperCase(Locale.ROOT);
        try {
            return Severity.valueOf(name);
        } catch (IllegalArgumentException ex) {
            throw error(node, where + ": unknown severity '" + name + "' (INFO, LOW, MEDIUM, HIGH or CRITICAL)");
        }
    }

    private Duration duration(YamlTree node, String where) {
        String value = text(node, where).strip();
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } catch (NumberFormatException | ArithmeticException ex) {
                throw error(node, where + ": cooldown '" + value + "' is too long to be a duration");
            }
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException ex) {
            throw error(node, where + ": cooldown '" + value + "' is not a duration (e.g. 90s, 30m, 6h, 2d, PT6H)");
        }
    }

    private int positiveInt(YamlTree node, String what) {
        String value = text(node, what).strip();
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw error(node, what + " must be at least 1, was " + n);
            }
            return n;
        } catch (NumberFormatException ex) {
            throw error(node, what + " must be a whole number, was '" + value + "'");
        }
    }

    private double number(YamlTree node, String what) {
        String value = text(node, what).strip();
        try {
            double n = Double.parseDouble(value);
            if (Double.isNaN(n) || Double.isInfinite(n)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException ex) {
            throw error(node, what + " must be a number, was '" + value + "'");
        }
    }

    private List<YamlTree> list(@Nullable YamlTree node, String where) {
        if (node == null || node instanceof YamlTree.Scalar s && s.text() == null) {
            return List.of();
        }
        if (node instanceof YamlTree.Sequence seq) {
            return seq.items();
        }
        if (node instanceof YamlTree.Scalar) {
            return List.of(node);
        }
        throw error(node, where + ": expected a list");
    }

    private String requiredText(YamlTree.Mapping map, String key) {
        YamlTree node = map.entries().get(key);
        if (node == null) {
            throw error(map, "a rule needs '" + key + ":'");
        }
        String text = text(node, key);
        if (text.isBlank()) {
            throw error(node, "'" + key + "' must not be empty");
        }
        return text.strip();
    }

    private String text(YamlTree node, String where) {
        if (node instanceof YamlTree.Scalar scalar && scalar.text() != null) {
            return scalar.text();
        }
        throw error(node, where + ": expected a single value here");
    }

    private YamlTree.Mapping mapping(YamlTree node, String what) {
        if (node instanceof YamlTree.Mapping map) {
            return map;
        }
        throw error(node, what + " must be a mapping (key: value lines)");
    }

    private void checkKeys(YamlTree.Mapping map, Set<String> allowed, String where) {
        for (Map.Entry<String, YamlTree> entry : map.entries().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw error(entry.getValue(), where + ": unknown key '" + entry.getKey() + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private RulesFileException error(YamlTree node, String reason) {
        return new RulesFileException(origin, node.line(), reason);
    }
}
