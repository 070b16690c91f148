package io.wirewatch.nlp.stance;

import static io.wirewatch.nlp.stance.ActorWords.*;
import static io.wirewatch.nlp.stance.ClauseWords.*;
import static io.wirewatch.nlp.stance.TopicWords.*;

import io.wirewatch.nlp.text.Token;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a sentence's circumstances say about its acts: history (past years, anniversaries), a game or contest, an
 * accident or disaster, an exercise held or only talked about, a drawdown, a disclaimed show of force, the means of
 * war, military or civilian people, an act only requested, an appeal's content and addressees, and a nominal act
 * referring back ("such an incursion").
 */
final class ContextChecks {
    private final Story story;
    private final List<Token> tokens;
    private final Clauses clauses;
    /** Whether the sentence is about a game, once asked. */
    private @Nullable Boolean sport;

    ContextChecks(Story story, List<Token> tokens, Clauses clauses) {
        this.story = story;
        this.tokens = tokens;
        this.clauses = clauses;
    }

    /**
     * An exercise noun counts as a show of force only when an actor holds it: a staging verb shortly before it
     * in the clause ("launched drills", "sailed for training exercises") or a verb of its running after it
     * ("the drills began").
     */
    boolean staged(int start, int end) {
        int clause = clauses.clauseStart(start);
        for (int i = start - 1; i >= Math.max(clause, start - 6); i--) {
            String norm = tokens.get(i).norm();
            if (STAGING.contains(norm)) {
                return !requested(i); // not "negotiations to deploy missiles and military exercises"
            }
            if (norm.equals("part") && i >= 2 && tokens.get(i - 1).norm().equals("as")) {
                return false; // "as part of the exercise": the frame of another act
            }
        }
        for (int i = end; i < Math.min(tokens.size(), end + 3); i++) {
            String norm = tokens.get(i).norm();
            if (BOUNDARIES.contains(norm)) {
                break;
            }
            if (UNDER_WAY.contains(norm)) {
                return true;
            }
        }
        return false;
    }

