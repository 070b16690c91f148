package io.wirewatch.nlp.stance;
import java.util.List;
import java.util.Set;

/**
 * The function words of a clause: its boundaries and fillers, negation and refusal, modality (condition, speculation,
 * intent, denial), fronted and trailing background, determiners and prepositions.
 */
final class ClauseWords {

    static final Set<String> BOUNDARIES = Set.copyOf(List.of(",", ";", ":", "but", "while", "although", "though",
            "whereas", "\u201c", "\u201d", "\"", ".", "(", ")", "\u2013", "\u2014"));

    static final Set<String> FILLERS = Set.copyOf(List.of("be", "been", "being", "have", "has", "had", "also", "yet",
            "ever", "any", "to", "further", "again", "even", "a", "an", "the", "make", "made", "consider", "seek",
            "offer", "there", "will", "would", "can", "could", "shall", "should", "must", "do", "does", "did", "is",
            "are", "was", "were", "able", "willing", "ready", "going", "want", "wants", "intend", "plan",
            "prepared", "such", "more", "seeking", "seeks", "planning", "intending", "interested", "wanting", "immediate", "new", "real", "serious", "major", "significant", "of",
            "and", "possible", "its", "their", "our", "his", "her", "intention", "intentions", "plans", "plan",
            "desire", "interest", "wish", "need", "reason", "intent"));

    /** Words of will after a negation: "is not seeking", "does not want to", "not prepared to" are refusals. */
    static final Set<String> WILL = Set.of("want", "wants", "wanted", "wanting", "seek", "seeks", "seeking",
            "sought", "intend", "intends", "intending", "plan", "plans", "planning", "going", "willing", "prepared",
            "ready", "interested", "looking");

    static final Set<String> MODALS_BEFORE_NOT = Set.copyOf(List.of("will", "would", "can", "could", "shall", "must",
            "'ll", "wo", "ca"));

    static final Set<String> PREPOSITIONS = Set.copyOf(List.of("of", "to", "in", "at", "on", "with", "about", "against",
            "for", "from", "by", "into", "toward", "towards", "over", "near", "between", "among", "like", "after",
            "before", "across", "inside", "outside", "within", "without", "through", "under", "upon", "than"));

    static final Set<String> SKIP_BEFORE_ACTOR = Set.copyOf(List.of("the", "a", "an", "former", "non-allied",
            "neighbouring", "neighboring", "allied", "separatist", "pro", "fellow", "southern", "northern",
            "eastern", "western", "southwestern", "southeastern", "northwestern", "northeastern", "central"));

    static final Set<String> CONDITIONS = Set.copyOf(List.of("if", "unless", "provided", "providing", "until",
            "otherwise", "lest"));

    static final Set<String> SPECULATION = Set.copyOf(List.of("could", "might", "may", "possibly", "possible",
            "potential", "potentially", "perhaps", "likely", "unlikely", "whether", "risk", "risks", "allow",
            "opportunity", "opportunities", "considering", "consider", "mulling", "weighing", "reportedly",
            "rumoured", "rumored", "speculation", "fear", "fears", "feared", "worried", "worry", "worries",
            "concern", "concerns", "concerned"));

    static final Set<String> INTENT = Set.copyOf(List.of("will", "would", "'ll", "shall", "going", "plan", "plans",
            "planned", "planning", "intend", "intends", "intended", "promised", "promises", "pledged", "pledges",
            "vowed", "vows", "expected", "expects", "set", "hope", "hopes", "hoped", "seek", "seeks", "sought",
            "aim", "aims", "want", "wants", "wanted", "ready", "prepared", "willing", "offered", "agreed",
            "sworn", "swore", "swear", "vow", "pledge", "promise", "threatened", "threatens"));

    static final Set<String> DENIALS = Set.copyOf(List.of("deny", "denied", "denies", "denying", "denial", "denials"));

    static final Set<String> CLAIMS = Set.copyOf(List.of("claims", "claim", "reports", "allegations", "accusations",
            "suggestions", "speculation", "charges", "fears", "rumours", "rumors", "talk"));

    static final Set<String> THREAT_CONDITIONS = Set.of("unless", "if", "otherwise");

    /** Readiness, possibility or warning before a future act: "announced that it is ready to …" is no decision. */
    static final Set<String> READINESS = Set.of("willing", "prepared", "ready", "considering", "consider",
            "may", "might", "could", "threatens", "threatened", "warns", "warned");

    /** Verbs of warning and advice: what they tell someone (not) to do is their content, not an act. */
    static final Set<String> ADVICE = Set.of("warn", "warns", "warned", "warning", "advise", "advises",
            "advised", "advising", "caution", "cautions", "cautioned", "cautioning");

    /** A nominal act referring back to one named before ("any such incursion"). */
    static final Set<String> ANAPHORIC = Set.of("such", "this", "that", "these", "those", "any", "the");

    static final Set<String> FALSEHOOD = Set.of("lies", "lie", "false", "baseless", "groundless",
            "fabricated", "fabrication", "fabrications", "untrue", "unfounded", "fake");

    static final Set<String> SPANS_OF_TIME = Set.of("years", "decades", "months", "weeks", "days", "hours",
            "year", "decade", "month", "week", "day");

    static final Set<String> FRONTED = Set.of("after", "following", "amid", "despite", "since", "before",
            "ahead");

    /** Openers of a trailing clause about what came before, when not used as an adjective ("the following day"). */
    static final Set<String> TRAILING = Set.of("after", "following", "amid", "amidst", "despite");

    /** Words after a comma that resume the main clause's actor: ", and warns", ", saying", ", while". */
    static final Set<String> RESUMING = Set.of("and", "but", "while", "whereas", "saying", "adding",
            "calling", "warning", "urging", "vowing");

    static final Set<String> LOCATIVE = Set.of("in", "inside", "near", "outside", "at", "within", "around",
            "across", "throughout");

    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "our",
            "this", "that", "these", "those");

    static final List<String> ACCUSING = List.of("accus", "blam", "charg", "condemn", "critici", "denounc",
            "indict", "suspect");

    static final List<String> CALLING_OFF = List.of("suspend", "abandon", "shelv", "scrap", "postpon",
            "cancel", "freez", "froze", "drop", "halt", "withdr");

    static final Set<String> PLANS = Set.of("plan", "plans", "intention", "intentions", "bid", "threat",
            "threats", "proposal", "idea");

    static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being");

    private ClauseWords() {
    }
}
