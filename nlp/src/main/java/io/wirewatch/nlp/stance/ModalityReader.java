package io.wirewatch.nlp.stance;

import static io.wirewatch.nlp.stance.ClauseWords.*;
import static io.wirewatch.nlp.stance.EventWords.*;

import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Modality;
import java.util.List;

/**
 * The modality of a trigger read from its sentence: denied, asked (a question), conditional, speculative, intended
 * (future) or asserted, and whether a threat's condition is stated ("unless", "or else").
 */
final class ModalityReader {
    private final List<Token> tokens;
    private final Clauses clauses;
    private final Negation negation;

    ModalityReader(List<Token> tokens, Clauses clauses, Negation negation) {
        this.tokens = tokens;
        this.clauses = clauses;
        this.negation = negation;
    }

    Modality modality(int start, String category, StanceRule rule) {
        if (negation.denied(start)) {
            return Modality.DENIED;
        }
        if (question()) {
            return Modality.SPECULATIVE; // "Would China invade Taiwan if …?": asked, not said
        }
        if (conditional(start, category)) {
            return Modality.CONDITIONAL;
        }
        if (speculative(start, rule)) {
            return Modality.SPECULATIVE;
        }
        if (!ASSERTIVE.contains(category) && intended(start)) {
            return Modality.FUTURE;
        }
        return Modality.ASSERTED;
    }

    private boolean conditional(int start, String category) {
        for (int i = 0; i < tokens.size(); i++) {
            String norm = tokens.get(i).norm();
            if (CONDITIONS.contains(norm)) {
                return true;
            }
            if (norm.equals("should") && clauses.firstWord(i)) {
                return true;
            }
            if ((norm.equals("case") || norm.equals("event")) && i >= 2 && tokens.get(i - 2).norm().equals("in")) {
                return true;
            }
            if (norm.equals("long") && i >= 1 && i + 1 < tokens.size() && tokens.get(i - 1).norm().equals("as")
                    && tokens.get(i + 1).norm().equals("as")) {
                return true;
            }
        }
        boolean hypothetical = category.equals("THREATEN") || category.equals("ASSAULT");
        if (hypothetical) {
            boolean any = false;
            for (int i = clauses.clauseStart(start); i < start; i++) {
                String norm = tokens.get(i).norm();
                if (norm.equals("any")) {
                    any = true;
                }
                if (norm.equals("would") && (any || category.equals("THREATEN"))) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean threatCondition() {
        for (int i = 0; i < tokens.size(); i++) {
            String norm = tokens.get(i).norm();
            if (THREAT_CONDITIONS.contains(norm)
                    || norm.equals("else") && i > 0 && tokens.get(i - 1).norm().equals("or")) {
                return true;
            }
        }
        return false;
    }

    private boolean question() {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String norm = tokens.get(i).norm();
            if (norm.equals("?")) {
                return true;
            }
            if (Character.isLetterOrDigit(norm.charAt(0))) {
                return false;
            }
        }
        return false;
    }

    private boolean speculative(int start, StanceRule rule) {
        int from = Math.max(clauses.clauseStart(start), start - 12);
        for (int i = from; i < start; i++) {
            String norm = tokens.get(i).norm();
            if (SPECULATION.contains(norm)) {
                return true;
            }
        }
        for (int i = Math.max(1, start - 4); i < start; i++) {
            if (tokens.get(i).norm().equals("of") && CLAIMS.contains(tokens.get(i - 1).norm())) {
                return true; // "reports of an imminent invasion": reported, not established
            }
        }
        if (rule.force()) {
            for (int i = Math.max(0, start - 2); i < start; i++) {
                String norm = tokens.get(i).norm();
                if (norm.equals("any") || norm.equals("such") || norm.equals("possible")
                        || norm.equals("future") || norm.equals("new")) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean intended(int start) {
        for (int i = Math.max(clauses.clauseStart(start), start - 6); i < start; i++) {
            if (INTENT.contains(tokens.get(i).norm())) {
                return true;
            }
        }
        return false;
    }
}
