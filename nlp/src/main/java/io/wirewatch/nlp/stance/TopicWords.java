package io.wirewatch.nlp.stance;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a sentence's circumstances: exercises and their staging, requests and negotiations, history, appeals'
 * content, drawdowns, weapons of war, sport and contests, disasters, aid.
 */
final class TopicWords {

    static final Set<String> EXERCISE = Set.copyOf(List.of("exercise", "exercises", "drill", "drills", "maneuver",
            "maneuvers", "manoeuvre", "manoeuvres", "wargames", "war-games", "training"));

    static final Set<String> REQUESTS = Set.copyOf(List.of("request", "requests", "demand", "demands", "proposal",
            "proposals", "call", "calls", "attempt", "attempts", "bid", "push", "effort", "efforts", "ultimatum"));

    static final Set<String> HISTORY = Set.copyOf(List.of("former", "previous", "earlier", "historic", "anniversary"));

    /** Content of an appeal that asks for cooperation rather than a concession (CAMEO 02, not 10). */
    static final Set<String> COOPERATIVE_CONTENT = Set.copyOf(List.of("talks", "talk", "dialogue",
            "diplomacy", "diplomatic", "negotiate", "negotiation", "negotiations", "negotiating", "restraint", "calm",
            "peace", "peaceful", "peacefully", "cooperate", "cooperation", "co-operate", "co-operation", "channels",
            "reconcile", "reconciliation", "settle", "settlement", "meet", "resume", "engage", "tensions",
            "de-escalate", "de-escalation", "deescalate", "compromise", "moderation", "ceasefire", "truce", "unity"));

    /** Content that asks one party to give something up: a demand even when it is phrased as an appeal. */
    static final Set<String> DEMANDED_CONTENT = Set.copyOf(List.of("withdraw", "stop", "cease", "halt", "end",
            "release", "pull", "leave", "abandon", "refrain", "surrender", "disarm", "hand", "free", "lift",
            "sanction", "sanctions", "punish", "expel", "resign", "step", "drop", "renounce", "reverse", "admit",
            "apologize", "apologise", "pay", "return"));

    /** Words for talks, which make an appeal one to meet or negotiate (CAMEO 026). */
    static final Set<String> TALK_CONTENT = Set.copyOf(List.of("talks", "talk", "dialogue", "negotiate",
            "negotiation", "negotiations", "negotiating", "meet", "channels", "diplomacy", "diplomatic", "engage"));

    /** Verbs by which an actor holds an exercise ("launched drills", "sailed for exercises"). */
    static final Set<String> STAGING = Set.copyOf(List.of("hold", "holds", "held", "holding", "conduct",
            "conducts", "conducted", "conducting", "stage", "stages", "staged", "staging", "launch", "launches",
            "launched", "launching", "begin", "begins", "began", "begun", "beginning", "start", "starts", "started",
            "starting", "undertake", "undertook", "undertaken", "kick", "kicked", "carry", "carried", "carrying",
            "practiced", "practised", "rehearsed", "deploy", "deployed", "deploying", "sent", "send", "sailed",
            "sail", "flew", "fly", "arrived", "arrive", "moved", "headed", "dispatched", "massed"));

    /** Verbs after an exercise noun by which it is under way ("drills began", "exercises involving 30,000 troops"). */
    static final Set<String> UNDER_WAY = Set.copyOf(List.of("began", "begun", "begin", "begins", "started",
            "start", "starts", "opened", "involve", "involves", "involved", "involving", "kicked", "continue",
            "continued", "continuing", "got"));

    /** A partial or precautionary withdrawal of staff: a drawdown, not a diplomatic sanction. */
    static final Set<String> DRAWDOWN = Set.copyOf(List.of("some", "non-essential", "nonessential",
            "families", "family", "dependents", "dependants", "part", "precaution", "precautionary", "safety"));

    /** Talks whose subject ("negotiations to deploy missiles") is what is negotiated, not an act. */
    static final Set<String> NEGOTIATED = Set.of("negotiations", "negotiation", "talks");

    /** "not directed against", "not aimed at": a disclaimer that a show of force targets anyone. */
    static final Set<String> AIMED = Set.of("directed", "aimed", "targeted", "intended", "targeting",
            "directing");

    static final Set<String> WEAPONS_OF_WAR = Set.of("airstrike", "airstrikes", "shelling", "shelled",
            "artillery", "missile", "missiles", "warplanes", "warplane", "bombardment", "gunships", "gunship",
            "mortar", "mortars", "howitzers", "rockets", "shootout", "firefight", "gunfight", "gunbattle");

    static final Set<String> SPORT = Set.of("football", "soccer", "basketball", "baseball", "cricket",
            "rugby", "tennis", "golf", "hockey", "volleyball", "olympics", "olympic", "championship",
            "championships", "tournament", "goalkeeper", "playoff", "playoffs", "semifinal", "semi-final",
            "quarterfinal", "quarter-final");

    static final Set<String> CONTEST = Set.of("beat", "beats", "won", "win", "wins", "defeated", "defeat",
            "drew", "draw", "lost", "scored", "clinched", "retained");

    /** Names of competitions, capitalised: "the European Championship", "the Africa Cup of Nations". */
    static final Set<String> SPORT_EVENTS = Set.of("cup", "championship", "championships", "olympics",
            "olympiad", "paralympics");

    static final Pattern SCORE = Pattern.compile(
            "\\d{1,3}[-\u2013]\\d{1,3}");

    static final Pattern NUMBER = Pattern.compile("\\d{1,3}");

    static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec");

    static final Set<String> DISASTER = Set.of("earthquake", "earthquakes", "quake", "quakes", "tsunami",
            "flood", "floods", "flooding", "wildfire", "wildfires", "hurricane", "hurricanes", "cyclone", "cyclones",
            "typhoon", "typhoons", "storm", "storms", "landslide", "landslides", "mudslide", "mudslides", "avalanche",
            "avalanches", "crash", "crashes", "collision", "collisions", "collides", "collided", "stampede", "crush",
            "accident", "accidents", "blaze", "drought", "eruption", "volcano", "heatwave", "outbreak", "epidemic",
            "pandemic", "cholera", "virus", "fever", "disease");

    static final Set<String> AID_MODIFIED = Set.of("worker", "workers", "agency", "agencies", "group",
            "groups", "organisation", "organisations", "organization", "organizations", "official", "officials",
            "sites", "site", "staff", "chief", "budget");

    static final Set<String> AID_WORDS = Set.of("aid", "assistance", "relief", "humanitarian");

    private TopicWords() {
    }
}
