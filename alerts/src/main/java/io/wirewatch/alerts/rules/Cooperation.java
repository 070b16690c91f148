package io.wirewatch.alerts.rules;

import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.QuadClass;
import io.wirewatch.schema.Signal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Cooperation between two actors in one story, which offsets their conflict in it. Two actors cooperate in a story
 * when a signal of one of a rule's {@code offsetBy} categories (an agreement, talks, support, a concession, an
 * exchange, aid) links them, in either direction, said plainly or as stated intent. Then, for that rule and that
 * story:
 * <ul>
 *   <li>their verbal conflict (threats, demands, rejections, criticism) does not count: a story of a deal or an
 *       exchange that mentions what it ends ("suspends plans to annex", "after months of threats") is about the
 *       deal;</li>
 *   <li>their material conflict (an attack, fighting, a seizure, sanctions, mobilisation) still counts, but an
 *       alert headed by it is lowered one severity level, and its explanation names the cooperation. It is never
 *       dropped: a cooperation the coder misreads ("recognising" breakaway regions read as support) must not hide
 *       an order to send troops in the same sentence.</li>
 * </ul>
 */
final class Cooperation {

    private static final Set<Modality> SAID = Set.of(Modality.ASSERTED, Modality.FUTURE);
    private static final Cooperation NONE = new Cooperation(Map.of());

    /** The first cooperation signal of each unordered pair of actors, keyed "A|B" with A before B. */
    private final Map<String, Signal> byPair;

    private Cooperation(Map<String, Signal> byPair) {
        this.byPair = byPair;
    }

    /** The cooperation in {@code story} that the categories {@code offsetBy} show. */
    static Cooperation in(EnrichedStory story, Set<PloverCategory> offsetBy) {
        if (offsetBy.isEmpty()) {
            return NONE;
        }
        Map<String, Signal> byPair = new HashMap<>();
        for (Signal signal : story.getSignals()) {
            if (offsetBy.contains(signal.getCategory()) && SAID.contains(signal.getModality())
                    && signal.getSource() != null && signal.getTarget() != null
                    && !Rule.selfDyad(signal.getSource(), signal.getTarget())) {
                byPair.putIfAbsent(pair(signal.getSource(), signal.getTarget()), signal);
            }
        }
        return byPair.isEmpty() ? NONE : new Cooperation(Map.copyOf(byPair));
    }

    /** The cooperation signal that offsets {@code conflict}: one between the same two actors, or null. */
    @Nullable Signal offsetting(Signal conflict) {
        if (conflict.getSource() == null || conflict.getTarget() == null) {
            return null;
        }
        return byPair.get(pair(conflict.getSource(), conflict.getTarget()));
    }

    /** Whether {@code signal} does not count at all: verbal conflict between actors who cooperate in the story. */
    boolean setsAside(Signal signal) {
        return Vocabulary.of(signal.getCategory()).quadClass() == QuadClass.VERBAL_CONFLICT
                && offsetting(signal) != null;
    }

    private static String pair(String a, String b) {
        String x = a.strip().toUpperCase(Locale.ROOT);
        String y = b.strip().toUpperCase(Locale.ROOT);
        return x.compareTo(y) <= 0 ? x + "|" + y : y + "|" + x;
    }
}
