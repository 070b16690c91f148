package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Modality;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The words rules and explanations share: which PLOVER categories are conflict, which modalities may fire. */
public final class Vocabulary {

    /** PLOVER (and CAMEO-derived) categories on the conflict side of the scale. */
    public static final Set<String> CONFLICT_CATEGORIES = Set.of("DEMAND", "ACCUSE", "DISAPPROVE", "REJECT",
            "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "REDUCE_RELATIONS", "INVESTIGATE");

    /** Modalities that may fire a rule: said plainly, on a condition, or as stated intent. */
    public static final Set<Modality> AFFIRMATIVE = Set.copyOf(EnumSet.of(Modality.ASSERTED, Modality.CONDITIONAL,
            Modality.FUTURE));

    /** Modalities that never fire a rule by themselves. */
    public static final Set<Modality> NEGATIVE = Set.copyOf(EnumSet.of(Modality.NEGATED, Modality.DENIED));

    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("THREATEN", "threatened"),
            Map.entry("REJECT", "rejected"),
            Map.entry("DEMAND", "made demands of"),
            Map.entry("ACCUSE", "accused"),
            Map.entry("DISAPPROVE", "criticised"),
            Map.entry("PROTEST", "protested against"),
            Map.entry("SANCTION", "sanctioned"),
            Map.entry("MOBILIZE", "mobilised against"),
            Map.entry("COERCE", "coerced"),
            Map.entry("ASSAULT", "attacked"),
            Map.entry("REDUCE_RELATIONS", "cut ties with"),
            Map.entry("INVESTIGATE", "investigated"),
            Map.entry("AGREE", "agreed with"),
            Map.entry("CONSULT", "consulted"),
            Map.entry("COOPERATE", "cooperated with"),
            Map.entry("CONCEDE", "made concessions to"),
            Map.entry("RETREAT", "pulled back from"),
            Map.entry("REQUEST", "asked"),
            Map.entry("APPEAL", "appealed to"),
            Map.entry("SUPPORT", "supported"),
            Map.entry("AID", "aided"));

    /** How much a signal of each modality counts toward a score computed from evidence. */
    private static final Map<Modality, Double> WEIGHTS = Map.of(Modality.ASSERTED, 1.0, Modality.FUTURE, 0.9,
            Modality.CONDITIONAL, 0.7, Modality.SPECULATIVE, 0.4, Modality.UNKNOWN, 0.5, Modality.NEGATED, 0.0,
            Modality.DENIED, 0.0);

    private Vocabulary() {
    }

    public static boolean isConflict(String category) {
        return CONFLICT_CATEGORIES.contains(category.toUpperCase(Locale.ROOT));
    }

    /** The past-tense verb of a category for an explanation: THREATEN → "threatened". */
    public static String verb(String category) {
        String upper = category.toUpperCase(Locale.ROOT);
        return VERBS.getOrDefault(upper, upper.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    public static double weight(Modality modality) {
        return WEIGHTS.getOrDefault(modality, 0.5);
    }
}
