package io.wirewatch.nlp.stance;

import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Signal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The escalation score of a story: the sum, over its conflict signals (negative Goldstein intensity), of the
 * intensity's magnitude weighted by modality — asserted counts fully, stated intent 0.8, a condition 0.5,
 * speculation 0.3, negated and denied not at all. Cooperative signals do not lower it. 0 for a quiet story.
 */
public final class WeightedEscalationScorer implements EscalationScorer {

    private final Map<Modality, Double> weights;

    private WeightedEscalationScorer(Map<Modality, Double> weights) {
        this.weights = new EnumMap<>(weights);
    }

    /** The standard weights. */
    public static WeightedEscalationScorer standard() {
        Map<Modality, Double> weights = new EnumMap<>(Modality.class);
        weights.put(Modality.ASSERTED, 1.0);
        weights.put(Modality.FUTURE, 0.8);
        weights.put(Modality.CONDITIONAL, 0.5);
        weights.put(Modality.SPECULATIVE, 0.3);
        weights.put(Modality.UNKNOWN, 0.5);
        weights.put(Modality.NEGATED, 0.0);
        weights.put(Modality.DENIED, 0.0);
        return new WeightedEscalationScorer(weights);
    }

    /** The weight given to a modality. */
    public double weight(Modality modality) {
        return weights.getOrDefault(Objects.requireNonNull(modality, "modality"), 0.0);
    }

    @Override
    public double score(List<Signal> signals) {
        double score = 0;
        for (Signal signal : signals) {
            if (signal.getIntensity() < 0) {
                score += -signal.getIntensity() * weight(signal.getModality());
            }
        }
        return Math.round(score * 100.0) / 100.0;
    }
}
