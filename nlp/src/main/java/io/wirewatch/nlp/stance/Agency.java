package io.wirewatch.nlp.stance;

import io.wirewatch.nlp.text.Token;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who can act in a sentence when its clause's subject does not say: the actor a personal pronoun stands for, and
 * the roles no analyst can name, which never act.
 */
final class Agency {

    /** Roles with no country that cannot act as someone: civilians, unidentified forces. */
    private static final Set<String> NAMELESS_SOURCES = Set.of("CVL", "UAF");
    /** Words that make a government role with no country an institution that acts ("the Ministry of Defence"). */
    private static final Set<String> INSTITUTIONS = Set.of("ministry", "government", "cabinet", "presidency",
            "department", "council", "administration", "parliament", "office");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "we", "he", "she", "they");

    private final List<Token> tokens;
    private final Clauses clauses;
    private final List<ActorRef> actors;

    Agency(List<Token> tokens, Clauses clauses, List<ActorRef> actors) {
        this.tokens = tokens;
        this.clauses = clauses;
        this.actors = actors;
    }

    /**
     * The position of the personal pronoun that is the subject of the act at {@code start} and that nothing resolved
     * ("We look forward to …", "I congratulate …"), or -1: the actor after the verb is then the one acted upon,
     * never the one acting.
     */
    int pronounSubject(int start) {
        for (int i = start - 1; i >= Math.max(clauses.clauseStart(start), start - 4); i--) {
            if (SUBJECT_PRONOUNS.contains(tokens.get(i).norm())) {
                return i;
            }
        }
        return -1;
    }

    /** The last actor mention that ends before {@code position} and is not spoken to. */
    @Nullable ActorRef actorBefore(int position) {
        ActorRef last = null;
        for (ActorRef ref : actors) {
            if (ref.end() <= position && !ref.addressee()) {
                last = ref;
            }
        }
        return last;
    }

    /**
     * Whether a source is a role no analyst can name: civilians or unidentified forces, or a government role with
     * no country that is a person or a word rather than an institution ("Ambassador: Welcome, everybody", "the
     * nonproliferation regime"). Police, courts, soldiers, rebels and protesters with no country still act.
     */
    boolean nameless(String source, @Nullable ActorRef mention) {
        if (NAMELESS_SOURCES.contains(source)) {
            return true;
        }
        if (!source.equals("GOV")) {
            return false;
        }
        if (mention != null) {
            for (int i = mention.start(); i < mention.end(); i++) {
                if (INSTITUTIONS.contains(tokens.get(i).norm())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The first mention in the sentence of the actor coded {@code code}, if it has one. */
    @Nullable ActorRef mentionOf(@Nullable String code) {
        for (ActorRef ref : actors) {
            if (ref.code().equals(code)) {
                return ref;
            }
        }
        return null;
    }
}
