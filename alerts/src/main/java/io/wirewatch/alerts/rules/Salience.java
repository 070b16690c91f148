package io.wirewatch.alerts.rules;

import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.QuadClass;
import io.wirewatch.schema.Signal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How much a signal deserves to head an alert: what an analyst reads first. Points for the kind of act (a threat,
 * coercion, an attack or a sanction before a rejection or demand, before a mobilisation, before criticism), for
 * how it was said (asserted, conditional or as intent before speculation), for being attributed (both a source and a
 * target), for a speaker of words (more for a named person, more again for a direct quote; an act such as an attack
 * gains nothing from who reported it); ties go to the harder intensity,
 * then the earlier place in the text. Negated and denied signals score {@link #NEVER} and never head an alert.
 * Deterministic: the same story gives the same order.
 */
public final class Salience {

    /** The score of a negated or denied signal. */
    public static final int NEVER = Integer.MIN_VALUE;

    private static final Map<Modality, Integer> MODALITY = Map.of(Modality.ASSERTED, 12, Modality.FUTURE, 11,
            Modality.CONDITIONAL, 10, Modality.UNKNOWN, 4, Modality.SPECULATIVE, 2);
    private static final int BOTH_ACTORS = 10;
    private static final int ONE_ACTOR = 3;
    private static final int SPEAKER = 6;
    private static final int NAMED_PERSON = 2;
    private static final int DIRECT_QUOTE = 3;

    private final Set<String> persons;

    private Salience(Set<String> persons) {
        this.persons = persons;
    }

    /** Salience within {@code story}, whose entities say which speakers are people. */
    public static Salience in(EnrichedStory story) {
        Set<String> persons = new HashSet<>();
        for (Entity entity : story.getEntities()) {
            if (entity.getType() == EntityType.PERSON) {
                persons.add(key(entity.getText()));
                if (entity.getActorId() != null) {
                    persons.add(key(entity.getActorId()));
                }
                if (entity.getActorName() != null) {
                    persons.add(key(entity.getActorName()));
                }
            }
        }
        return new Salience(Set.copyOf(persons));
    }

    /**
     * The category's weight alone ({@link Vocabulary.Meaning#salience()}): 40 for threats, coercion, attacks,
     * fighting and sanctions, down to 0 for cooperation.
     */
    public static int categoryWeight(PloverCategory category) {
        return Vocabulary.of(category).salience();
    }

    /** The signal's points, or {@link #NEVER} when it is negated or denied. */
    public int score(Signal signal) {
        if (Vocabulary.NEGATIVE.contains(signal.getModality())) {
            return NEVER;
        }
        int points = categoryWeight(signal.getCategory()) + MODALITY.getOrDefault(signal.getModality(), 0);
        boolean source = signal.getSource() != null;
        boolean target = signal.getTarget() != null;
        points += source && target ? BOTH_ACTORS : source || target ? ONE_ACTOR : 0;
        if (!verbal(signal)) {
            return points; // an act is no more salient for being reported by someone
        }
        String speaker = signal.getSpeaker();
        if (speaker != null && !speaker.isBlank()) {
            points += SPEAKER;
            if (persons.contains(key(speaker)) || speaker.startsWith("PER:")) {
                points += NAMED_PERSON;
            }
        }
        if (quoted(signal.getEvidence(), signal.getSentence())) {
            points += DIRECT_QUOTE;
        }
        return points;
    }

    /** Said rather than done: a threat or a demand gains from its speaker and its quotation marks, an attack not. */
    private static boolean verbal(Signal signal) {
        QuadClass quad = Vocabulary.of(signal.getCategory()).quadClass();
        return quad == QuadClass.VERBAL_CONFLICT || quad == QuadClass.VERBAL_COOPERATION
                || quad == QuadClass.UNKNOWN;
    }

    /** Most salient first; then the harder (more negative) intensity, the earlier span, the evidence text. */
    public Comparator<Signal> mostSalientFirst() {
        return Comparator.comparingInt((Signal s) -> score(s)).reversed()
                .thenComparingDouble(Signal::getIntensity)
                .thenComparingInt(Signal::getStart)
                .thenComparing(Signal::getEvidence)
                .thenComparing(Signal::getCategory);
    }

    /** Whether {@code evidence} sits inside quotation marks in {@code sentence}. */
    static boolean quoted(String evidence, String sentence) {
        int at = sentence.indexOf(evidence.strip());
        if (at < 0 || evidence.isBlank()) {
            return false;
        }
        int open = 0;
        int straight = 0;
        for (int i = 0; i < at; i++) {
            char c = sentence.charAt(i);
            if (c == '\u201C' || c == '\u00AB') {
                open++;
            } else if ((c == '\u201D' || c == '\u00BB') && open > 0) {
                open--;
            } else if (c == '"') {
                straight++;
            }
        }
        return open > 0 || straight % 2 == 1;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