    /** "not directed against any neighbouring country", "not aimed at anyone": the show of force disclaimed. */
    boolean disclaimed() {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            String norm = tokens.get(i).norm();
            String next = tokens.get(i + 1).norm();
            boolean negated = tokens.get(i - 1).norm().equals("not") || tokens.get(i - 1).norm().endsWith("n't")
                    || i >= 2 && tokens.get(i - 2).norm().equals("not");
            if (negated && AIMED.contains(norm) && (next.equals("against") || next.equals("at")
                    || next.equals("to"))) {
                return true;
            }
        }
        return false;
    }

    /** "some of their diplomats", "non-essential staff", "for their safety": a drawdown. */
    boolean drawdown(int start, int end) {
        for (int i = start; i < Math.min(tokens.size(), end + 8); i++) {
            String norm = tokens.get(i).norm();
            if (DRAWDOWN.contains(norm)) {
                return true;
            }
            if (i >= end && (norm.equals(".") || norm.equals(";"))) {
                break;
            }
        }
        return false;
    }

    /** "urged all sides", "called on both parties", "urged everyone concerned": the addressee is everyone. */
    boolean addressedToAll(int end) {
        for (int i = end; i < Math.min(tokens.size(), end + 3); i++) {
            String norm = tokens.get(i).norm();
            if (ALL_PARTIES.contains(norm) && !norm.equals("all")) {
                return true;
            }
            if (!(norm.equals("all") || norm.equals("both") || norm.equals("the") || norm.equals("two")
                    || norm.equals("on") || norm.equals("upon") || norm.equals("warring")
                    || norm.equals("rival") || norm.equals("those") || norm.equals("everyone"))) {
                return false;
            }
            if (norm.equals("everyone")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The CAMEO code of an appeal when what it asks for is cooperation (talks, restraint, calm, keeping
     * channels open): 026 to meet or negotiate, 027 to settle or calm; null when it asks one party to give
     * something up ("urged Russia to withdraw its forces"), which stays a demand. An appeal to all sides is
     * an appeal whatever it asks.
     */
    @Nullable String appealCode(int end, boolean allParties) {
        boolean cooperative = false;
        boolean talk = false;
        boolean demanded = false;
        for (int i = end; i < Math.min(tokens.size(), end + 14); i++) {
            String norm = tokens.get(i).norm();
            if (norm.equals(".") || norm.equals(";") || norm.equals("but") || norm.equals("while")) {
                break;
            }
            if (COOPERATIVE_CONTENT.contains(norm) || norm.startsWith("de-escalat")
                    || norm.startsWith("negotiat") || norm.startsWith("cooperat")) {
                cooperative = true;
                talk |= TALK_CONTENT.contains(norm) || norm.startsWith("negotiat");
            }
            boolean returnTo = norm.equals("return") && i + 1 < tokens.size()
                    && tokens.get(i + 1).norm().equals("to");
            if (DEMANDED_CONTENT.contains(norm) && !returnTo && i > 0 && tokens.get(i - 1).norm().equals("to")) {
                demanded = true;
            }
        }
        if (!cooperative && !(allParties && demanded)) {
            return null;
        }
        if (demanded && !allParties) {
            return null;
        }
        return talk ? "026" : "027";
    }

    /** "such an incursion", "any such attack", "this offensive": a nominal act referring back. */
    boolean anaphoric(int start) {
        for (int i = start - 1; i >= Math.max(0, start - 2); i--) {
            String norm = tokens.get(i).norm();
            if (ANAPHORIC.contains(norm) && !norm.equals("the") && !norm.equals("any")) {
                return true;
            }
            if (norm.equals("the") && i == start - 1 && clauses.firstWord(i)) {
                return true; // "The proposal comes a day after …": the one just reported
            }
            if (norm.equals("the") && i == start - 1 && i > 0 && PREPOSITIONS.contains(tokens.get(i - 1).norm())) {
                return true; // "killed in the fighting", "informed of the attack": the one already reported
            }
            if (!(norm.equals("a") || norm.equals("an") || norm.equals("any") || norm.equals("the"))) {
                return false;
            }
        }
        return false;
    }

    boolean exerciseInClause(int start, int end) {
        int clauseEnd = end;
        while (clauseEnd < tokens.size() && !BOUNDARIES.contains(tokens.get(clauseEnd).norm())) {
            clauseEnd++;
        }
        return hasExercise(tokens.subList(clauses.clauseStart(start), clauseEnd));
    }

    /** Airstrikes, shelling, missiles: violence by the means of war, whoever it kills (CAMEO 19, not 18). */
    boolean weaponsOfWar() {
        for (int i = 0; i < tokens.size(); i++) {
            String norm = tokens.get(i).norm();
            if (WEAPONS_OF_WAR.contains(norm) || (norm.equals("strike") || norm.equals("strikes")) && i > 0
                    && (tokens.get(i - 1).norm().equals("air") || tokens.get(i - 1).norm().equals("drone"))) {
                return true;
            }
        }
        return false;
    }

    /** A verb of winning or losing a contest: with the words of sport in a story's lead, the story is a game's. */
    boolean contest() {
        for (Token token : tokens) {
            if (CONTEST.contains(token.norm())) {
                return true;
            }
        }
        return false;
    }

    /** A sentence about a game: a score ("3-0", "40–22") or the words of sport. */
    boolean sport() {
        if (sport == null) {
            sport = readsAsSport();
        }
        return sport;
    }

    private boolean readsAsSport() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String norm = token.norm();
            if (SPORT.contains(norm) && !token.capitalised() || SPORT_EVENTS.contains(norm) && token.capitalised()) {
                return true;
            }
            boolean score = startsWithDigit(norm) && (SCORE.matcher(norm).matches() || i + 2 < tokens.size()
                    && NUMBER.matcher(norm).matches() && (tokens.get(i + 1).norm().equals("-")
                    || tokens.get(i + 1).norm().equals("\u2013"))
                    && NUMBER.matcher(tokens.get(i + 2).norm()).matches());
            if (score && !nearMonth(i)) {
                return true; // "won 3-0", "40–22" (but not "on 27-28 February")
            }
        }
        return false;
    }

    /** Both score patterns open with a digit: most words are not tried against them at all. */
    private static boolean startsWithDigit(String norm) {
        return !norm.isEmpty() && norm.charAt(0) >= '0' && norm.charAt(0) <= '9';
    }

    private boolean nearMonth(int index) {
        for (int i = Math.max(0, index - 2); i < Math.min(tokens.size(), index + 5); i++) {
            if (MONTHS.contains(tokens.get(i).norm())) {
                return true;
            }
        }
        return false;
    }

    /** A sentence about an accident or a natural disaster. */
    boolean disaster() {
        for (Token token : tokens) {
            String norm = token.norm();
            if (DISASTER.contains(norm) || norm.startsWith("derail")) {
                return true;
            }
        }
        return false;
    }

    boolean againstCivilians() {
        for (Token token : tokens) {
            if (CIVILIAN.contains(token.norm())) {
                return true;
            }
        }
        return false;
    }

    boolean military() {
        for (Token token : tokens) {
            if (MILITARY.contains(token.norm())) {
                return true;
            }
        }
        return false;
    }

    boolean historical(int start, int end) {
        for (int i = clauses.clauseStart(start); i < start; i++) {
            String norm = tokens.get(i).norm();
            if (norm.startsWith("anniversar") || norm.startsWith("commemorat")) {
                return true; // "on the 25th anniversary of the end of the country's ban on …": history marked
            }
        }
        for (int i = Math.max(clauses.clauseStart(start), start - 5); i < Math.min(tokens.size(), end + 4); i++) {
            String norm = tokens.get(i).norm();
            if (i < start && HISTORY.contains(norm)) {
                return true;
            }
            if (norm.length() == 4 && (norm.startsWith("19") || norm.startsWith("20"))
                    && Character.isDigit(norm.charAt(2)) && Character.isDigit(norm.charAt(3))) {
                int year = Integer.parseInt(norm);
                boolean past = story.year == null || year < story.year;
                String before = i > 0 ? tokens.get(i - 1).norm() : "";
                boolean near = i < start || i >= end && i > 0 && (before.equals("in") || before.equals("during")
                        || i > 1 && (MONTHS.contains(before) || before.equals("the"))
                        && tokens.get(i - 2).norm().equals("in")); // "in August 1990", "in the 2024 …"
                if (past && near) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "announces that it will raise tariffs", "decided to withdraw its troops": a measure decided and announced for
     * later is that measure, not a promise or a threat of it.
     */
    boolean announcedDecision(int start) {
        for (int i = start - 1; i >= Math.max(0, start - 10); i--) {
            String norm = tokens.get(i).norm();
            if (READINESS.contains(norm)) {
                return false; // "announced that they are willing to forgive": an offer, not a decision
            }
            if (norm.startsWith("announc") || norm.startsWith("decid") || norm.equals("decision")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "a request to permanently ban …", "warned shipping companies not to deploy sailors": the content of a
     * request, demand or advice, not an act.
     */
    boolean requested(int start) {
        for (int i = start - 1; i >= Math.max(0, start - 3); i--) {
            if (tokens.get(i).norm().equals("to")) {
                for (int j = i - 1; j >= Math.max(0, i - 5); j--) {
                    String norm = tokens.get(j).norm();
                    if (j >= i - 3 && (REQUESTS.contains(norm) || NEGOTIATED.contains(norm))) {
                        return true; // "a request to ban …", "negotiations to deploy missiles"
                    }
                    if (ADVICE.contains(norm)) {
                        return true; // "advised its citizens to leave", "warns companies not to deploy"
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** Whether the tokens name an exercise or drill ("war games" too). */
    static boolean hasExercise(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String norm = tokens.get(i).norm();
            if (EXERCISE.contains(norm) || norm.equals("games") && i > 0 && tokens.get(i - 1).norm().equals("war")) {
                return true;
            }
        }
        return false;
    }
}
