package io.wirewatch.enrich.dyad;

import java.util.Locale;
import java.util.Map;

/** Where a signal sits between cooperation and force; dyad stance changes are moves between levels. */
public enum StanceLevel {
    COOPERATION, PRESSURE, THREAT, FORCE;

    private static final Map<String, StanceLevel> BY_CATEGORY = Map.ofEntries(
            Map.entry("AGREE", COOPERATION), Map.entry("CONSULT", COOPERATION), Map.entry("SUPPORT", COOPERATION),
            Map.entry("CONCEDE", COOPERATION), Map.entry("COOPERATE", COOPERATION), Map.entry("AID", COOPERATION),
            Map.entry("RETREAT", COOPERATION), Map.entry("APPEAL", COOPERATION),
            Map.entry("DEMAND", PRESSURE), Map.entry("DISAPPROVE", PRESSURE), Map.entry("REJECT", PRESSURE),
            Map.entry("PROTEST", PRESSURE),
            Map.entry("THREATEN", THREAT), Map.entry("SANCTION", THREAT), Map.entry("MOBILIZE", THREAT),
            Map.entry("COERCE", FORCE), Map.entry("ASSAULT", FORCE));

    /** The level of a PLOVER category; unknown categories fall back on the sign of their intensity. */
    public static StanceLevel of(String category, double intensity) {
        StanceLevel level = BY_CATEGORY.get(category.toUpperCase(Locale.ROOT));
        if (level != null) {
            return level;
        }
        return intensity >= 0 ? COOPERATION : PRESSURE;
    }
}
