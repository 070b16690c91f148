package io.wirewatch.nlp.text;

import java.util.List;
import java.util.Set;

/** Verbs that report speech ("said", "told", "warned"), by their normalised token. */
public final class SayVerbs {

    private static final Set<String> VERBS = Set.copyOf(List.of("said", "says", "say", "saying", "told", "tells",
            "added", "adds", "stressed", "stresses", "warned", "warns", "insisted", "insists", "declared", "declares",
            "noted", "wrote", "writes", "tweeted", "explained", "explains", "replied", "replies", "asked",
            "continued", "argued", "argues", "announced", "announces", "stated", "remarked",
            "emphasized", "emphasised", "acknowledged", "admitted", "claimed", "reiterated",
            "commented", "responded", "underlined", "cautioned", "predicted", "suggested", "vowed", "promised",
            "pledged", "urged", "demanded", "threatened", "recalled", "observed", "concluded", "conceded"));

    private SayVerbs() {
    }

    public static boolean isSayVerb(String norm) {
        return VERBS.contains(norm);
    }
}
