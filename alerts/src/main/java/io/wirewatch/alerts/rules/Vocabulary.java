package io.wirewatch.alerts.rules;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.QuadClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What each PLOVER category means to the alert rules: its quad class (said or done, cooperative or hostile), how much
 * it deserves to head an alert, and the verb an explanation uses. The alerts side owns this reading; it is total
 * over {@link PloverCategory}, so every category enrichment can emit has a meaning here. Also the modalities that may
 * fire a rule.
 */
public final class Vocabulary {

    /**
     * The alert rules' reading of one category.
     *
     * @param quadClass verbal or material, cooperation or conflict: the class CAMEO gives the category's codes
     * @param salience  points toward heading an alert: 40 for threats and force, down to 0 for cooperation
     * @param verb      past tense, before the target: "threatened", "made demands of"
     */
    public record Meaning(QuadClass quadClass, int salience, String verb) {
        public Meaning {
            Objects.requireNonNull(quadClass, "quadClass");
            Objects.requireNonNull(verb, "verb");
        }

        /** Verbal or material conflict. */
        public boolean conflict() {
            return quadClass == QuadClass.VERBAL_CONFLICT || quadClass == QuadClass.MATERIAL_CONFLICT;
        }

        /** Verbal or material cooperation. */
        public boolean cooperation() {
            return quadClass == QuadClass.VERBAL_COOPERATION || quadClass == QuadClass.MATERIAL_COOPERATION;
        }
    }

    private static final Map<PloverCategory, Meaning> MEANINGS;

    static {
        EnumMap<PloverCategory, Meaning> meanings = new EnumMap<>(PloverCategory.class);
        for (PloverCategory category : PloverCategory.values()) {
            meanings.put(category, meaning(category));
        }
        MEANINGS = Collections.unmodifiableMap(meanings);
    }

    /** The categories on the conflict side of the scale, verbal and material. */
    public static final Set<PloverCategory> CONFLICT_CATEGORIES = categoriesWhere(Meaning::conflict);

    /** Acts of force, coercion, sanction, mobilisation and protest: CAMEO's material conflict (roots 14 to 20). */
    public static final Set<PloverCategory> MATERIAL_CONFLICT = categoriesWhere(
            m -> m.quadClass() == QuadClass.MATERIAL_CONFLICT);

    /** Modalities that may fire a rule: said plainly, on a condition, or as stated intent. */
    public static final Set<Modality> AFFIRMATIVE = Set.copyOf(EnumSet.of(Modality.ASSERTED, Modality.CONDITIONAL,
            Modality.FUTURE));

    /** Modalities that never fire a rule by themselves. */
    public static final Set<Modality> NEGATIVE = Set.copyOf(EnumSet.of(Modality.NEGATED, Modality.DENIED));

    /** How much a signal of each modality counts toward a score computed from evidence. */
    private static final Map<Modality, Double> WEIGHTS = Map.of(Modality.ASSERTED, 1.0, Modality.FUTURE, 0.9,
            Modality.CONDITIONAL, 0.7, Modality.SPECULATIVE, 0.4, Modality.UNKNOWN, 0.5, Modality.NEGATED, 0.0,
            Modality.DENIED, 0.0);

    private Vocabulary() {
    }

    /** The meaning of {@code category}; every category has one. */
    public static Meaning of(PloverCategory category) {
        return MEANINGS.get(Objects.requireNonNull(category, "category"));
    }

    public static boolean isConflict(PloverCategory category) {
        return of(category).conflict();
    }

    /** The past-tense verb of a category for an explanation: THREATEN → "threatened". */
    public static String verb(PloverCategory category) {
        return of(category).verb();
    }

    public static double weight(Modality modality) {
        return WEIGHTS.getOrDefault(modality, 0.5);
    }

    /**
     * The switch has no default branch: a symbol added to {@link PloverCategory} does not compile here until it is
     * given a meaning.
     */
    private static Meaning meaning(PloverCategory category) {
        return switch (category) {
            case AGREE -> new Meaning(QuadClass.VERBAL_COOPERATION, 0, "agreed with");
            case CONSULT -> new Meaning(QuadClass.VERBAL_COOPERATION, 0, "consulted");
            case SUPPORT -> new Meaning(QuadClass.VERBAL_COOPERATION, 0, "supported");
            case APPEAL -> new Meaning(QuadClass.VERBAL_COOPERATION, 0, "appealed to");
            case CONCEDE -> new Meaning(QuadClass.MATERIAL_COOPERATION, 0, "made concessions to");
            case COOPERATE -> new Meaning(QuadClass.MATERIAL_COOPERATION, 0, "cooperated with");
            case AID -> new Meaning(QuadClass.MATERIAL_COOPERATION, 0, "aided");
            case RETREAT -> new Meaning(QuadClass.MATERIAL_COOPERATION, 0, "pulled back from");
            case INVESTIGATE -> new Meaning(QuadClass.VERBAL_CONFLICT, 5, "investigated");
            case DISAPPROVE -> new Meaning(QuadClass.VERBAL_CONFLICT, 10, "criticised");
            case DEMAND -> new Meaning(QuadClass.VERBAL_CONFLICT, 30, "made demands of");
            case REJECT -> new Meaning(QuadClass.VERBAL_CONFLICT, 30, "rejected");
            case THREATEN -> new Meaning(QuadClass.VERBAL_CONFLICT, 40, "threatened");
            case PROTEST -> new Meaning(QuadClass.MATERIAL_CONFLICT, 10, "protested against");
            case MOBILIZE -> new Meaning(QuadClass.MATERIAL_CONFLICT, 20, "mobilised against");
            case SANCTION -> new Meaning(QuadClass.MATERIAL_CONFLICT, 40, "sanctioned");
            case COERCE -> new Meaning(QuadClass.MATERIAL_CONFLICT, 40, "coerced");
            case ASSAULT -> new Meaning(QuadClass.MATERIAL_CONFLICT, 40, "attacked");
            case FIGHT -> new Meaning(QuadClass.MATERIAL_CONFLICT, 40, "fought");
            case UNKNOWN -> new Meaning(QuadClass.UNKNOWN, 0, "did something this build cannot name to");
        };
    }

    private static Set<PloverCategory> categoriesWhere(java.util.function.Predicate<Meaning> test) {
        EnumSet<PloverCategory> set = EnumSet.noneOf(PloverCategory.class);
        MEANINGS.forEach((category, meaning) -> {
            if (test.test(meaning)) {
                set.add(category);
            }
        });
        return Collections.unmodifiableSet(set);
    }
}
