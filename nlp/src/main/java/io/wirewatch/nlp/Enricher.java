package io.wirewatch.nlp;

import io.wirewatch.nlp.entity.EntityTagger;
import io.wirewatch.nlp.stance.EscalationScorer;
import io.wirewatch.nlp.stance.StanceTagger;
import io.wirewatch.nlp.text.SentenceSplitter;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.GeneratedClasses;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.Story;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Enriches one story: sentences, entities and actors, stance signals and the escalation score. A pure function
 * of the story (and the clock, for {@code enrichedAt}); thread-safe when its parts are.
 */
public final class Enricher {

    private final SentenceSplitter splitter;
    private final EntityTagger entities;
    private final StanceTagger stance;
    private final EscalationScorer scorer;
    private final String version;
    private final Clock clock;

    public Enricher(SentenceSplitter splitter, EntityTagger entities, StanceTagger stance, EscalationScorer scorer,
                    String version, Clock clock) {
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.entities = Objects.requireNonNull(entities, "entities");
        this.stance = Objects.requireNonNull(stance, "stance");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.version = Objects.requireNonNull(version, "version");
        this.clock = Objects.requireNonNull(clock, "clock");
        GeneratedClasses.trust(); // the record builders read enum defaults reflectively, which Avro must trust
    }

    /** The document enrichment works on, for callers that want to show spans. */
    public TextDocument document(Story story) {
        return TextDocument.of(story, splitter);
    }

    public EnrichedStory enrich(Story story) {
        TextDocument document = document(story);
        boolean knownNamesOnly = !isEnglishOrUnknown(story.getLanguage());
        List<Entity> found = (knownNamesOnly ? entities.knownNamesOnly() : entities).tag(document);
        List<Signal> signals = stance.tag(document, found);
        return EnrichedStory.newBuilder()
                .setStory(story)
                .setEntities(found)
                .setSignals(signals)
                .setEscalationScore(scorer.score(signals))
                .setEnrichedAt(clock.instant())
                .setEnricherVersion(version)
                .setNamesFromKnowledgeBaseOnly(knownNamesOnly)
                .build();
    }

    /**
     * True for English, and for a story whose language ingest could not tell (too short, or a plain-text file):
     * the name finder, trained on English news, runs on those.
     */
    static boolean isEnglishOrUnknown(@Nullable CharSequence language) {
        if (language == null || language.length() == 0) {
            return true;
        }
        String code = language.toString().toLowerCase(java.util.Locale.ROOT);
        return code.equals("en") || code.startsWith("en-") || code.startsWith("en_");
    }

    public String version() {
        return version;
    }
}
