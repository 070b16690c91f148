package io.wirewatch.nlp.stance;

import static io.wirewatch.nlp.stance.ActorWords.*;
import static io.wirewatch.nlp.stance.ClauseWords.*;
import static io.wirewatch.nlp.stance.PatternStanceTagger.code;

import io.wirewatch.nlp.entity.Coreference;
import io.wirewatch.nlp.entity.Entities;
import io.wirewatch.nlp.text.SayVerbs;
import io.wirewatch.nlp.text.Sentence;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Entity;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The actors a sentence mentions, in order, each with its token span and grammatical hints (after a preposition,
 * addressed, possessive, the head of the list it belongs to), the country of a place it names, and the speaker who
 * reports it ("Blinken said …", "…, said Kremlin envoy Dmitry Kozak").
 */
final class ActorMentions {
    private final Story story;
    private final Sentence sentence;
    private final List<Token> tokens;
    private final Clauses clauses;
    final List<ActorRef> actors = new ArrayList<>();

    ActorMentions(Story story, Sentence sentence, List<Token> tokens, Clauses clauses) {
        this.story = story;
        this.sentence = sentence;
        this.tokens = tokens;
        this.clauses = clauses;
        collectActors();
    }

    /**
     * Whether the actor whose preceding word is at {@code before} is the one called upon: "called on Russia",
     * "calls upon the servicemen of the Ukrainian armed forces".
     */
    private boolean calledOn(int before) {
        for (int i = before; i >= Math.max(1, before - 4); i--) {
            String norm = tokens.get(i).norm();
            if (BOUNDARIES.contains(norm)) {
                return false;
            }
            if ((norm.equals("on") || norm.equals("upon")) && tokens.get(i - 1).norm().startsWith("call")) {
                return true;
            }
        }
        return false;
    }

    private void collectActors() {
        List<Entity> entities = story.entities;
        int first = Entities.firstAtOrAfter(entities, sentence.start());
        ActorRef previous = null;
        for (int e = first; e < entities.size() && entities.get(e).getStart() < sentence.end(); e++) {
            Entity entity = entities.get(e);
            String code = code(entity);
            if (code == null) {
                continue;
            }
            int start = clauses.tokenAt(entity.getStart());
            int end = Math.max(start + 1, clauses.tokenAt(entity.getEnd() - 1) + 1);
            if (start < 0) {
                continue;
            }
            boolean possessive = end < tokens.size() && tokens.get(end).norm().equals("'s");
            int before = start - 1;
            while (before >= 0 && SKIP_BEFORE_ACTOR.contains(tokens.get(before).norm())) {
                before--;
            }
            boolean coordinated = previous != null && coordinated(previous.end(), start);
            boolean oblique;
            boolean addressee;
            int head = actors.size();
            if (coordinated) {
                oblique = previous.oblique();
                addressee = previous.addressee();
                head = previous.listHead();
            } else {
                String prev = before >= 0 ? tokens.get(before).norm() : "";
                String prevPrev = before >= 1 ? tokens.get(before - 1).norm() : "";
                addressee = ADDRESSING_VERBS.contains(prev)
                        || prev.equals("to") && ADDRESSING_NOUNS.contains(prevPrev)
                        || calledOn(before);
                oblique = PREPOSITIONS.contains(prev) && !(prev.equals("of") && PEOPLE.contains(prevPrev));
            }
            if (start == end - 1 && start < tokens.size() && tokens.get(start).text().indexOf('-') > 0
                    && previous != null && previous.start() == start) {
                oblique = previous.oblique(); // "US-NATO": parts of one token act together
                head = previous.listHead();
            }
            ActorRef ref = new ActorRef(entity, code, start, end, oblique, addressee, possessive, head);
            actors.add(ref);
            previous = ref;
        }
    }

    private boolean coordinated(int previousEnd, int start) {
        if (start <= previousEnd) {
            return start == previousEnd - 1 || start == previousEnd;
        }
        boolean conjunction = false;
        boolean article = false;
        for (int i = previousEnd; i < start; i++) {
            String norm = tokens.get(i).norm();
            if (norm.equals("and") || norm.equals("or")) {
                conjunction = true;
            } else if (norm.equals("the")) {
                article = true;
            } else if (!(norm.equals(",") || norm.equals("'s"))) {
                return false;
            }
        }
        return conjunction || !article; // "to the Russians, the United States …" is not a list
    }

    @Nullable String placeCountry() {
        List<Entity> entities = story.entities;
        for (int e = Entities.firstAtOrAfter(entities, sentence.start());
             e < entities.size() && entities.get(e).getStart() < sentence.end(); e++) {
            Entity entity = entities.get(e);
            boolean dateline = entity.getStart() - sentence.start() < 3 && !entity.getText().isEmpty()
                    && entity.getText().equals(entity.getText().toUpperCase(java.util.Locale.ROOT));
            if ("place".equals(entity.getSector()) && entity.getCountry() != null && !dateline) {
                return entity.getCountry();
            }
        }
        return null;
    }

    /** "Blinken said …", "… , he said", "said Kremlin envoy Dmitry Kozak": who reports this sentence. */
    @Nullable Entity reportedSpeaker() {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!SayVerbs.isSayVerb(token.norm()) || story.quoteAt(token.start()) != null) {
                continue;
            }
            for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                Token before = tokens.get(j);
                if (Coreference.isPersonalPronoun(before.norm())) {
                    return story.pronouns.antecedent(before.start(), before.text());
                }
                Entity named = Entities.endingAt(story.entities, before.end());
                if (named != null && code(named) != null) {
                    return named;
                }
                if (!before.word()) {
                    break;
                }
            }
            String previous = i > 0 ? tokens.get(i - 1).norm() : "";
            if (i > 0 && !previous.equals(",") && tokens.get(i - 1).word()) {
                continue; // the speaker follows its verb only in inversion (", said Blinken"); "warned India"
            }              // and "threatened to strike India" name whom the words are for
            for (int j = i + 1; j < Math.min(tokens.size(), i + 7); j++) {
                Entity named = Entities.startingAt(story.entities, tokens.get(j).start());
                if (named != null && code(named) != null) {
                    return named;
                }
            }
        }
        return null;
    }
}
