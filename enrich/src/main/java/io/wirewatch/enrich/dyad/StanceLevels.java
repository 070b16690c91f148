package io.wirewatch.enrich.dyad;

import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.StanceLevel;
import java.util.EnumMap;
import java.util.Map;

/**
 * The stance level of each PLOVER category: cooperation, pressure (demands, criticism, refusals, protest, inquiries),
 * threat (threats, sanctions, shows of force) or force (coercion, attacks, fighting). Dyad stance shifts are moves
 * between these levels. Every category has a level; a category this build does not know (read as
 * {@link PloverCategory#UNKNOWN}) falls back on the sign of its intensity.
 */
public final class StanceLevels {

    private static final Map<PloverCategory, StanceLevel> BY_CATEGORY = new EnumMap<>(PloverCategory.class);

    static {
        for (PloverCategory category : PloverCategory.values()) {
            StanceLevel level = switch (category) {
                case AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, APPEAL -> StanceLevel.COOPERATION;
                case DEMAND, DISAPPROVE, REJECT, INVESTIGATE, PROTEST -> StanceLevel.PRESSURE;
                case THREATEN, SANCTION, MOBILIZE -> StanceLevel.THREAT;
                case COERCE, ASSAULT, FIGHT -> StanceLevel.FORCE;
                case UNKNOWN -> null;
            };
            if (level != null) {
                BY_CATEGORY.put(category, level);
            }
        }
    }

    private StanceLevels() {
    }

    /** The level of {@code category}; for an unknown category, cooperation when its intensity is not negative. */
    public static StanceLevel of(PloverCategory category, double intensity) {
        StanceLevel level = BY_CATEGORY.get(category);
        if (level != null) {
            return level;
        }
        return intensity >= 0 ? StanceLevel.COOPERATION : StanceLevel.PRESSURE;
    }
}
