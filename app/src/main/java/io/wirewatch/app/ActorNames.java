package io.wirewatch.app;

import io.wirewatch.alerts.web.ActorDirectory;
import io.wirewatch.nlp.kb.Actor;
import io.wirewatch.nlp.kb.ActorKb;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The actor names filters accept, from the enrichment's knowledge base: each actor under the code its alerts carry
 * (a person's or a body's country, a state's own id), so "Lavrov" and "Russia" both mean RUS.
 */
final class ActorNames {

    private ActorNames() {
    }

    /** The directory of {@code kb}'s actors, or of the bundled knowledge base when it is null. */
    static ActorDirectory directory(@Nullable ActorKb kb) {
        List<ActorDirectory.Actor> actors = (kb == null ? ActorKb.standard() : kb).actors().stream()
                .sorted(Comparator.comparing(Actor::id))
                .map(actor -> new ActorDirectory.Actor(actor.dyadCode(), actor.name())).toList();
        return ActorDirectory.of(actors);
    }
}
