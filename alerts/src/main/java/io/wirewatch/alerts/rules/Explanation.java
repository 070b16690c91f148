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
        Names names = Names.of(story);
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

    /**
     * {@code Who (SRC) verb target: 'evidence' (modality)}. Every actor is named with its own code: the speaker heads
     * the clause only when the speaker acts for the source ({@code Sergei Lavrov (RUS)}); a speaker of another
     * country, or of none known, is named after the act ({@code Russia (RUS) coerced Belarus, according to
     * Volodymyr Zelensky (UKR)}), never joined to the source's code.
     */
    private static String clause(Signal signal, Names names, boolean withModality) {
        String source = signal.getSource();
        String speaker = signal.getSpeaker() == null || signal.getSpeaker().isBlank() ? null : signal.getSpeaker();
        String speakerCode = speaker == null ? null : names.codeOf(speaker);
        boolean speaksForSource = speaker != null && (source == null || source.equalsIgnoreCase(speakerCode));
        StringBuilder out = new StringBuilder();
        if (speaksForSource) {
            out.append(names.labelled(names.nameOf(speaker), speakerCode));
        } else {
            out.append(source == null ? "Someone" : names.labelled(names.nameOf(source), source));
        }
        String target = signal.getTarget();
        String verb = Vocabulary.verb(signal.getCategory());
        if (target != null) {
            out.append(' ').append(verb).append(' ').append(names.nameOf(target));
        } else {
            out.append(' ').append(verb.replaceAll(" (of|with|against|to|from)$", ""));
        }
        if (speaker != null && !speaksForSource) {
            out.append(", according to ").append(names.labelled(names.nameOf(speaker), speakerCode));
        }
        out.append(": '").append(signal.getEvidence().strip()).append('\'');
        if (withModality) {
            out.append(" (").append(modality(signal.getModality())).append(')');
        }
        return out.toString();
    }

    /**
     * The story's actors by id and by name: their display names and the codes they act under (a person's or a
     * body's country, a state's own id).
     */
    private record Names(Map<String, String> names, Map<String, String> codes) {

        static Names of(EnrichedStory story) {
            Map<String, String> names = new HashMap<>();
            Map<String, String> codes = new HashMap<>();
            for (Entity entity : story.getEntities()) {
                String id = entity.getActorId();
                if (id == null) {
                    continue;
                }
                if (entity.getActorName() != null) {
                    names.putIfAbsent(id, entity.getActorName());
                }
                String code = entity.getCountry() != null ? entity.getCountry() : id.contains(":") ? null : id;
                if (code != null) {
                    codes.putIfAbsent(id, code);
                    if (entity.getActorName() != null) {
                        codes.putIfAbsent(entity.getActorName(), code);
                    }
                    codes.putIfAbsent(entity.getText(), code);
                }
            }
            return new Names(names, codes);
        }

        /** The display name of an actor id (or of a speaker named by id), else what was given. */
        String nameOf(String actorOrName) {
            @Nullable String name = names.get(actorOrName);
            return name != null ? name : actorOrName;
        }

        /** The code a speaker or actor acts under, or null when the story does not say. */
        @Nullable String codeOf(String actorOrName) {
            return codes.get(actorOrName);
        }

        /** {@code Name (CODE)}, or the bare code when the name is the code, or the bare name without a code. */
        String labelled(String name, @Nullable String code) {
            if (code == null || name.equalsIgnoreCase(code)) {
                return name;
            }
            return name + " (" + code + ")";
        }
    }

    private static String modality(Modality modality) {
        return modality.name().toLowerCase(Locale.ROOT);
    }

    private static String limit(String line) {
        return line.length() <= TITLE_LIMIT ? line : line.substring(0, TITLE_LIMIT - 1) + "…";
    }
}
