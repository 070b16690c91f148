package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.StanceLevel;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One alert rule. A story rule fires when at least {@code minSignals} of the story's signals (or one signal whose
 * category is in {@code oneIsEnough}) match every signal condition given (category, modality, actors, dyads, phrases,
 * attribution) and, when {@code minScore} is set, its escalation score reaches it. A signal whose source is also its
 * target (an actor as its own counterpart) never matches. Empty conditions match anything,
 * except that an empty category set means "any conflict category" and modalities are always limited to affirmative
 * ones: negated or denied signals never fire a rule. Stance-change and dyad-window rules ({@link Trigger}) match
 * those events instead, with {@code actors} and {@code dyads} applied to the event's source and target.
 *
 * @param id               stable name, named by every alert the rule raises
 * @param version          changes whenever the rule's meaning changes; part of the alert id
 * @param trigger          what the rule watches: stories, stance changes or dyad windows
 * @param categories       PLOVER categories; empty = {@link Vocabulary#CONFLICT_CATEGORIES}
 * @param modalities       modalities that count; never NEGATED or DENIED
 * @param actors           actor ids of which a signal's source or target must be one; empty = any
 * @param dyads            SOURCE->TARGET pairs of which a signal must fall in one; empty = any
 * @param phrases          lower-case phrases of which one must occur in a signal's evidence or sentence; empty = any
 * @param minSignals       how many matching signals a story needs (a dyad window: how many signals it counted)
 * @param oneIsEnough      categories of which one matching signal fires the rule, whatever {@code minSignals} says
 * @param attributed       when true, a signal counts only with both a source and a target
 * @param minScore         the story's escalation score must reach this, when set
 * @param minSources       independent sources (wires) that must carry the same story cluster before it fires
 * @param cooldown         after firing, the rule stays quiet for the same cluster and the same dyad this long
 * @param minSeverity      the severity floor
 * @param bands            score bands that raise the severity above the floor
 * @param headlineSeverity per category of the alert's headline signal, a severity it raises the floor to
 * @param levelSeverity    per stance level a stance-change rule's dyad moved to, a severity it raises the floor to
 * @param offsetBy         cooperation categories that offset conflict between the same two actors in the same story
 *                         (see {@link Cooperation}); empty = no offset
 */
public record Rule(String id, String version, String description, Trigger trigger, Set<PloverCategory> categories,
                   Set<Modality> modalities, Set<String> actors, List<Dyad> dyads, List<String> phrases,
                   int minSignals, Set<PloverCategory> oneIsEnough, boolean attributed, @Nullable Double minScore,
                   int minSources, Duration cooldown, Severity minSeverity, List<SeverityBand> bands,
                   Map<PloverCategory, Severity> headlineSeverity, Map<StanceLevel, Severity> levelSeverity,
                   Set<PloverCategory> offsetBy) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(minSeverity, "minSeverity");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        if (version.isBlank()) {
            throw new IllegalArgumentException("rule " + id + ": version must not be blank");
        }
        categories = known(categories, "categories", id);
        oneIsEnough = known(oneIsEnough, "oneIsEnough", id);
        offsetBy = known(offsetBy, "offsetBy", id);
        for (PloverCategory category : offsetBy) {
            if (!Vocabulary.of(category).cooperation()) {
                throw new IllegalArgumentException("rule " + id + ": offsetBy names " + category
                        + ", which is not a cooperation category");
            }
        }
        modalities = Set.copyOf(modalities.isEmpty() ? Vocabulary.AFFIRMATIVE : modalities);
        for (Modality modality : modalities) {
            if (Vocabulary.NEGATIVE.contains(modality)) {
                throw new IllegalArgumentException("rule " + id + ": modality " + modality
                        + " cannot fire a rule (negated and denied statements never raise alerts)");
            }
        }
        actors = upper(actors);
        dyads = List.copyOf(dyads);
        phrases = phrases.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).toList();
        if (minSignals < 1) {
            throw new IllegalArgumentException("rule " + id + ": minSignals must be >= 1, was " + minSignals);
        }
        if (minSources < 1) {
            throw new IllegalArgumentException("rule " + id + ": minSources must be >= 1, was " + minSources);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("rule " + id + ": cooldown must not be negative, was " + cooldown);
        }
        bands = bands.stream().sorted(Comparator.comparingDouble(SeverityBand::minScore)).toList();
        known(headlineSeverity.keySet(), "severity headline", id);
        headlineSeverity = Map.copyOf(headlineSeverity);
        if (levelSeverity.containsKey(StanceLevel.UNKNOWN)) {
            throw new IllegalArgumentException("rule " + id + ": severity headline names the stance level UNKNOWN, "
                    + "which enrichment never emits");
        }
        levelSeverity = Map.copyOf(levelSeverity);
    }

    /** A story rule with the given id and version, matching any affirmative conflict signal, for building in code. */
    public static Rule of(String id, String version, String description) {
        return new Rule(id, version, description, Trigger.STORY, Set.of(), Set.of(), Set.of(), List.of(), List.of(),
                1, Set.of(), false, null, 1, Duration.ZERO, Severity.LOW, List.of(), Map.of(), Map.of(), Set.of());
    }

    public Rule withTrigger(Trigger trigger) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withCategories(Set<PloverCategory> categories) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withModalities(Set<Modality> modalities) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withActors(Set<String> actors) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withDyads(List<Dyad> dyads) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withPhrases(List<String> phrases) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withMinSignals(int minSignals) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withOneIsEnough(Set<PloverCategory> oneIsEnough) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withAttributed(boolean attributed) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withMinScore(@Nullable Double minScore) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withMinSources(int minSources) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withCooldown(Duration cooldown) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withSeverity(Severity minSeverity, List<SeverityBand> bands) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withHeadlineSeverity(Map<PloverCategory, Severity> headlineSeverity) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withLevelSeverity(Map<StanceLevel, Severity> levelSeverity) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    public Rule withOffsetBy(Set<PloverCategory> offsetBy) {
        return new Rule(id, version, description, trigger, categories, modalities, actors, dyads, phrases, minSignals, oneIsEnough, attributed, minScore, minSources, cooldown, minSeverity, bands, headlineSeverity, levelSeverity, offsetBy);
    }

    /** Whether {@code signal} counts toward this rule. */
    public boolean matches(Signal signal) {
        if (Vocabulary.NEGATIVE.contains(signal.getModality()) || !modalities.contains(signal.getModality())) {
            return false;
        }
        PloverCategory category = signal.getCategory();
        if (categories.isEmpty() ? !Vocabulary.isConflict(category) : !categories.contains(category)) {
            return false;
        }
        if (selfDyad(signal.getSource(), signal.getTarget())) {
            return false;
        }
        if (attributed && (signal.getSource() == null || signal.getTarget() == null)) {
            return false;
        }
        if (!matchesActors(signal.getSource(), signal.getTarget())) {
            return false;
        }
        if (!phrases.isEmpty()) {
            String evidence = signal.getEvidence().toLowerCase(Locale.ROOT);
            String sentence = signal.getSentence().toLowerCase(Locale.ROOT);
            return phrases.stream().anyMatch(p -> evidence.contains(p) || sentence.contains(p));
        }
        return true;
    }

    /** Whether an event from {@code source} toward {@code target} passes the actor and dyad conditions. */
    public boolean matchesActors(@Nullable String source, @Nullable String target) {
        if (selfDyad(source, target)) {
            return false;
        }
        if (!actors.isEmpty() && !(contains(actors, source) || contains(actors, target))) {
            return false;
        }
        return dyads.isEmpty() || dyads.stream().anyMatch(d -> d.matches(source, target));
    }

    /** Whether {@code matching} signals, all of which {@link #matches(Signal)}, are enough to fire. */
    public boolean enough(List<Signal> matching) {
        return matching.size() >= minSignals || !oneIsEnough.isEmpty() && matching.stream()
                .anyMatch(s -> oneIsEnough.contains(s.getCategory()));
    }

    /** The severity of an alert with this score: the highest band reached, never below the floor. */
    public Severity severityFor(double score) {
        return severityFor(score, (Severity) null);
    }

    /**
     * The severity of an alert with this score and headline category: the highest of the floor, the band reached and
     * the headline category's severity.
     */
    public Severity severityFor(double score, @Nullable PloverCategory headlineCategory) {
        return severityFor(score, headlineCategory == null ? null : headlineSeverity.get(headlineCategory));
    }

    /**
     * The severity of a stance-change alert with this score whose dyad moved to {@code after}: the highest of the
     * floor, the band reached and the level's severity.
     */
    public Severity severityFor(double score, @Nullable StanceLevel after) {
        return severityFor(score, after == null ? null : levelSeverity.get(after));
    }

    /** Whether {@code source} and {@code target} are one actor: never a dyad, never an alert. */
    public static boolean selfDyad(@Nullable String source, @Nullable String target) {
        return source != null && target != null && source.strip().equalsIgnoreCase(target.strip());
    }

    private Severity severityFor(double score, @Nullable Severity headline) {
        Severity result = minSeverity;
        if (headline != null && headline.compareTo(result) > 0) {
            result = headline;
        }
        for (SeverityBand band : bands) {
            if (score >= band.minScore() && band.severity().compareTo(result) > 0) {
                result = band.severity();
            }
        }
        return result;
    }

    private static Set<PloverCategory> known(Set<PloverCategory> categories, String what, String id) {
        if (categories.contains(PloverCategory.UNKNOWN)) {
            throw new IllegalArgumentException("rule " + id + ": " + what + " names UNKNOWN, the category a reader "
                    + "sees for one it does not know; name the category itself");
        }
        return categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    private static Set<String> upper(Set<String> values) {
        return values.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean contains(Set<String> upperCase, @Nullable String actor) {
        return actor != null && upperCase.contains(actor.toUpperCase(Locale.ROOT));
    }
}
