package io.wirewatch.nlp.entity;

import io.wirewatch.nlp.ner.NameSpan;
import io.wirewatch.nlp.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a name finder's span at the words of an office: in news prose "{@code <place or body> <office> <person>}"
 * names a place's or a body's officer, not one name ("Kharkiv Mayor Ihor Terekhov" is Kharkiv and Ihor Terekhov,
 * "NATO Secretary General Jens Stoltenberg" NATO and Jens Stoltenberg, "Russian Foreign Minister Sergei Lavrov"
 * Russian and Sergei Lavrov). The words after the office must look like a person's name: capitalised words
 * only, the last not a word that ends the names of bodies and places ("U.N. General Assembly", "Justice
 * Department" stay whole). A body's officer may follow "of" ("Freedom Front of General Constand Viljoen"),
 * which belongs to neither name. The words before keep the finder's type, unless the finder called the whole span a
 * person: then nothing is said about them and the knowledge base's reading of them, if any, stands. The office
 * words are no name (CoNLL's convention too).
 */
final class OfficeSplit {

    /** Offices and titles that stand between a place or body and its officer's name. */
    private static final Set<String> OFFICES = Set.of("mayor", "president", "vice-president", "president-elect",
            "governor", "governor-general", "minister", "premier", "chancellor", "general", "secretary",
            "secretary-general", "attorney-general", "judge", "justice", "prosecutor", "spokesman", "spokeswoman",
            "spokesperson", "ambassador", "envoy", "senator", "chairman", "chairwoman", "ceo", "commander",
            "commissioner", "king", "queen", "prince", "princess", "emir", "sheikh", "leader", "chief", "coach",
            "captain", "manager", "director", "colonel", "admiral", "lieutenant", "bishop", "archbishop", "mufti");

    /** Words that open an office inside a name ("Prime Minister", "Foreign Minister", "Deputy Mayor"). */
    private static final Set<String> OFFICE_MODIFIERS = Set.of("prime", "foreign", "defence", "defense",
            "interior", "finance", "economy", "trade", "health", "education", "energy", "oil", "labour", "labor",
            "transport", "agriculture", "industry", "culture", "information", "environment", "home", "state",
            "deputy", "vice", "acting", "former", "first", "senior", "supreme", "grand", "executive", "attorney",
            "army", "military", "police", "party", "opposition", "team", "national", "head", "chief");

    /** Words that end the names of bodies and places, never of a person. */
    private static final Set<String> BODY_ENDINGS = Set.of("assembly", "department", "ministry", "office",
            "council", "committee", "party", "court", "staff", "motors", "electric", "dynamics", "hospital",
            "university", "college", "school", "house", "palace", "bank", "corporation", "corp", "corp.", "company",
            "co", "co.", "inc", "inc.", "ltd", "ltd.", "plc", "group", "club", "cup", "league", "union",
            "commission", "agency", "fund", "forces", "force", "army", "navy", "guard", "guards", "service",
            "island", "islands", "square", "street", "park", "award", "prize", "trophy", "foundation", "institute",
            "museum", "airport", "church", "cathedral", "mosque", "hotel", "centre", "center", "administration",
            "government", "cabinet", "mission", "board", "authority", "bureau", "chamber", "tribunal", "stadium",
            "hall", "bridge", "road", "county", "city", "state", "states", "republic", "kingdom", "province",
            "region", "district", "men", "women", "emirates", "territory", "territories");

    private static final int MAX_PERSON_WORDS = 4;

    private OfficeSplit() {
    }

    /** Whether tokens {@code [from, to)} are known as a place (so no person: "Supreme Allied Commander Europe"). */
    @FunctionalInterface
    interface Places {
        boolean known(int from, int to);
    }

    /** {@code spans} with each span that reads "place or body, office, person" cut into its two names. */
    static List<NameSpan> split(List<Token> tokens, List<NameSpan> spans, Places places) {
        @Nullable List<NameSpan> out = null;
        for (int s = 0; s < spans.size(); s++) {
            NameSpan span = spans.get(s);
            List<NameSpan> parts = parts(tokens, span, places);
            if (parts != null && out == null) {
                out = new ArrayList<>(spans.subList(0, s));
            }
            if (out != null) {
                out.addAll(parts == null ? List.of(span) : parts);
            }
        }
        return out == null ? spans : out;
    }

    /** The names {@code span} is cut into, or null when it is not "name, office, person". */
    private static @Nullable List<NameSpan> parts(List<Token> tokens, NameSpan span, Places places) {
        if (span.end() > tokens.size() || span.end() - span.start() < 3) {
            return null;
        }
        // the last office word with a person after it, then the office's first word
        int officeEnd = -1;
        for (int i = span.end() - 2; i > span.start(); i--) {
            if (OFFICES.contains(tokens.get(i).norm())) {
                officeEnd = i + 1;
                break;
            }
        }
        if (officeEnd < 0 || !person(tokens, officeEnd, span.end()) || places.known(officeEnd, span.end())) {
            return null;
        }
        int officeStart = officeEnd - 1;
        while (officeStart > span.start() && (OFFICES.contains(tokens.get(officeStart - 1).norm())
                || OFFICE_MODIFIERS.contains(tokens.get(officeStart - 1).norm()))) {
            officeStart--;
        }
        int nameEnd = officeStart - 1 > span.start() && tokens.get(officeStart - 1).norm().equals("of")
                ? officeStart - 1 : officeStart; // "Freedom Front of General Constand Viljoen"
        if (nameEnd == span.start() || !capitalised(tokens, span.start(), nameEnd)) {
            return null; // "Prime Minister Tony Blair": a title before a name, which the person's reading leaves out
        }
        NameSpan person = new NameSpan(officeEnd, span.end(), "PER");
        return span.type().equals("PER") ? List.of(person)
                : List.of(new NameSpan(span.start(), nameEnd, span.type()), person);
    }

    /** Whether tokens {@code [start, end)} can be a person's name: a few capitalised words, no body's last word. */
    private static boolean person(List<Token> tokens, int start, int end) {
        return end - start <= MAX_PERSON_WORDS && capitalised(tokens, start, end)
                && !BODY_ENDINGS.contains(tokens.get(end - 1).norm());
    }

    /** Whether every token of {@code [start, end)} is a word opening with a capital ("of" allowed inside). */
    private static boolean capitalised(List<Token> tokens, int start, int end) {
        for (int i = start; i < end; i++) {
            Token token = tokens.get(i);
            boolean of = token.norm().equals("of") && i > start && i < end - 1;
            if (!of && !token.capitalised()) {
                return false;
            }
        }
        return true;
    }
}
