package io.wirewatch.nlp.stance;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words that sort PLOVER categories by how the coder treats them, and the CAMEO codes a category takes when refused
 * or intended.
 */
final class EventWords {

    static final Set<String> VERBAL = Set.copyOf(List.of("REJECT", "THREATEN", "DEMAND", "DISAPPROVE", "AGREE", "SUPPORT",
            "CONSULT", "CONCEDE", "APPEAL"));

    static final Set<String> ASSERTIVE = Set.copyOf(List.of("REJECT", "THREATEN", "DEMAND", "DISAPPROVE",
            "APPEAL"));

    static final Set<String> PHYSICAL = Set.copyOf(List.of("MOBILIZE", "ASSAULT", "COERCE", "FIGHT"));

    static final Set<String> DEMAND_CONTENT = Set.copyOf(List.of("RETREAT", "CONCEDE", "AGREE", "CONSULT", "SUPPORT",
            "COOPERATE", "AID"));

    /**
     * A co-operative act refused by its actor ("will not withdraw", "is not seeking a ceasefire", "refused to
     * negotiate") is a rejection (CAMEO 12x), with the code of what was refused, when its rule names no other.
     */
    static final Map<String, String> REFUSED = Map.of("AGREE", "127", "CONSULT", "125", "SUPPORT", "120",
            "COOPERATE", "121", "AID", "122", "CONCEDE", "124", "RETREAT", "124");

    static final Map<String, String> INTENT_TO_COOPERATE = Map.of("SUPPORT", "032", "AID", "033",
            "COOPERATE", "031", "RETREAT", "0356", "CONCEDE", "035", "CONSULT", "036");

    static final Map<String, String> INTENT_TO_HARM = Map.of("SANCTION", "131", "COERCE", "132",
            "ASSAULT", "138", "FIGHT", "138", "PROTEST", "133");

    /** Acts done to someone, whose passive subject is the one acted upon (forces "deployed" are the mover's own). */
    static final Set<String> ACTED_UPON = Set.of("FIGHT", "ASSAULT", "COERCE", "SANCTION");

    static final Set<String> VIOLENT = Set.of("FIGHT", "ASSAULT", "THREATEN", "MOBILIZE", "COERCE");

    /**
     * Nouns that name the people taking part in an act rather than the act: "protesters demand the resignation"
     * is a demand by protesters. They code their act only when their clause has no other.
     */
    static final Set<String> PARTICIPANTS = Set.of("protesters", "protestors", "demonstrators", "strikers",
            "rioters", "marchers");

    private EventWords() {
    }
}
