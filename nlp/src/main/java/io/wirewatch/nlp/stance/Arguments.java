package io.wirewatch.nlp.stance;

import static io.wirewatch.nlp.stance.ClauseWords.*;
import static io.wirewatch.nlp.stance.PatternStanceTagger.code;

import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.text.SayVerbs;
import io.wirewatch.nlp.text.Sentence;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who acts in a sentence: the subject of the trigger's clause, a pronoun's antecedent ("he", "it", "they" as a list
 * that acted together in an earlier sentence), an actor modifying the trigger ("Russian invasion"), the agent of a
 * passive ("was attacked by rebels"), the actor after "from", and the lists of actors that act together. Reads the
 * story's last list and records whether the last "they" was resolved to it.
 */
final class Arguments {
    private final Story story;
    private final Sentence sentence;
    private final List<Token> tokens;
    private final List<ActorRef> actors;
    private final @Nullable String previousSource;
    private final Clauses clauses;
    /** Whether the last "they" resolved to the list of actors that acted together in an earlier sentence. */
    boolean theyList;

    Arguments(Story story, Sentence sentence, List<Token> tokens, List<ActorRef> actors,
              @Nullable String previousSource, Clauses clauses) {
        this.story = story;
        this.sentence = sentence;
        this.tokens = tokens;
        this.actors = actors;
        this.previousSource = previousSource;
        this.clauses = clauses;
    }

