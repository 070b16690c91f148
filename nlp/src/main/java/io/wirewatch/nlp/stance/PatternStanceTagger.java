package io.wirewatch.nlp.stance;

import io.wirewatch.nlp.entity.Coreference;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.quote.Quote;
import io.wirewatch.nlp.quote.QuoteFinder;
import io.wirewatch.nlp.text.PartOfSpeech;
import io.wirewatch.nlp.text.Sentence;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stance signals from patterns over lemmas and word order ({@code rules.tsv}): each match becomes a PLOVER
 * category with its CAMEO code and Goldstein intensity, a modality read from the clause around it (negated, denied,
 * conditional, speculative, future), a source and target from the entities (the speaker of a quote, the subject of
 * the clause, the addressee of "told"), and the evidence. Context is respected: negated offers become refusals
 * ("will not compromise"), force in an exercise is a show of force, references to past years are history, and a
 * question is speculation. Thread-safe.
 */
public final class PatternStanceTagger implements StanceTagger {

    static final int MAX_TOKENS = 250;

    private final StanceRules rules;
    private final Coreference coreference;
    private final StanceRules handRules;
    private final StanceRules lexiconRules;
    private final QuoteFinder quotes;
    private final PartOfSpeech partOfSpeech;

    private PatternStanceTagger(StanceRules rules, Coreference coreference) {
        this.rules = rules;
        this.handRules = rules.part(false);
        this.lexiconRules = rules.part(true);
        this.partOfSpeech = PartOfSpeech.standard();
        this.coreference = coreference;
        this.quotes = new QuoteFinder(coreference);
    }

    /** The tagger with the bundled rules, resolving "he"/"she" against the bundled knowledge base. */
    public static PatternStanceTagger standard() {
        return withKb(ActorKb.standard());
    }

    /** The tagger with the bundled rules, resolving pronouns against {@code kb}. */
    public static PatternStanceTagger withKb(ActorKb kb) {
        return new PatternStanceTagger(StanceRules.bundled(), new Coreference(Objects.requireNonNull(kb, "kb")));
    }

    /**
     * This tagger without the hand-written rules whose ids are given: what the coder would be had those rules never
     * been written (cross-validation of the rules, see {@code EventEval.crossValidate}).
     */
    public PatternStanceTagger withoutRules(Set<String> ids) {
        return new PatternStanceTagger(rules.without(ids), coreference);
    }

    /** The ids of the hand-written rules. */
    public Set<String> handWrittenRuleIds() {
        return rules.handWrittenIds();
    }

    /** The number of patterns loaded. */
    public int ruleCount() {
        return rules.size();
    }

    /** The quotes of a document and their speakers, as this tagger attributes them. */
    public List<Quote> quotes(TextDocument document, List<Entity> entities) {
        return quotes.find(document, entities);
    }

    @Override
    public List<Signal> tag(TextDocument document, List<Entity> entities) {
        Coreference.Resolver pronouns = coreference.forDocument(document, entities);
        Story story = new Story(document, entities, quotes.find(document, entities, pronouns), pronouns);
        List<Signal> out = new ArrayList<>();
        Sentence previous = null;
        String previousSource = null;
        boolean previousExercise = false;
        int read = 0;
        for (Sentence whole : document.sentences()) {
          for (Sentence sentence : pieces(document, whole)) {
            if (story.furniture(sentence.paragraph())) {
                continue;
            }
            boolean sameParagraph = previous != null && previous.paragraph() == sentence.paragraph();
            SentenceContext context = new SentenceContext(handRules, lexiconRules, partOfSpeech, story, sentence,
                    sameParagraph ? previousSource : null, sameParagraph && previous != null
                    && previous.text().length() < 80 && previousExercise);
            if (read++ < 2 && context.checks.sport() && context.checks.contest()) {
                return List.of(); // the lead reports a game ("Italy beat England … to win the European Championship")
            }
            List<Signal> found = context.signals();
            out.addAll(found);
            previous = sentence;
            previousExercise = ContextChecks.hasExercise(context.tokens);
            previousSource = context.lastSource != null ? context.lastSource : sameParagraph ? previousSource : null;
          }
        }
        return out;
    }

    /**
     * A sentence of at most {@value #MAX_TOKENS} tokens as it is; a longer run (a story without punctuation, a
     * table) cut after a comma or semicolon where possible, so work stays linear in the length of the story.
     */
    static List<Sentence> pieces(TextDocument document, Sentence sentence) {
        if (sentence.end() - sentence.start() < MAX_TOKENS * 2) {
            return List.of(sentence);
        }
        String text = document.text();
        List<Token> tokens = document.tokens(sentence);
        if (tokens.size() <= MAX_TOKENS) {
            return List.of(sentence);
        }
        List<Sentence> pieces = new ArrayList<>();
        int from = 0;
        while (from < tokens.size()) {
            int to = Math.min(tokens.size(), from + MAX_TOKENS);
            if (to < tokens.size()) {
                for (int i = to - 1; i > from + MAX_TOKENS / 2; i--) {
                    String norm = tokens.get(i).norm();
                    if (norm.equals(",") || norm.equals(";") || norm.equals(":")) {
                        to = i + 1;
                        break;
                    }
                }
            }
            int start = tokens.get(from).start();
            int end = tokens.get(to - 1).end();
            pieces.add(new Sentence(sentence.index(), sentence.paragraph(), start, end, text.substring(start, end)));
            from = to;
        }
        return pieces;
    }


    /** The dyad code of an entity that can act: its country or IGO; null for places and unresolved names. */
    static @Nullable String code(Entity entity) {
        if (entity.getActorId() == null || "place".equals(entity.getSector())) {
            return null;
        }
        return entity.getCountry() != null ? entity.getCountry() : entity.getActorId();
    }

}
