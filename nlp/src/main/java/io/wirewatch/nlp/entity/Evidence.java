package io.wirewatch.nlp.entity;

import io.wirewatch.nlp.text.SayVerbs;
import io.wirewatch.nlp.text.Token;
import java.util.List;
import java.util.Set;

/**
 * What the words around a name say about what it names: a person (a title or honorific before it, a speech verb
 * beside it) or a place (a preposition of place, a verb of attack or movement, "the city of", a following
 * "region"). Used where the knowledge base, the gazetteer and the name finder disagree, and to refuse a person
 * actor that nothing but a capital letter speaks for.
 */
final class Evidence {

    private Evidence() {
    }

    /** Honorifics, titles and roles that stand before a person's name ("Mr. Osman", "Mayor Terekhov"). */
    private static final Set<String> TITLES = Set.copyOf(List.of("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr",
            "dr.", "sir", "dame", "lord", "lady", "prof", "prof.", "professor", "gen", "gen.", "general", "col",
            "col.", "colonel", "lt", "lt.", "lieutenant", "maj", "maj.", "capt", "capt.", "captain", "sgt", "sgt.",
            "sergeant", "adm", "adm.", "admiral", "cmdr", "cmdr.", "commander", "marshal", "sen", "sen.", "senator",
            "rep", "rep.", "representative", "congressman", "congresswoman", "gov", "gov.", "governor", "mayor",
            "president", "vice-president", "premier", "minister", "chancellor", "secretary", "ambassador", "envoy",
            "king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "ayatollah", "imam", "pope",
            "cardinal", "archbishop", "bishop", "rev", "rev.", "reverend", "father", "rabbi", "judge", "justice",
            "prosecutor", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chief", "director",
            "commissioner", "leader", "deputy", "mp", "coach", "striker", "goalkeeper", "defender", "midfielder",
            "skipper", "champion", "lawmaker", "official", "diplomat", "negotiator", "ombudsman", "mufti"));

    /** Words before a name that make it a place ("in Kharkiv", "near Bakhmut", "shelled Mariupol"). */
    private static final Set<String> PLACE_BEFORE = Set.copyOf(List.of("in", "near", "outside", "around", "into",
            "across", "toward", "towards", "throughout", "inside", "via", "from", "bombed", "bombarded", "shelled",
            "pounded", "hit", "struck", "targeted", "attacked", "raided", "stormed", "captured", "recaptured",
            "retook", "overran", "seized", "liberated", "occupied", "besieged", "blockaded", "encircled",
            "surrounded", "defended", "entered", "evacuated", "reached", "visited", "visiting", "flew", "fled",
            "returned"));

    /** Nouns before "of" that make what follows a place ("the city of Aleppo", "the outskirts of Kharkiv"). */
    private static final Set<String> PLACE_OF = Set.copyOf(List.of("city", "town", "village", "region", "province",
            "district", "outskirts", "centre", "center", "port", "capital", "suburbs", "streets", "residents",
            "mayor", "governor", "people", "south", "north", "east", "west", "north-east", "north-west",
            "south-east", "south-west", "northeast", "northwest", "southeast", "southwest"));

    /** Nouns after a name that make it a place ("Kharkiv region", "Aleppo province", "Gaza airport"). */
    private static final Set<String> PLACE_AFTER = Set.copyOf(List.of("region", "regions", "oblast", "province",
            "governorate", "district", "city", "town", "village", "airport", "port", "suburb", "suburbs",
            "outskirts", "residents", "mayor", "governor"));

    /** Whether {@code token} is an honorific, title or role that may stand before a name. */
    static boolean isTitle(Token token) {
        return TITLES.contains(token.norm());
    }

    /**
     * Whether the words around tokens {@code [start, end)} say they name a person: a title right before ("Mr.",
     * "President", "minister"), a title opening the name itself ("General Santos"), or a speech verb right after
     * ("Lincoln said", "Lincoln also told") or right before a name that ends the clause ("…, said Lincoln.").
     */
    static boolean person(List<Token> tokens, int start, int end) {
        if (start > 0 && isTitle(tokens.get(start - 1)) || isTitle(tokens.get(start)) && end - start > 1) {
            return true;
        }
        int next = end;
        if (next < tokens.size() && (tokens.get(next).norm().equals("also") || tokens.get(next).norm().equals("has")
                || tokens.get(next).norm().equals("had"))) {
            next++;
        }
        if (next < tokens.size() && SayVerbs.isSayVerb(tokens.get(next).norm())) {
            return true;
        }
        return start > 0 && SayVerbs.isSayVerb(tokens.get(start - 1).norm())
                && (end == tokens.size() || !tokens.get(end).word());
    }

    /**
     * Whether the words around tokens {@code [start, end)} say they name a place: a preposition of place or a
     * verb of attack or movement right before ("in", "near", "shelled"; "the" may stand between), "the city of"
     * and the like, or "region", "province", "airport" right after.
     */
    static boolean place(List<Token> tokens, int start, int end) {
        int before = start - 1;
        if (before >= 0 && tokens.get(before).norm().equals("the")) {
            before--;
        }
        if (before >= 0 && PLACE_BEFORE.contains(tokens.get(before).norm())) {
            return true;
        }
        if (before >= 1 && tokens.get(before).norm().equals("of") && PLACE_OF.contains(tokens.get(before - 1).norm())) {
            return true;
        }
        return end < tokens.size() && PLACE_AFTER.contains(tokens.get(end).norm());
    }
}
