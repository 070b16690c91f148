package io.wirewatch.nlp.stance;

import static io.wirewatch.nlp.stance.ClauseWords.*;
import static io.wirewatch.nlp.stance.TopicWords.*;

import io.wirewatch.nlp.text.Spans;
import io.wirewatch.nlp.text.Token;
import java.util.Arrays;
import java.util.List;

/**
 * The clause structure of a sentence's tokens: the fronted adverbial that opens it with what happened before,
 * trailing background clauses and asides (relative and condition clauses set off by commas), where a clause starts
 * and ends, and the tests that need only word order (a word inside a name, a participle used as an adjective, a
 * noun naming another). Built once per sentence.
 */
final class Clauses {
    private final List<Token> tokens;
    /** Tokens before this index open the sentence with what happened before ("After the attack, …"). */
    final int backgroundEnd;
    /** Per token: inside a trailing clause of what happened before ("… resigns after weeks of protests"). */
    final boolean[] trailing;
    /** Per token: inside a relative clause set off by commas (", who denies …,"): not the sentence's main act. */
    final boolean[] aside;

    Clauses(List<Token> tokens) {
        this.tokens = tokens;
        this.backgroundEnd = frontedEnd();
        this.trailing = new boolean[tokens.size()];
        this.aside = new boolean[tokens.size()];
        markClauses();
    }

    /**
     * Marks the clauses that are not the sentence's own news. A trailing clause opened by "after", "following",
     * "amid", "despite", "due to", "because of", "in response to" or "in retaliation for" tells what happened
     * before (its acts are background, as in a fronted clause), up to a semicolon or a coordinated new clause.
     * A relative clause set off by a comma (", who denies …,", ", which …") is an aside to its noun, and an
     * if/unless clause is the condition of what the sentence says: both run to the next comma or semicolon.
     */
    private void markClauses() {
        for (int i = Math.max(1, backgroundEnd + 1); i < tokens.size(); i++) {
            String norm = tokens.get(i).norm();
            String previous = tokens.get(i - 1).norm();
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).norm() : "";
            boolean opens = TRAILING.contains(norm) && !DETERMINERS.contains(previous)
                    || (norm.equals("due") || norm.equals("because")) && (next.equals("to") || next.equals("of"))
                    || norm.equals("in") && (next.equals("response") || next.equals("retaliation"));
            if (opens) {
                boolean fronted = i <= backgroundEnd + 3; // "Shortly after Blinken's speech, NATO said …"
                int end = i + 1;
                while (end < tokens.size() && !tokens.get(end).norm().equals(";") && !(end + 1 < tokens.size()
                        && tokens.get(end).norm().equals(",")
                        && (fronted || RESUMING.contains(tokens.get(end + 1).norm())))) {
                    end++;
                }
                Arrays.fill(trailing, i, end, true);
                i = end;
            } else if ((norm.equals("if") || norm.equals("unless")) && !firstWord(i)
                    || norm.equals(",") && (next.equals("who") || next.equals("which") || next.equals("whose"))) {
                // "… will die tonight if Iran does not agree to a deal": the condition; ", who denies …,": an aside
                int end = i + 1;
                while (end < tokens.size() && !tokens.get(end).norm().equals(",")
                        && !tokens.get(end).norm().equals(";")) {
                    end++;
                }
                Arrays.fill(aside, i, end, true);
                i = end - 1;
            }
        }
    }

    boolean insideName(int start) {
        Token token = tokens.get(start);
        if (!token.capitalised() || token.allCaps() || firstWord(start)) {
            return false;
        }
        Token previous = start > 0 ? tokens.get(start - 1) : null;
        return previous == null || previous.word() || previous.norm().equals("-");
    }

    /** A past participle between an article or possessive and the noun it describes. */
    boolean adjectival(int start) {
        if (start == 0 || start + 1 >= tokens.size()) {
            return false;
        }
        String norm = tokens.get(start).norm();
        Token next = tokens.get(start + 1);
        return norm.endsWith("ed") && DETERMINERS.contains(tokens.get(start - 1).norm()) && next.word()
                && !PREPOSITIONS.contains(next.norm()) && !next.norm().equals("by");
    }

    /** The index after the last token of the clause from {@code from}: the next boundary, or the sentence end. */
    int clauseEnd(int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (BOUNDARIES.contains(tokens.get(i).norm())) {
                return i;
            }
        }
        return tokens.size();
    }

    /** A noun used to name another ("aid workers", "aid agency"): no act of its own. */
    boolean modifiesNoun(StanceRules.Match match) {
        return match.end() == match.start() + 1 && match.end() < tokens.size()
                && AID_WORDS.contains(tokens.get(match.start()).norm())
                && AID_MODIFIED.contains(tokens.get(match.end()).norm());
    }

    /**
     * The end (exclusive) of a fronted adverbial of time or circumstance that opens the sentence after any
     * dateline ("After the announcement of a ceasefire, …", "In the wake of Tuesday's attack, …"), else 0.
     */
    private int frontedEnd() {
        int first = 0;
        for (int i = 0; i < Math.min(tokens.size(), 14); i++) {
            String norm = tokens.get(i).norm();
            if (norm.equals("\u2013") || norm.equals("\u2014") || norm.equals("--")) {
                first = i + 1; // "KYIV, Ukraine (AP) – After …"
                break;
            }
        }
        if (first >= tokens.size()) {
            return 0;
        }
        String opener = tokens.get(first).norm();
        if (first + 2 < tokens.size() && SPANS_OF_TIME.contains(tokens.get(first + 1).norm())
                && FRONTED.contains(tokens.get(first + 2).norm())) {
            opener = tokens.get(first + 2).norm(); // "Thirty years after Iraqi troops invaded Kuwait, …"
        }
        boolean fronted = FRONTED.contains(opener) || opener.equals("in") && first + 2 < tokens.size()
                && tokens.get(first + 1).norm().equals("the") && tokens.get(first + 2).norm().equals("wake")
                || opener.equals("in") && first + 1 < tokens.size()
                && tokens.get(first + 1).norm().equals("response");
        if (!fronted) {
            return 0;
        }
        for (int i = first + 1; i < Math.min(tokens.size(), first + 25); i++) {
            if (tokens.get(i).norm().equals(",")) {
                return i;
            }
        }
        return 0;
    }

    boolean firstWord(int index) {
        for (int i = 0; i < index; i++) {
            if (tokens.get(i).word()) {
                return false;
            }
        }
        return true;
    }

    int clauseStart(int start) {
        for (int i = start - 1; i >= 0; i--) {
            if (BOUNDARIES.contains(tokens.get(i).norm())) {
                return i + 1;
            }
        }
        return 0;
    }

    int tokenAt(int offset) {
        return Spans.indexAt(tokens, offset, Token::start, Token::end);
    }
}
