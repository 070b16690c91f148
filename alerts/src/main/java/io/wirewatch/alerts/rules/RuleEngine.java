package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Alert;
import io.wirewatch.schema.DateSource;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.GeneratedClasses;
import io.wirewatch.schema.Severity;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.StoryTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Judges one enriched story against a rule set: every rule that fires gives one {@link Alert} carrying its
 * matching signals as evidence, a title and an explanation. Pure: the same story and rules give the same alerts
 * (apart from {@code raisedAt}, which the caller supplies).
 */
public final class RuleEngine {

    static {
        // alerts are built (copied, defaulted) here before any serde may exist
        GeneratedClasses.trust();
    }

    private RuleEngine() {
    }

    /** The alerts {@code story} raises under {@code rules}, in rule order. */
    public static List<Alert> evaluate(RuleSet rules, EnrichedStory story, Instant raisedAt) {
        List<Alert> alerts = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            Alert alert = evaluate(rule, story, raisedAt);
            if (alert != null) {
                alerts.add(alert);
            }
        }
        return alerts;
    }

    /**
     * The alert {@code story} raises under {@code rule}, or null when the rule does not fire (or watches something
     * other than stories). Its evidence is in order of {@link Salience}: the first signal heads the alert.
     */
    public static @Nullable Alert evaluate(Rule rule, EnrichedStory story, Instant raisedAt) {
        if (!(rule.trigger() instanceof Trigger.OnStory)) {
            return null;
        }
        Cooperation cooperation = Cooperation.in(story, rule.offsetBy());
        List<Signal> matching = story.getSignals().stream().filter(rule::matches).toList();
        List<Signal> evidence = matching.stream().filter(s -> !cooperation.setsAside(s))
                .sorted(Salience.in(story).mostSalientFirst()).toList();
        if (evidence.isEmpty() || !rule.enough(evidence)) {
            return null;
        }
        if (rule.minScore() != null && story.getEscalationScore() < rule.minScore()) {
            return null;
        }
        double score = score(story, evidence);
        Story raw = story.getStory();
        Signal headline = evidence.get(0);
        Signal offset = cooperation.offsetting(headline);
        Explanation why = Explanation.of(rule, story, evidence, score, matching.size() - evidence.size(), offset);
        Severity severity = rule.severityFor(score, headline.getCategory());
        if (offset != null) {
            severity = Severity.values()[Math.max(0, severity.ordinal() - 1)];
        }
        TreeSet<String> actors = new TreeSet<>();
        for (Signal signal : evidence) {
            if (signal.getSource() != null) {
                actors.add(signal.getSource());
            }
            if (signal.getTarget() != null) {
                actors.add(signal.getTarget());
            }
        }
        String dyad = headline.getSource() != null && headline.getTarget() != null
                ? headline.getSource() + "->" + headline.getTarget() : null;
        return Alert.newBuilder()
                .setId(AlertIds.of(rule.id(), rule.version(), raw.getId(), raw.getClusterId()))
                .setRuleId(rule.id())
                .setRuleVersion(rule.version())
                .setSeverity(severity)
                .setTitle(why.title())
                .setExplanation(why.text())
                .setStoryId(raw.getId())
                .setStoryTitle(raw.getTitle())
                .setStoryUrl(raw.getUrl() != null ? raw.getUrl() : raw.getCanonicalUrl())
                .setClusterId(raw.getClusterId())
                .setActors(List.copyOf(actors))
                .setDyad(dyad)
                .setScore(score)
                .setEvidence(evidence)
                .setQuadClass(Vocabulary.of(headline.getCategory()).quadClass())
                .setPublishedAt(raw.getPublishedAt())
                .setPublishedLocal(raw.getPublishedLocal())
                .setDateSource(StoryTimes.atReadTime(raw) ? DateSource.READ : raw.getDateSource())
                .setRaisedAt(raisedAt)
                .build();
    }

    /**
     * The story's escalation score; when the enricher gave none (0), the score of the evidence itself: the sum of
     * its conflict intensities weighted by modality.
     */
    static double score(EnrichedStory story, List<Signal> evidence) {
        if (story.getEscalationScore() > 0) {
            return story.getEscalationScore();
        }
        double sum = 0;
        for (Signal signal : evidence) {
            sum += Math.max(0, -signal.getIntensity()) * Vocabulary.weight(signal.getModality());
        }
        return Math.round(sum * 100) / 100.0;
    }
}
