package io.wirewatch.nlp.stance;

import io.wirewatch.nlp.text.PartOfSpeech;
import io.wirewatch.nlp.text.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part-of-speech gate: a match whose rule asks for a verb counts only where the sentence uses the word as one
 * ("declined to comment", not "a sharp decline"; not a participle describing a noun, "the document submitted by
 * Blinken"), tagging only the stretch around such words.
 */
final class PartOfSpeechGate {
    /** Words either side of a dictionary verb that the part-of-speech tagger sees. */
    private static final int POS_CONTEXT = 5;
    private final List<Token> tokens;
    private final PartOfSpeech partOfSpeech;
    /** The last stretch tagged and its tags (by token of the sentence): a second call on it tags nothing again. */
    private int taggedFrom = -1;
    private int taggedTo = -1;
    private String[] tagged = new String[0];

    PartOfSpeechGate(List<Token> tokens, PartOfSpeech partOfSpeech) {
        this.tokens = tokens;
        this.partOfSpeech = partOfSpeech;
    }

    /**
     * The matches whose rule asks for a verb, kept only where the sentence uses the word as one ("declined to
     * comment", not "a sharp decline"; not "Serb forces", "ousted president", "the border patrol"); the others as
     * they are. Tags are computed for the stretch around those words only (five words either side): a word's tag
     * depends on its neighbours, and tagging whole long sentences would cost more than the rest of enrichment.
     */
    List<StanceRules.Match> verbsOnly(List<StanceRules.Match> matches) {
        int from = tokens.size();
        int to = 0;
        for (StanceRules.Match match : matches) {
            if (match.rule().verb()) {
                from = Math.min(from, Math.max(0, match.start() - POS_CONTEXT));
                to = Math.max(to, Math.min(tokens.size(), match.start() + POS_CONTEXT + 1));
            }
        }
        if (from >= to) {
            return matches;
        }
        String[] tags = tags(from, to);
        List<StanceRules.Match> used = new ArrayList<>(matches.size());
        for (StanceRules.Match match : matches) {
            if (match.rule().verb() && (!tags[match.start()].equals("VERB")
                    || reducedRelative(match.start(), tags))) {
                continue; // a participle describing a noun: "the document submitted by Blinken"
            }
            used.add(match);
        }
        return used;
    }

    /** Tags for tokens {@code [from, to)} as the tagger gives them for that stretch alone; "" elsewhere. */
    private String[] tags(int from, int to) {
        if (from != taggedFrom || to != taggedTo) {
            String[] tags = new String[tokens.size()];
            Arrays.fill(tags, "");
            String[] window = partOfSpeech.tag(tokens.subList(from, to));
            System.arraycopy(window, 0, tags, from, window.length);
            taggedFrom = from;
            taggedTo = to;
            tagged = tags;
        }
        return tagged;
    }

    /** Whether a hand-written rule that codes nothing ("releases the results") covers the match's first word. */
    static boolean coveredByNone(StanceRules.Match match, List<StanceRules.Match> handWritten) {
        for (StanceRules.Match hand : handWritten) {
            if (hand.rule().category().equals(StanceRules.NONE) && hand.start() <= match.start()
                    && match.start() < hand.end()) {
                return true;
            }
        }
        return false;
    }

    /** A participle right after a noun and before "by": a reduced relative clause, not the sentence's act. */
    private boolean reducedRelative(int index, String[] tags) {
        String norm = tokens.get(index).norm();
        return index > 0 && index + 1 < tokens.size() && (norm.endsWith("ed") || norm.endsWith("en"))
                && (tags[index - 1].equals("NOUN") || tags[index - 1].equals("PROPN"))
                && tokens.get(index + 1).norm().equals("by");
    }
}
