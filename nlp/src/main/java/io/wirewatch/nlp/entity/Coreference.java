package io.wirewatch.nlp.entity;

import io.wirewatch.nlp.kb.Actor;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.text.SayVerbs;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.nlp.text.Tokenizer;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Within-story coreference for "he" and "she": the antecedent is the most recent named person who spoke (the
 * subject of "said", or the speaker of a quote) within the last few paragraphs, of a matching gender where the
 * knowledge base knows it; failing that, the most recent person not in a possessive ("Blinken’s speech") or after
 * "like"/"with". Surnames after a full name are resolved by {@link ActorTagger} itself.
 */
public final class Coreference {

    private static final int PARAGRAPH_WINDOW = 4;

    private final ActorKb kb;

    public Coreference(ActorKb kb) {
        this.kb = Objects.requireNonNull(kb, "kb");
    }

    /** True for the pronouns this resolves. */
    public static boolean isPersonalPronoun(String norm) {
        return norm.equals("he") || norm.equals("she");
    }

    /**
     * The person that the pronoun at {@code offset} refers to, or null.
     *
     * @param entities the document's entities, in text order
     */
    public @Nullable Entity antecedent(TextDocument document, List<Entity> entities, int offset, String pronoun) {
        return forDocument(document, entities).antecedent(offset, pronoun);
    }

    /** A resolver for one document that remembers which persons spoke, for many pronouns. Not thread-safe. */
    public Resolver forDocument(TextDocument document, List<Entity> entities) {
        return new Resolver(document, entities);
    }

    /** Resolves the pronouns of one document. */
    public final class Resolver {
        private final TextDocument document;
        private final List<Entity> entities;
        private final byte[] speaker;

        private Resolver(TextDocument document, List<Entity> entities) {
            this.document = document;
            this.entities = entities;
            this.speaker = new byte[entities.size()];
        }

        /** The person that the pronoun at {@code offset} refers to, or null. */
        public @Nullable Entity antecedent(int offset, String pronoun) {
            String gender = Token.normalise(pronoun).equals("she") ? "f" : "m";
            int paragraph = document.paragraphAt(offset);
            Entity fallback = null;
            for (int i = Entities.firstAtOrAfter(entities, offset) - 1; i >= 0; i--) {
                Entity entity = entities.get(i);
                if (document.paragraphAt(entity.getStart()) < paragraph - PARAGRAPH_WINDOW) {
                    break;
                }
                if (entity.getType() != EntityType.PERSON || !genderAgrees(entity, gender)) {
                    continue;
                }
                if (speaker[i] == 0) {
                    speaker[i] = (byte) (isSpeaker(document, entity) ? 1 : 2);
                }
                if (speaker[i] == 1) {
                    return entity;
                }
                if (fallback == null && !isOblique(document, entity)) {
                    fallback = entity;
                }
            }
            return fallback;
        }
    }

    private boolean genderAgrees(Entity entity, String gender) {
        if (entity.getActorId() == null) {
            return true;
        }
        Optional<Actor> actor = kb.actor(entity.getActorId());
        return actor.map(a -> a.gender() == null || a.gender().equals(gender)).orElse(true);
    }

    /** "Blinken said", "Stoltenberg also said", "said Secretary of State Anthony Blinken", "Blinken: …". */
    static boolean isSpeaker(TextDocument document, Entity entity) {
        String text = document.text();
        List<Token> after = Tokenizer.tokenize(text, entity.getEnd(), Math.min(text.length(), entity.getEnd() + 40));
        for (int i = 0; i < Math.min(3, after.size()); i++) {
            Token token = after.get(i);
            if (SayVerbs.isSayVerb(token.norm())) {
                return true;
            }
            if (!token.word()) {
                break;
            }
        }
        int from = Math.max(0, entity.getStart() - 60);
        List<Token> before = Tokenizer.tokenize(text, from, entity.getStart());
        for (int i = before.size() - 1, seen = 0; i >= 0 && seen < 7; i--, seen++) {
            Token token = before.get(i);
            if (SayVerbs.isSayVerb(token.norm())) {
                return true;
            }
            if (!token.word() || token.norm().equals("by") || token.norm().equals("with")) {
                return false;
            }
        }
        return false;
    }

    /** "Blinken’s speech", "like Blinken", "with Lavrov": not the subject of what follows. */
    private static boolean isOblique(TextDocument document, Entity entity) {
        String text = document.text();
        List<Token> after = Tokenizer.tokenize(text, entity.getEnd(), Math.min(text.length(), entity.getEnd() + 4));
        if (!after.isEmpty() && after.get(0).norm().equals("'s")) {
            return true;
        }
        List<Token> before = Tokenizer.tokenize(text, Math.max(0, entity.getStart() - 12), entity.getStart());
        if (!before.isEmpty()) {
            String previous = before.get(before.size() - 1).norm();
            return previous.equals("like") || previous.equals("with") || previous.equals("to")
                    || previous.equals("by") || previous.equals("for") || previous.equals("about");
        }
        return false;
    }
}
