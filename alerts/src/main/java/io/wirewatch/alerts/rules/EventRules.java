package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.QuadClass;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.StanceChange;
import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.StanceLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Judges the events enrichment derives from many stories: stance changes of a dyad ({@code on: stanceChange}) and
 * closed dyad windows ({@code on: dyadWindow}). Pure, like {@link RuleEngine}; alert ids are a hash of rule id,
 * version and the event's own deterministic key, so a replay gives the same ids.
 */
public final class EventRules {

    private EventRules() {
    }

    /** The alerts {@code change} raises under {@code rules}, in rule order. */
    public static List<Alert> evaluate(RuleSet rules, StanceChange change, Instant raisedAt) {
        List<Alert> alerts = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            Alert alert = evaluate(rule, change, raisedAt);
            if (alert != null) {
                alerts.add(alert);
            }
        }
        return alerts;
    }

    /** The alerts {@code window} raises under {@code rules}, in rule order. */
    public static List<Alert> evaluate(RuleSet rules, DyadWindow window, Instant raisedAt) {
        List<Alert> alerts = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            Alert alert = evaluate(rule, window, raisedAt);
            if (alert != null) {
                alerts.add(alert);
            }
        }
        return alerts;
    }

    /** The alert a stance change raises under a stance-change rule, or null. */
    public static @Nullable Alert evaluate(Rule rule, StanceChange change, Instant raisedAt) {
        if (!(rule.trigger() instanceof Trigger.OnStanceChange on)
                || !on.matches(change.getKind(), change.getBefore(), change.getAfter())
                || !rule.matchesActors(change.getSource(), change.getTarget())) {
            return null;
        }
        String dyad = change.getSource() + "->" + change.getTarget();
        List<Signal> evidence = new ArrayList<>(2);
        if (change.getEvidenceAfter() != null) {
            evidence.add(change.getEvidenceAfter());
        }
        if (change.getEvidenceBefore() != null) {
            evidence.add(change.getEvidenceBefore());
        }
        double score = change.getAfterIndex() != null ? Math.max(0, -change.getAfterIndex())
                : change.getEvidenceAfter() != null ? Math.max(0, -change.getEvidenceAfter().getIntensity()) : 0;
        String moved = change.getKind() == StanceChangeKind.INDEX_DROP
                ? "daily index fell from " + index(change.getBeforeIndex()) + " to " + index(change.getAfterIndex())
                : "moved from " + level(change.getBefore()) + " to " + level(change.getAfter());
        String title = dyad + " " + moved + quote(change.getEvidenceAfter(), ": ");
        StringBuilder text = new StringBuilder(sentence(rule));
        text.append(' ').append(dyad).append(' ').append(moved);
        if (change.getEvidenceBefore() != null || change.getEvidenceAfter() != null) {
            text.append(" (before").append(quote(change.getEvidenceBefore(), " ")).append("; after")
                    .append(quote(change.getEvidenceAfter(), " ")).append(')');
        }
        text.append(". Rule ").append(rule.id()).append(" v").append(rule.version()).append('.');
        String subject = "stance:" + change.getId();
        return Alert.newBuilder()
                .setId(AlertIds.of(rule.id(), rule.version(), subject, null))
                .setRuleId(rule.id())
                .setRuleVersion(rule.version())
                .setSeverity(rule.severityFor(score, change.getAfter()))
                .setTitle(limit(title))
                .setExplanation(text.toString())
                .setStoryId(change.getStoryId() != null ? change.getStoryId() : subject)
                .setStoryTitle(limit(title))
                .setStoryUrl(null)
                .setClusterId(null)
                .setActors(actors(change.getSource(), change.getTarget()))
                .setDyad(dyad)
                .setScore(round(score))
                .setEvidence(evidence)
                .setQuadClass(evidence.isEmpty() ? QuadClass.UNKNOWN
                        : Vocabulary.of(evidence.get(0).getCategory()).quadClass())
                .setPublishedAt(change.getAt())
                .setRaisedAt(raisedAt)
                .build();
    }

    /** The alert a closed dyad window raises under a dyad-window rule, or null. */
    public static @Nullable Alert evaluate(Rule rule, DyadWindow window, Instant raisedAt) {
        if (!(rule.trigger() instanceof Trigger.OnDyadWindow on)
                || !on.matches(window.getWindow(), window.getIntensityMean(), window.getConflictShare(),
                window.getStories())
                || window.getSignals() < rule.minSignals()
                || !rule.matchesActors(window.getSource(), window.getTarget())) {
            return null;
        }
        String dyad = window.getSource() + "->" + window.getTarget();
        String span = window.getWindow().equalsIgnoreCase("DAY") ? "daily" : "hourly";
        double score = Math.max(0, -window.getIntensityMean());
        String title = String.format(Locale.ROOT, "%s %s index %.1f: %d signals in %d stories, %.0f%% conflict",
                dyad, span, window.getIntensityMean(), window.getSignals(), window.getStories(),
                window.getConflictShare() * 100);
        StringBuilder text = new StringBuilder(sentence(rule));
        text.append(' ').append(title).append(" (window from ").append(window.getWindowStart()).append(" to ")
                .append(window.getWindowEnd()).append(')');
        if (window.getStrongest() != null) {
            text.append("; strongest").append(quote(window.getStrongest(), " "));
        }
        if (on.maxIndex() != null) {
            text.append(String.format(Locale.ROOT, ". Index threshold %.1f", on.maxIndex()));
        }
        text.append(". Rule ").append(rule.id()).append(" v").append(rule.version()).append('.');
        String subject = "window:" + dyad + "|" + window.getWindow().toUpperCase(Locale.ROOT) + "|"
                + window.getWindowStart().toEpochMilli();
        return Alert.newBuilder()
                .setId(AlertIds.of(rule.id(), rule.version(), subject, null))
                .setRuleId(rule.id())
                .setRuleVersion(rule.version())
                .setSeverity(rule.severityFor(score, window.getStrongest() == null ? null
                        : window.getStrongest().getCategory()))
                .setTitle(limit(title))
                .setExplanation(text.toString())
                .setStoryId(subject)
                .setStoryTitle(limit(title))
                .setStoryUrl(null)
                .setClusterId(null)
                .setActors(actors(window.getSource(), window.getTarget()))
                .setDyad(dyad)
                .setScore(round(score))
                .setEvidence(window.getStrongest() == null ? List.of() : List.of(window.getStrongest()))
                .setQuadClass(window.getStrongest() == null ? QuadClass.UNKNOWN
                        : Vocabulary.of(window.getStrongest().getCategory()).quadClass())
                .setPublishedAt(window.getWindowEnd())
                .setRaisedAt(raisedAt)
                .build();
    }

    private static String sentence(Rule rule) {
        String description = rule.description().isBlank() ? "Rule " + rule.id() : rule.description().strip();
        return description.endsWith(".") ? description : description + ".";
    }

    private static String level(@Nullable StanceLevel level) {
        return level == null ? "an unknown level" : level.name().toLowerCase(Locale.ROOT);
    }

    private static String index(@Nullable Double index) {
        return index == null ? "?" : String.format(Locale.ROOT, "%.2f", index);
    }

    private static String quote(@Nullable Signal signal, String prefix) {
        if (signal == null) {
            return "";
        }
        return prefix + "'" + signal.getEvidence().strip() + "' (" + Vocabulary.verb(signal.getCategory()) + ", "
                + signal.getModality().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static List<String> actors(String source, String target) {
        return List.copyOf(new TreeSet<>(List.of(source, target)));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String limit(String line) {
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }
}
