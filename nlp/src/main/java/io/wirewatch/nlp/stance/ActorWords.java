package io.wirewatch.nlp.stance;
import java.util.List;
import java.util.Set;

/**
 * The words around actors: the people a group is made of, the verbs and nouns that address someone, the parties
 * addressed all at once, military and civilian people.
 */
final class ActorWords {

    static final Set<String> PEOPLE = Set.copyOf(List.of("representatives", "officials", "leaders", "ministers",
            "members", "delegations", "delegation", "envoys", "diplomats", "negotiators", "troops", "forces",
            "soldiers", "government", "governments", "heads", "presidents", "spokesman", "spokeswoman", "servicemen",
            "citizens", "people", "commanders", "personnel"));

    static final Set<String> ADDRESSING_VERBS = Set.copyOf(List.of("told", "warned", "urged", "asked", "informed",
            "pressed", "assured", "reassured", "tell", "warn", "urge", "ask", "tells", "warns", "urges", "asks"));

    static final Set<String> ADDRESSING_NOUNS = Set.copyOf(List.of("response", "responses", "reply", "replies",
            "letter", "letters", "message", "messages", "proposal", "proposals", "offer", "note", "document",
            "talk", "speak", "spoke", "said", "explained", "sent", "delivered", "submitted", "answer"));

    static final Set<String> MILITARY = Set.copyOf(List.of("forces", "troops", "soldiers", "army",
            "armed", "military", "aircraft", "warplanes", "jets", "helicopters", "gunships", "tanks", "artillery",
            "navy", "militia", "militias", "rebels", "guerrillas", "guerillas", "insurgents", "militants",
            "missiles", "rockets", "mortar", "gunbattle", "troop"));

    static final Set<String> CIVILIAN = Set.copyOf(List.of("civilians", "civilian", "refugees",
            "villagers", "journalist", "journalists", "worshippers", "protesters", "demonstrators", "camp", "roadside",
            "car", "suicide", "improvised", "machetes", "pedestrians", "passengers", "shoppers", "students"));

    /** Attacks named by a noun, whose modifier or "by" phrase names who made them ("army raids", "Chadian airstrikes"). */
    static final Set<String> ATTACKS = Set.of("raid", "raids", "airstrike", "airstrikes", "strike", "strikes",
            "attack", "attacks", "shelling", "bombardment", "bombardments", "bombing", "bombings", "ambush",
            "assault", "assaults", "offensive", "fire", "gunfire", "operation", "operations");

    /** An addressee that is everyone in a conflict: an appeal to it has no single target. */
    static final Set<String> ALL_PARTIES = Set.of("sides", "parties", "concerned", "everyone", "all");

    private ActorWords() {
    }
}