    /** "were killed", "has been shelled", "was reportedly attacked": a participle after a form of "be". */
    boolean passiveVoice(int start) {
        String norm = tokens.get(start).norm();
        if (!(norm.endsWith("ed") || norm.endsWith("en") || norm.endsWith("wn") || norm.equals("shot")
                || norm.equals("hit") || norm.equals("struck") || norm.equals("fought"))) {
            return false;
        }
        for (int i = start - 1; i >= Math.max(0, start - 2); i--) {
            String before = tokens.get(i).norm();
            if (BE.contains(before)) {
                return true;
            }
            if (!before.endsWith("ly")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The agent of a passive: "by" an actor after a trigger that follows a form of "be" ("was attacked by
     * rebels") or after "be" and a participle ("retaliatory measures will be taken by Moscow"); not "calls by".
     */
    @Nullable ActorRef passiveAgent(int start, int end) {
        ActorRef by = byAgent(start, end);
        return by != null ? by : attackAgent(start, end);
    }

    /**
     * The actor of the attack a passive names as the means: "are killed in two army raids", "were killed in Chadian
     * airstrikes" (the actor before the attack noun), "killed in a drone strike by the RSF" (the actor after it).
     */
    private @Nullable ActorRef attackAgent(int start, int end) {
        if (!passiveVoice(start)) {
            return null;
        }
        for (int i = end; i < Math.min(tokens.size(), end + 3); i++) {
            String norm = tokens.get(i).norm();
            if (BOUNDARIES.contains(norm)) {
                return null;
            }
            if (!norm.equals("in") && !norm.equals("by")) {
                continue;
            }
            for (ActorRef ref : actors) {
                if (ref.start() > i && ref.start() <= i + 3 && ref.end() < tokens.size()
                        && ActorWords.ATTACKS.contains(tokens.get(ref.end()).norm())) {
                    return ref;
                }
            }
            for (int j = i + 1; j + 1 < Math.min(tokens.size(), i + 5); j++) {
                if (ActorWords.ATTACKS.contains(tokens.get(j).norm()) && tokens.get(j + 1).norm().equals("by")) {
                    for (ActorRef ref : actors) {
                        if (ref.start() > j + 1 && ref.start() <= j + 3) {
                            return actors.get(ref.listHead());
                        }
                    }
                }
            }
            return null;
        }
        return null;
    }

    private @Nullable ActorRef byAgent(int start, int end) {
        boolean passive = start > 0 && BE.contains(tokens.get(start - 1).norm())
                || start > 1 && BE.contains(tokens.get(start - 2).norm())
                && tokens.get(start - 1).norm().endsWith("ly");
        for (int i = end; i < Math.min(tokens.size(), end + 4); i++) {
            String norm = tokens.get(i).norm();
            if (BOUNDARIES.contains(norm)) {
                return null;
            }
            if (BE.contains(norm)) {
                passive = true;
            } else if (norm.equals("by") && passive) {
                for (ActorRef ref : actors) {
                    if (ref.start() > i && ref.start() <= i + 2) {
                        return actors.get(ref.listHead());
                    }
                }
                return null;
            }
        }
        return null;
    }

    boolean actorAfter(int end) {
        for (ActorRef ref : actors) {
            if (ref.start() >= end) {
                return true;
            }
        }
        return false;
    }

    /** Another member of the last list that acted together than {@code source}. */
    @Nullable String partner(String source) {
        for (String code : story.lastList) {
            if (!code.equals(source)) {
                return code;
            }
        }
        return null;
    }

    List<String> listCodes(ActorRef head) {
        List<String> codes = new ArrayList<>();
        for (ActorRef ref : actors) {
            if (ref.listHead() == head.listHead() && !codes.contains(ref.code())) {
                codes.add(ref.code());
            }
        }
        return codes;
    }

    boolean severalStates(int start) {
        ActorRef subject = subject(start);
        if (subject == null) {
            return false;
        }
        Set<String> codes = new java.util.HashSet<>();
        for (ActorRef ref : actors) {
            if (ref.listHead() == actors.indexOf(subject) || ref == subject) {
                codes.add(ref.code());
            }
        }
        return codes.size() >= 2;
    }

    /**
     * The subject of the clause the trigger is in: the first actor of the clause that is not oblique (after a
     * preposition), an addressee or a possessive; a clause starts after a comma or similar, or after "that"
     * when an actor follows it ("warned that Moscow would …"). Failing that, the first such actor of the
     * sentence before the trigger.
     */
    @Nullable ActorRef subject(int start) {
        int clause = subjectClauseStart(start);
        ActorRef inClause = firstSubject(clause, start);
        return inClause != null ? inClause : firstSubject(0, start);
    }

    @Nullable ActorRef clauseSubject(int start) {
        return firstSubject(subjectClauseStart(start), start);
    }

    /** Where the trigger's clause starts, or after a "that"/"whether" an actor follows ("warned that Moscow …"). */
    private int subjectClauseStart(int start) {
        int clause = clauses.clauseStart(start);
        for (int i = start - 1; i >= clause; i--) {
            String norm = tokens.get(i).norm();
            if ((norm.equals("that") || norm.equals("whether")) && actorBetween(i, start)) {
                clause = i + 1;
                break;
            }
        }
        return clause;
    }

    private boolean actorBetween(int from, int to) {
        for (ActorRef ref : actors) {
            if (ref.start() > from && ref.end() <= to) {
                return true;
            }
        }
        return false;
    }

    /** Only articles and capitalised words before {@code start} in the clause: a possessor opening it. */
    private boolean opensClause(int from, int start) {
        for (int i = from; i < start; i++) {
            Token token = tokens.get(i);
            String norm = token.norm();
            if (!(norm.equals("the") || norm.equals("a") || norm.equals("an") || token.capitalised()
                    || !token.word())) {
                return false;
            }
        }
        return true;
    }

    private @Nullable ActorRef firstSubject(int from, int to) {
        for (ActorRef ref : actors) {
            if (ref.end() > to) {
                break;
            }
            if (ref.start() >= from && !ref.oblique() && !ref.addressee()
                    && (!ref.possessive() || opensClause(from, ref.start()))) {
                return actors.get(ref.listHead()); // "Poland’s parliament has demanded": the possessor acts
            }
        }
        return null;
    }

    @Nullable String subjectCode(int start, @Nullable ActorRef subject, @Nullable Entity speaker,
                                         boolean quoted) {
        // a pronoun right before the trigger outranks an actor further back
        for (int i = start - 1, seen = 0; i >= 0 && seen < 5; i--, seen++) {
            Token token = tokens.get(i);
            String norm = token.norm();
            if (subject != null && subject.end() > i) {
                break;
            }
            if (BOUNDARIES.contains(norm) && !norm.equals(",")) {
                break;
            }
            switch (norm) {
                case "we", "i" -> {
                    return quoted && speaker != null ? code(speaker) : null;
                }
                case "he", "she" -> {
                    Entity who = story.pronouns.antecedent(token.start(), token.text());
                    return who == null ? null : code(who);
                }
                case "it" -> {
                    ActorRef head = firstSubjectBefore(i);
                    if (head != null && head.entity().getType() != EntityType.PERSON && !plural(head)) {
                        return head.code();
                    }
                    for (int a = actors.size() - 1; a >= 0; a--) {
                        ActorRef ref = actors.get(a);
                        if (ref.end() <= i && ref.entity().getType() != EntityType.PERSON && !plural(ref)) {
                            return ref.code();
                        }
                    }
                    return previousSource;
                }
                case "they", "parties", "sides" -> {
                    if (!norm.equals("they") && !(i > 0 && (tokens.get(i - 1).norm().equals("the")
                            || tokens.get(i - 1).norm().equals("both")))) {
                        continue;
                    }
                    ActorRef head = norm.equals("they") ? firstSubjectBefore(i) : null;
                    if (head != null) {
                        return head.code();
                    }
                    if (!story.lastList.isEmpty() && story.lastListParagraph >= sentence.paragraph() - 1) {
                        theyList = true; // "Russia, Ukraine, France and Germany met … they promised"
                        return story.lastList.get(0);
                    }
                    if (!norm.equals("they")) {
                        continue; // "the parties" with no list before: the clause subject decides
                    }
                    return previousSource;
                }
                default -> {
                }
            }
        }
        return subject == null ? null : subject.code();
    }

    private @Nullable ActorRef firstSubjectBefore(int index) {
        for (ActorRef ref : actors) {
            if (ref.end() > index) {
                return null;
            }
            if (!ref.oblique() && !ref.addressee()) {
                return actors.get(ref.listHead());
            }
        }
        return null;
    }

    /** An actor right before the trigger, as its modifier or possessor ("Russian invasion", "Russia’s"). */
    @Nullable ActorRef modifier(int start) {
        String trigger = tokens.get(start).norm();
        boolean nominal = trigger.endsWith("ion") || trigger.endsWith("ions") || trigger.endsWith("als")
                || trigger.endsWith("ment") || trigger.endsWith("ments") || trigger.endsWith("ure")
                || trigger.endsWith("ures");
        for (ActorRef ref : actors) {
            if (ref.end() == start - 1 && ref.possessive()) {
                return ref;
            }
            if (ref.end() == start && (ref.entity().getType() == EntityType.NORP
                    || nominal && tokens.get(ref.end() - 1).allCaps())) {
                return ref;
            }
        }
        return null;
    }

    /**
     * Whether the actor is people named by a plural role ("officials", "police", "gunmen"), which "it" never
     * stands for: in "Officials said it killed nine people" it is the blast.
     */
    private static boolean plural(ActorRef ref) {
        String text = ref.entity().getText().toLowerCase(java.util.Locale.ROOT);
        return ActorKb.isAgentSector(ref.entity().getSector()) && !text.contains(" ")
                && (text.endsWith("s") && !text.endsWith("ss") || text.endsWith("men") || text.equals("police"));
    }

    /** An actor right before a verb of saying, or right after one that follows a comma (", police said"). */
    private boolean reporter(ActorRef ref) {
        if (ref.end() < tokens.size() && SayVerbs.isSayVerb(tokens.get(ref.end()).norm())) {
            return true;
        }
        return ref.start() >= 2 && SayVerbs.isSayVerb(tokens.get(ref.start() - 1).norm())
                && tokens.get(ref.start() - 2).norm().equals(",");
    }

    /** "no concessions from the United States": the actor after "from". */
    @Nullable ActorRef fromActor(int end) {
        int i = end;
        if (i < tokens.size() && tokens.get(i).norm().equals("from")) {
            for (ActorRef ref : actors) {
                if (ref.start() > i && ref.start() <= i + 2) {
                    return ref;
                }
            }
        }
        return null;
    }

    /**
     * Any actor of the sentence, before the trigger first, never the one spoken to nor the one who only reports
     * ("Officials said it killed nine people": the officials tell of the killing, they did not kill).
     */
    @Nullable String anyActor(int start) {
        for (ActorRef ref : actors) {
            if (ref.end() <= start && !ref.addressee() && !reporter(ref)) {
                return ref.code();
            }
        }
        for (ActorRef ref : actors) {
            if (ref.start() >= start && !ref.addressee() && !reporter(ref)) {
                return ref.code(); // never the one spoken to: "I call on the servicemen of X" is not X's call
            }
        }
        return null;
    }
}
