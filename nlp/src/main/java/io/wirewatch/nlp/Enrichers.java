package io.wirewatch.nlp;

import io.wirewatch.nlp.entity.ActorTagger;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.PerceptronNameFinder;
import io.wirewatch.nlp.stance.PatternStanceTagger;
import io.wirewatch.nlp.stance.WeightedEscalationScorer;
import io.wirewatch.nlp.text.WireSentenceSplitter;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** The enrichers wirewatch ships. */
public final class Enrichers {

    /** Names the version of the enrichment in every {@code EnrichedStory}, so stored results say what made them. */
    public static final String VERSION = "wirewatch-enrich/1";

    private Enrichers() {
    }

    /**
     * The standard enricher: the wire-copy sentence splitter, the actor knowledge base with the bundled
     * statistical name finder for names it does not know, the pattern stance tagger and the weighted escalation
     * score. Loading the knowledge base and the model takes a moment: build it once and share it (thread-safe).
     */
    public static Enricher standard(Clock clock) {
        return withKb(null, clock);
    }

    /**
     * The standard enricher with another actor knowledge base — typically {@code ActorKb.standard()} extended with
     * a user's file ({@link ActorKb#extendedWith(java.nio.file.Path)}) — used both to tag actors and to resolve
     * pronouns when attributing stance; null for the bundled knowledge base.
     */
    public static Enricher withKb(@Nullable ActorKb kb, Clock clock) {
        ActorKb actors = kb == null ? ActorKb.standard() : kb;
        return new Enricher(WireSentenceSplitter.standard(), new ActorTagger(actors, PerceptronNameFinder.bundled()),
                PatternStanceTagger.withKb(actors), WeightedEscalationScorer.standard(), VERSION, clock);
    }

    /** The standard enricher with another name finder (e.g. one retrained with {@code wirewatch train ner}). */
    public static Enricher withNames(NameFinder names, Clock clock) {
        return new Enricher(WireSentenceSplitter.standard(), ActorTagger.standard(names),
                PatternStanceTagger.standard(), WeightedEscalationScorer.standard(), VERSION, clock);
    }
}
