package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Signal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One alert rule. A story fires the rule when at least {@code minSignals} of its signals match every signal
 * condition given (category, modality, actors, dyads, phrases) and, when {@code minScore} is set, its escalation
 * score reaches it. Empty conditions match anything, except that an empty category set means "any conflict
 * category" and modalities are always limited to affirmative ones: negated or denied signals never fire a rule.
 *
 * @param id          stable name, named by every alert the rule raises
 * @param version     changes whenever the rule's meaning changes; part of the alert id
 * @param categories  PLOVER categories (upper case); empty = {@link Vocabulary#CONFLICT_CATEGORIES}
 * @param modalities  modalities that count; never NEGATED or DENIED
 * @param actors      actor ids of which a signal's source or target must be one; empty = any
 * @param dyads       SOURCE->TARGET pairs of which a signal must fall in one; empty = any
 * @param phrases     lower-case phrases of which one must occur in a signal's evidence or sentence; empty = any
 * @param minSignals  how many matching signals a story needs
 * @param minScore    the story's escalation score must reach this, when set
 * @param minSources  independent sources (wires) that must carry the same story cluster before it fires
 * @param cooldown    after firing, the rule stays quiet for the same cluster and the same dyad this long
 * @param minSeverity the severity floor
 * @param bands       score bands that raise the severity above the floor
 */
public record Rule(String id, String version, String description, Set<String> categories, Set<Modality> modalities,
                   Set<String> actors, List<Dyad> dyads, List<String> phrases, int minSignals,
                   @Nullable Double minScore, int minSources, Duration cooldown, Severity minSeverity,
                   List<SeverityBand> bands) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(minSeverity, "minSeverity");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        if (version.isBlank()) {
            throw new IllegalArgumentException("rule " + id + ": version must not be blank");
        }
        categories = categories.stream().map(c -> c.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        modalities = Set.copyOf(modalities.isEmpty() ? Vocabulary.AFFIRMATIVE : modalities);
        for (Modality modality : modalities) {
            if (Vocabulary.NEGATIVE.contains(modality)) {
                throw new IllegalArgumentException("rule " + id + ": modality " + modality
                        + " cannot fire a rule (negated and denied statements never raise alerts)");
            }
        }
        actors = actors.stream().map(a -> a.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
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
    }

    /** A rule with the given id and version, matching any affirmative conflict signal, for building in code. */
    public static Rule of(String id, String version, String description) {
        return new Rule(id, version, description, Set.of(), Set.of(), Set.of(), List.of(), List.of(), 1, null, 1,
                Duration.ZERO, Severity.LOW, List.of());
    }

    public Rule withCategories(Set<String> categories) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    public Rule withModalities(Set<Modality> modalities) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    public Rule withActors(Set<String> actors) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    public Rule withDyads(List<Dyad> dyads) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    public Rule withPhrases(List<String> phrases) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    public Rule withMinSignals(int minSignals) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    public Rule withMinScore(@Nullable Double minScore) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    public Rule withMinSources(int minSources) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    public Rule withCooldown(Duration cooldown) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    public Rule withSeverity(Severity minSeverity, List<SeverityBand> bands) {
        return new Rule(id, version, description, categories, modalities, actors, dyads, phrases, minSignals,
                minScore, minSources, cooldown, minSeverity, bands);
    }

    /** Whether {@code signal} counts toward this rule. */
    public boolean matches(Signal signal) {
        if (Vocabulary.NEGATIVE.contains(signal.getModality()) || !modalities.contains(signal.getModality())) {
            return false;
        }
        String category = signal.getCategory().toUpperCase(Locale.ROOT);
        if (categories.isEmpty() ? !Vocabulary.isConflict(category) : !categories.contains(category)) {
            return false;
        }
        if (!actors.isEmpty() && !(contains(actors, signal.getSource()) || contains(actors, signal.getTarget()))) {
            return false;
        }
        if (!dyads.isEmpty() && dyads.stream().noneMatch(d -> d.matches(signal.getSource(), signal.getTarget()))) {
            return false;
        }
        if (!phrases.isEmpty()) {
            String evidence = signal.getEvidence().toLowerCase(Locale.ROOT);
            String sentence = signal.getSentence().toLowerCase(Locale.ROOT);
            return phrases.stream().anyMatch(p -> evidence.contains(p) || sentence.contains(p));
        }
        return true;
    }

    /** The severity of an alert with this score: the highest band reached, never below the floor. */
    public Severity severityFor(double score) {
        Severity result = minSeverity;
        for (SeverityBand band : bands) {
            if (score >= band.minScore() && band.severity().compareTo(result) > 0) {
                result = band.severity();
            }
        }
        return result;
    }

    private static boolean contains(Set<String> upperCase, @Nullable String actor) {
        return actor != null && upperCase.contains(actor.toUpperCase(Locale.ROOT));
    }
}
