package io.wirewatch.nlp.entity;

import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.NameSpan;
import io.wirewatch.nlp.text.Sentence;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole entity stage (knowledge base, name finder, resolution) seen as a {@link NameFinder}, so it can be
 * scored on CoNLL files like the statistical finder alone. Types map onto CoNLL's: PERSON → PER, ORG → ORG,
 * GPE and LOC → LOC, NORP and OTHER → MISC. An actor phrase opened by a name ("Iraqi troops") counts as that name
 * ("Iraqi", NORP → MISC), as CoNLL marks it. Tokens are joined by single spaces (none before a possessive
 * "'s") into one sentence.
 */
public final class EntityStageNames implements NameFinder {

    private final EntityTagger tagger;

    public EntityStageNames(EntityTagger tagger) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
    }

    @Override
    public List<NameSpan> find(List<String> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder();
        int[] starts = new int[tokens.size()];
        int[] ends = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && !isPossessive(tokens.get(i))) {
                text.append(' '); // but "Lord 's" is written "Lord's", as in the stories the stage reads
            }
            starts[i] = text.length();
            text.append(tokens.get(i));
            ends[i] = text.length();
        }
        String body = text.toString();
        TextDocument document = new TextDocument("", body, List.of(0),
                List.of(new Sentence(0, 0, 0, body.length(), body)), null);
        List<NameSpan> spans = new ArrayList<>();
        int lastEnd = 0;
        for (Entity entity : tagger.tag(document)) {
            int first = tokenStartingAt(starts, entity.getStart());
            boolean named = entity.getNameEnd() != null && entity.getNameType() != null;
            int last = tokenEndingAt(ends, named ? entity.getNameEnd() : entity.getEnd());
            if (first < 0 || last < first || first < lastEnd) {
                continue; // not on token boundaries, or overlapping an earlier name
            }
            spans.add(new NameSpan(first, last + 1, conllType(named ? entity.getNameType() : entity.getType())));
            lastEnd = last + 1;
        }
        return spans;
    }

    private static boolean isPossessive(String token) {
        return token.length() == 2 && (token.charAt(0) == '\'' || token.charAt(0) == '\u2019')
                && (token.charAt(1) == 's' || token.charAt(1) == 'S');
    }

    private static int tokenStartingAt(int[] starts, int offset) {
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] == offset) {
                return i;
            }
        }
        return -1;
    }

    private static int tokenEndingAt(int[] ends, int offset) {
        for (int i = 0; i < ends.length; i++) {
            if (ends[i] == offset) {
                return i;
            }
        }
        return -1;
    }

    static String conllType(EntityType type) {
        return switch (type) {
            case PERSON -> "PER";
            case ORG -> "ORG";
            case GPE, LOC -> "LOC";
            case NORP, OTHER -> "MISC";
        };
    }
}
