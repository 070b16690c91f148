package io.wirewatch.nlp.stance;

import static io.wirewatch.nlp.stance.ClauseWords.*;
import static io.wirewatch.nlp.stance.EventWords.*;
import static io.wirewatch.nlp.stance.TopicWords.*;

import io.wirewatch.nlp.text.SayVerbs;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Signal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whom an act is aimed at: the addressee ("told Russia"), the first actor after the trigger that is not part of
 * what is refused, the possessor in a passive, the first actor before it, the party whose demand a refusal answers,
 * for a threat the target of the same source's last threat in the story, the story's most-mentioned other actor,
 * or, for acts within one country, that country.
 */
final class Targets {
    private final Story story;
    private final List<Token> tokens;
    private final List<ActorRef> actors;
    private final Clauses clauses;
    private final ActorMentions mentions;

    Targets(Story story, List<Token> tokens, List<ActorRef> actors, Clauses clauses, ActorMentions mentions) {
        this.story = story;
        this.tokens = tokens;
        this.actors = actors;
        this.clauses = clauses;
        this.mentions = mentions;
    }

    /** An actor after "in", "near", "outside"…: where something happens. */
    private boolean locative(int start) {
        return start > 0 && LOCATIVE.contains(tokens.get(start - 1).norm());
    }

    /**
     * The target: whom the sentence addresses ("told Russia", "responses to the Russians"), else the first actor
     * after the trigger (a possessive only when nothing else follows), else the first actor before it that is
     * not oblique, else — for statements — the story's most-mentioned other actor.
     */
    @Nullable String target(int start, int end, String source, boolean verbal, int fromList,
                                    String category) {
        for (ActorRef ref : actors) {
            if (ref.end() <= end && ref.addressee() && !ref.code().equals(source)) {
                return ref.code(); // "told Russia", "warned the United States on Tuesday that …"
            }
        }
        boolean passive = false;
        for (int i = Math.max(0, start - 1); i < end - 1; i++) {
            passive |= BE.contains(tokens.get(i).norm()); // "was rejected", "can be addressed"
        }
        if (passive) {
            int clause = clauses.clauseStart(start);
            for (ActorRef ref : actors) {
                if (ref.start() >= clause && ref.end() < start && ref.possessive()
                        && !ref.code().equals(source)) {
                    return ref.code(); // "some of Russia's concerns can be addressed": addressed to Russia
                }
            }
        }
        if (PHYSICAL.contains(category)) {
            // "fired missiles at bases in Iraq hosting US troops": where it happened is not whom it was done to
            // when the clause names someone else after the place
            boolean sawPlace = false;
            int clauseEnd = clauses.clauseEnd(end);
            for (ActorRef ref : actors) {
                if (ref.start() < end || ref.start() >= clauseEnd || ref.code().equals(source)) {
                    continue;
                }
                if (locative(ref.start())) {
                    sawPlace = true;
                } else if (sawPlace && !ref.possessive()) {
                    return ref.code();
                }
            }
        }
        ActorRef possessive = null;
        for (ActorRef ref : actors) {
            if (ref.start() < end || ref.code().equals(source) || ref.listHead() == fromList) {
                continue;
            }
            if (category.equals("REJECT") && refusedContent(end, ref)) {
                continue; // "refusing to consider changes to NATO's policy, its relationship with Ukraine"
            }
            if (ref.end() < tokens.size() && SayVerbs.isSayVerb(tokens.get(ref.end()).norm())) {
                continue; // "Russia and the US agreed to hold talks, officials said": who reports is no target
            }
            if (!ref.possessive()) {
                return ref.code();
            }
            if (possessive == null) {
                possessive = ref;
            }
        }
        if (possessive != null) {
            return possessive.code();
        }
        for (ActorRef ref : actors) {
            if (ref.end() <= start && !ref.oblique() && !ref.code().equals(source)) {
                return ref.code();
            }
        }
        if (category.equals("REJECT")) {
            Signal demand = story.lastOfCategory.get("DEMAND"); // a refusal answers the demand made of it
            if (demand != null && !source.equals(demand.getSource())
                    && (demand.getTarget() == null || source.equals(demand.getTarget()))) {
                return demand.getSource();
            }
        }
        Signal earlier = category.equals("THREATEN") ? story.lastOfCategory.get(category) : null;
        if (earlier != null && source.equals(earlier.getSource()) && earlier.getTarget() != null
                && !earlier.getTarget().equals(source)) {
            return earlier.getTarget(); // a quote that goes on with the lead's threat is aimed where it was
        }
        String other = verbal ? story.salientOther(source) : null;
        if (other != null) {
            return other;
        }
        String domestic = domesticTarget(end, source);
        return category.equals("MOBILIZE") && source.equals(domestic) ? null : domestic; // forces at home
    }

    /**
     * The target of an act within one country: the country of a place the act happens in when it is another
     * than the source's ("reimposed blockades in the West Bank, a military spokesman announced"), else an actor
     * of the source's own country after the trigger that is not the source's entity ("Museveni banned Ugandan
     * opposition candidates"), else the place's country ("imposed a curfew in the town of Cizre").
     */
    private @Nullable String domesticTarget(int end, String source) {
        String place = mentions.placeCountry();
        if (place != null && !place.equals(source)) {
            return place;
        }
        ActorRef subject = null;
        for (ActorRef ref : actors) {
            if (ref.code().equals(source)) {
                subject = subject == null ? ref : subject;
                if (ref.start() >= end && !ref.entity().getActorId().equals(subject.entity().getActorId())) {
                    return source;
                }
            }
        }
        return place;
    }

    /**
     * An actor inside what is refused rather than the party refused: the possessor of a thing that is not a
     * request a few words past the trigger ("refusing to consider changes to NATO's policy"), or an actor after
     * a preposition in a later item of a list of refused things ("…, its relationship with Ukraine"). The
     * owner of a request ("North Korea's consistent demand") and an actor after "from"/"by" stay targets.
     */
    private boolean refusedContent(int end, ActorRef ref) {
        if (ref.start() - end <= 3) {
            return false;
        }
        int before = ref.start() - 1;
        while (before > end && SKIP_BEFORE_ACTOR.contains(tokens.get(before).norm())) {
            before--;
        }
        String preposition = tokens.get(before).norm();
        if (preposition.equals("from") || preposition.equals("by")) {
            return false;
        }
        if (ref.possessive()) {
            for (int i = ref.end() + 1; i < Math.min(tokens.size(), ref.end() + 4); i++) {
                if (REQUESTS.contains(tokens.get(i).norm())) {
                    return false;
                }
            }
            return true;
        }
        if (ref.oblique()) {
            for (int i = end; i < ref.start(); i++) {
                if (tokens.get(i).norm().equals(",")) {
                    return true;
                }
            }
        }
        return false;
    }
}
