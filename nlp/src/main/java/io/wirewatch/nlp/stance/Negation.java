package io.wirewatch.nlp.stance;

import static io.wirewatch.nlp.stance.ClauseWords.*;
import static io.wirewatch.nlp.stance.EventWords.*;

import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Modality;
import java.util.List;

/**
 * Negation, refusal and denial around a trigger: the negating word shortly before it in the same clause, whether
 * that negation is a refusal by the actor ("will not", "refused to") rather than a report that something did not
 * happen, whether the trigger is denied or called false ("denied reports that …", "… were lies"), and whether it is
 * only what an accusation says of its target ("accused X of V-ing").
 */
final class Negation {
    private final List<Token> tokens;

    Negation(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * The candidate a match becomes once negation is read: a negated co-operative act refused by its actor becomes
     * a rejection ("will not withdraw"), another negated act keeps its category as negated.
     */
    Candidate candidate(StanceRules.Match match) {
        StanceRule rule = match.rule();
        if (rule.carriesNegation()) {
            return new Candidate(match, rule.category(), rule.cameo(), rule.id(), match.start(), null);
        }
        int negator = negator(match.start());
        if (negator < 0) {
            return new Candidate(match, rule.category(), rule.cameo(), rule.id(), match.start(), null);
        }
        String flipCategory = rule.flipCategory() != null ? rule.flipCategory()
                : REFUSED.containsKey(rule.category()) ? "REJECT" : null;
        if (flipCategory != null && volitional(negator)) {
            String flipCameo = rule.flipCameo() != null ? rule.flipCameo() : REFUSED.get(rule.category());
            return new Candidate(match, flipCategory, flipCameo, rule.id() + "+refused", negator, null);
        }
        return new Candidate(match, rule.category(), rule.cameo(), rule.id(), match.start(), Modality.NEGATED);
    }

    /**
     * Index of a negating token shortly before {@code start} in the same clause, or -1. A negated verb governs
     * its infinitive: "would not be deployed to fight", "has no intention to attack" (but "would not hesitate to
     * strike" is no negation of the strike).
     */
    int negator(int start) {
        boolean governorSkipped = false;
        for (int i = start - 1, seen = 0; i >= 0 && seen < 6; i--, seen++) {
            Token token = tokens.get(i);
            String norm = token.norm();
            if (isNegation(i)) {
                return i;
            }
            if (BOUNDARIES.contains(norm)) {
                return -1;
            }
            if (!FILLERS.contains(norm)) {
                boolean governsInfinitive = i + 1 < start && tokens.get(i + 1).norm().equals("to")
                        && token.word() && !norm.startsWith("hesitat");
                if (governorSkipped || !governsInfinitive) {
                    return -1;
                }
                governorSkipped = true;
            }
        }
        return -1;
    }

    /** Whether {@code start} lies in what an accusation says of its target: "accused X of V-ing", "blamed X for". */
    boolean alleged(int start) {
        for (int i = start - 1; i >= Math.max(0, start - 8); i--) {
            String norm = tokens.get(i).norm();
            if (BOUNDARIES.contains(norm)) {
                return false;
            }
            if (norm.equals("of") || norm.equals("for")) {
                for (int j = i - 1; j >= Math.max(0, i - 5); j--) {
                    String verb = tokens.get(j).norm();
                    if (BOUNDARIES.contains(verb)) {
                        return false;
                    }
                    for (String stem : ACCUSING) {
                        if (verb.startsWith(stem)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private boolean isNegation(int i) {
        String norm = tokens.get(i).norm();
        for (String stem : CALLING_OFF) {
            if (norm.startsWith(stem)) {
                for (int j = i + 1; j < Math.min(tokens.size(), i + 4); j++) {
                    if (PLANS.contains(tokens.get(j).norm())) {
                        return true; // "will suspend its plans to annex", "shelved a plan to invade"
                    }
                }
            }
        }
        if (norm.equals("not") || norm.endsWith("n't") || norm.equals("never") || norm.equals("no")
                || norm.equals("cannot") || norm.equals("nor") || norm.equals("without")
                || norm.startsWith("refus") || norm.startsWith("declin") || norm.startsWith("reject")
                || norm.equals("failed") || norm.equals("fail") || norm.equals("fails")) {
            return true;
        }
        return norm.equals("out") && i > 0 && tokens.get(i - 1).norm().startsWith("rul");
    }

    /** "will not", "cannot", "never", "no", "refused to": a refusal, not a report that something did not happen. */
    boolean volitional(int negator) {
        String norm = tokens.get(negator).norm();
        for (int i = negator + 1; i < Math.min(tokens.size(), negator + 3); i++) {
            if (WILL.contains(tokens.get(i).norm())) {
                return true; // "is not seeking a ceasefire", "does not want to negotiate"
            }
        }
        if (norm.equals("not") || norm.equals("n't")) {
            for (int i = negator - 1; i >= Math.max(0, negator - 3); i--) {
                if (MODALS_BEFORE_NOT.contains(tokens.get(i).norm())) {
                    return true;
                }
            }
            return false;
        }
        if (norm.endsWith("n't")) {
            return norm.startsWith("won") || norm.startsWith("can") || norm.startsWith("wouldn")
                    || norm.startsWith("shan") || norm.startsWith("mustn");
        }
        return !norm.equals("without") && !norm.equals("nor");
    }

    boolean denied(int start) {
        for (int i = start - 1, seen = 0; i >= 0 && seen < 9; i--, seen++) {
            String norm = tokens.get(i).norm();
            if (DENIALS.contains(norm)) {
                return true;
            }
            if (CLAIMS.contains(norm) && i > 0) {
                for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                    String verb = tokens.get(j).norm();
                    if (verb.startsWith("reject") || verb.startsWith("dismiss") || DENIALS.contains(verb)) {
                        return true;
                    }
                }
                if (calledFalse(start)) {
                    return true; // "said reports that Turkish artillery had hit homes were lies"
                }
            }
            if (norm.equals(";") || norm.equals(".") || norm.equals("but")) {
                return false;
            }
        }
        return false;
    }

    /** Whether the claim holding {@code start} is then called false: "… were lies", "… is baseless". */
    private boolean calledFalse(int start) {
        for (int i = start + 1; i < Math.min(tokens.size(), start + 14); i++) {
            String norm = tokens.get(i).norm();
            if (BE.contains(norm) && i + 1 < tokens.size()) {
                for (int j = i + 1; j < Math.min(tokens.size(), i + 4); j++) {
                    if (FALSEHOOD.contains(tokens.get(j).norm())) {
                        return true;
                    }
                }
            }
            if (norm.equals(";") || norm.equals(".")) {
                return false;
            }
        }
        return false;
    }
}
