package io.wirewatch.nlp.stance;

import io.wirewatch.schema.Entity;

/** An actor mention in a sentence, with its token span and grammatical hints. */
record ActorRef(Entity entity, String code, int start, int end, boolean oblique, boolean addressee,
        boolean possessive, int listHead) {
}
