package io.wirewatch.alerts.rules;

import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Signal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The words of an alert: a one-line title from the most salient signal ({@link Salience}), and an explanation that says which rule
 * fired, on which signals, said by whom about whom, and how it was said, e.g.
 * {@code Sergei Lavrov (RUS) threatened the West: 'Moscow will take the necessary retaliatory measures' (conditional)}.
 */
record Explanation(String title, String text) {

    private static final int TITLE_LIMIT = 160;
    private static final int LISTED_SIGNALS = 3;

    /**
     * @param setAside  matching signals that did not count: verbal conflict between actors who cooperate in the story
     * @param offset    the cooperation between the headline's actors that lowered the alert one level, or null
     */
    static Explanation of(Rule rule, EnrichedStory story, List<Signal> evidence, double score, int setAside,
                          @Nullable Signal offset) {
        Map<String, String> names = new HashMap<>();
        for (Entity entity : story.getEntities()) {
            if (entity.getActorId() != null && entity.getActorName() != null) {
                names.putIfAbsent(entity.getActorId(), entity.getActorName());
            }
        }
        Signal headline = evidence.get(0);
        String title = limit(clause(headline, names, false));

        StringBuilder text = new StringBuilder();
        text.append(rule.description().isBlank() ? "Rule " + rule.id() : rule.description().strip());
        if (!text.toString().endsWith(".")) {
            text.append('.');
        }
        text.append(' ').append(evidence.size()).append(evidence.size() == 1 ? " signal: " : " signals: ");
        for (int i = 0; i < Math.min(LISTED_SIGNALS, evidence.size()); i++) {
            if (i > 0) {
                text.append("; ");
            }
            text.append(clause(evidence.get(i), names, true));
        }
        if (evidence.size() > LISTED_SIGNALS) {
            text.append("; and ").append(evidence.size() - LISTED_SIGNALS).append(" more");
        }
        if (setAside > 0) {
            text.append("; ").append(setAside).append(setAside == 1 ? " signal" : " signals")
                    .append(" set aside: said between actors who cooperate in this story");
        }
        if (offset != null) {
            text.append(". Lowered one level: ").append(clause(offset, names, false))
                    .append(" in the same story");
        }
        text.append(". Escalation score ").append(String.format(Locale.ROOT, "%.1f", score));
        if (rule.minScore() != null) {
            text.append(String.format(Locale.ROOT, " (threshold %.1f)", rule.minScore()));
        }
        text.append(". Rule ").append(rule.id()).append(" v").append(rule.version()).append('.');
        return new Explanation(title, text.toString());
    }

    /** {@code Who (SRC) verb target: 'evidence' (modality)}. */
    private static String clause(Signal signal, Map<String, String> names, boolean withModality) {
        String source = signal.getSource();
        String who = signal.getSpeaker() != null && !signal.getSpeaker().isBlank()
                ? names.getOrDefault(signal.getSpeaker(), signal.getSpeaker())
                : source != null ? names.getOrDefault(source, source) : "Someone";
        StringBuilder out = new StringBuilder(who);
        if (source != null && !who.equalsIgnoreCase(source)) {
            out.append(" (").append(source).append(')');
        }
        String target = signal.getTarget();
        String verb = Vocabulary.verb(signal.getCategory());
        if (target != null) {
            out.append(' ').append(verb).append(' ').append(name(target, names));
        } else {
            out.append(' ').append(verb.replaceAll(" (of|with|against|to|from)$", ""));
        }
        out.append(": '").append(signal.getEvidence().strip()).append('\'');
        if (withModality) {
            out.append(" (").append(modality(signal.getModality())).append(')');
        }
        return out.toString();
    }

    private static String name(String actor, Map<String, String> names) {
        @Nullable String name = names.get(actor);
        return name != null ? name : actor;
    }

    private static String modality(Modality modality) {
        return modality.name().toLowerCase(Locale.ROOT);
    }

    private static String limit(String line) {
        return line.length() <= TITLE_LIMIT ? line : line.substring(0, TITLE_LIMIT - 1) + "…";
    }
}
