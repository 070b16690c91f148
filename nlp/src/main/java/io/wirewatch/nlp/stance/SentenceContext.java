package io.wirewatch.nlp.stance;

import static io.wirewatch.nlp.stance.ClauseWords.*;
import static io.wirewatch.nlp.stance.EventWords.*;
import static io.wirewatch.nlp.stance.PatternStanceTagger.code;

import io.wirewatch.nlp.entity.Entities;
import io.wirewatch.nlp.quote.Quote;
import io.wirewatch.nlp.text.PartOfSpeech;
import io.wirewatch.nlp.text.Sentence;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.PloverCategory;
import io.wirewatch.schema.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One sentence being coded: its tokens, clauses and actor mentions, and the signals its rule matches become, with
 * modality, source and target. Holds what earlier sentences of the paragraph left (the last source, an exercise
 * frame) and writes what later ones need into the {@link Story}. Not thread-safe: one per sentence.
 */
final class SentenceContext {
    private final StanceRules handRules;
    private final StanceRules lexiconRules;
    final Story story;
    final Sentence sentence;
    final List<Token> tokens;
    final @Nullable String previousSource;
    final boolean exerciseFrame;
    final boolean previousExercise;
    final @Nullable Entity reportedSpeaker;
    @Nullable String lastSource;
    // what the sentence is made of, each read by its own class
    final Clauses clauses;
    final Negation negation;
    final ModalityReader mood;
    final ContextChecks checks;
    final PartOfSpeechGate gate;
    final ActorMentions mentions;
    final Arguments arguments;
    final Targets targets;
    final Violence violence;
    final Agency agency;

    SentenceContext(StanceRules handRules, StanceRules lexiconRules, PartOfSpeech partOfSpeech, Story story,
                    Sentence sentence, @Nullable String previousSource, boolean previousExercise) {
        this.handRules = handRules;
        this.lexiconRules = lexiconRules;
        this.story = story;
        this.sentence = sentence;
        this.previousSource = previousSource;
        this.previousExercise = previousExercise;
        this.tokens = story.document.tokens(sentence);
        this.clauses = new Clauses(tokens);
        this.negation = new Negation(tokens);
        this.mood = new ModalityReader(tokens, clauses, negation);
        this.checks = new ContextChecks(story, tokens, clauses);
        this.gate = new PartOfSpeechGate(tokens, partOfSpeech);
        this.mentions = new ActorMentions(story, sentence, tokens, clauses);
        this.arguments = new Arguments(story, sentence, tokens, mentions.actors, previousSource, clauses);
        this.targets = new Targets(story, tokens, mentions.actors, clauses, mentions);
        this.violence = new Violence(tokens, checks);
        this.agency = new Agency(tokens, clauses, mentions.actors);
        this.exerciseFrame = ContextChecks.hasExercise(tokens.subList(0, Math.min(tokens.size(), 6)));
        this.reportedSpeaker = mentions.reportedSpeaker();
    }

    /**
     * The hand-written rules' signals; where they find none, the verb lexicon's, counting a dictionary verb only
     * where the sentence uses it as a verb.
     */
    List<Signal> signals() {
        List<StanceRules.Match> handWritten = gate.verbsOnly(handRules.matches(tokens));
        if (!handWritten.isEmpty() && checks.sport()) {
            return List.of(); // "the Eagles beat the Chiefs 40-22": a game, not a fight
        }
        List<Signal> found = handWritten.isEmpty() ? List.of() : signals(handWritten);
        boolean mainClauseFound = false;
        for (Signal signal : found) {
            mainClauseFound |= !clauses.aside[clauses.tokenAt(signal.getStart())];
        }
        if (mainClauseFound || mentions.actors.isEmpty()) {
            return found; // the lexicon speaks only between actors the sentence names
        }
        List<StanceRules.Match> lexicon = lexiconRules.matches(tokens);
        if (lexicon.stream().allMatch(match -> discarded(match, handWritten)) || checks.sport()) {
            return found; // nothing the tagger's verdict could keep: no tagging
        }
        List<StanceRules.Match> used = gate.verbsOnly(lexicon);
        used.removeIf(match -> discarded(match, handWritten));
        if (used.isEmpty()) {
            return found;
        }
        List<Signal> out = new ArrayList<>();
        for (Signal signal : signals(used)) {
            // The dictionary is broad: its events count only between two actors the sentence names, said
            // as fact, intent or on a condition (not "could determine whether").
            if (signal.getTarget() != null && !signal.getTarget().equals(signal.getSource())
                    && actedUpon(signal) && signal.getModality() != Modality.SPECULATIVE) {
                out.add(signal);
            }
        }
        out.addAll(found); // the hand-written rules' asides come after the main clause's dictionary verb
        return out;
    }

    /** A dictionary match inside a hand-written rule that codes nothing, or in an aside. */
    private boolean discarded(StanceRules.Match match, List<StanceRules.Match> handWritten) {
        return PartOfSpeechGate.coveredByNone(match, handWritten) || clauses.aside[match.start()];
    }

    /**
     * Whether the sentence names the signal's target where English puts the one acted upon: after the verb in
     * an active clause ("bombed Kharkiv", "withdrew from Kiev"), or anywhere before a passive one ("Kharkiv was
     * shelled").
     */
    private boolean actedUpon(Signal signal) {
        String code = signal.getTarget();
        int trigger = clauses.tokenAt(signal.getStart());
        boolean passive = false;
        for (int i = trigger - 1; i >= Math.max(0, trigger - 3); i--) {
            if (BE.contains(tokens.get(i).norm())) {
                passive = true;
                break;
            }
        }
        List<Entity> entities = story.entities;
        for (int e = Entities.firstAtOrAfter(entities, sentence.start());
                e < entities.size() && entities.get(e).getStart() < sentence.end(); e++) {
            Entity entity = entities.get(e);
            if ((code.equals(entity.getCountry()) || code.equals(entity.getActorId()))
                    && (passive || entity.getStart() >= signal.getEnd())) {
                return true;
            }
        }
        return false;
    }

    private List<Signal> signals(List<StanceRules.Match> matches) {
        List<Candidate> candidates = new ArrayList<>();
        for (StanceRules.Match match : matches) {
            if (clauses.insideName(match.start())) {
                continue; // "Asia-Pacific Economic Cooperation", "the Ceasefire Violations Committee"
            }
            if (clauses.adjectival(match.start())) {
                continue; // "the occupied West Bank", "the besieged city": a state described, not an act
            }
            if (negation.alleged(match.start())) {
                continue; // "accused Azerbaijan of threatening …": the accusation is the event, not the threat
            }
            if (match.start() < clauses.backgroundEnd || clauses.trailing[match.start()]) {
                continue; // "After the attack, MPs urge …": a fronted reference to what happened before
            }
            if (clauses.modifiesNoun(match)) {
                continue; // "aid workers were killed": the workers, not an act of aid
            }
            candidates.add(negation.candidate(match));
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.match().rule().priority())
                .thenComparingInt(c -> c.spanStart()));
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean overlaps = false;
            for (Candidate other : accepted) {
                if (candidate.spanStart() < other.match().end() && other.spanStart() < candidate.match().end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                accepted.add(candidate);
            }
        }
        accepted.sort(Comparator.comparingInt(Candidate::spanStart));
        List<Signal> out = new ArrayList<>();
        List<Signal> asides = new ArrayList<>();
        int demandEnd = Integer.MAX_VALUE;
        int intentEnd = -1; // end of the last stated intent or offer, -1 before any
        for (Candidate candidate : accepted) {
            if (candidate.category().equals(StanceRules.NONE)) {
                continue; // "killed in a car crash", "an earthquake killed": words that code no event
            }
            if (candidate.spanStart() >= demandEnd && DEMAND_CONTENT.contains(candidate.category())) {
                continue; // "demanded assurances that the Alliance will withdraw": the content of a demand
            }
            int afterIntent = intentEnd < 0 ? -1 : candidate.spanStart() - intentEnd;
            if (candidate.category().equals("CONSULT") && afterIntent >= 0 && afterIntent <= 4) {
                continue; // "ready to host a new round of talks": the talks are offered, not held
            }
            Signal signal = signal(candidate);
            if (signal != null) {
                if (clauses.aside[candidate.match().start()]) {
                    asides.add(signal);
                } else {
                    out.add(signal);
                }
                if (signal.getCategory() == PloverCategory.AGREE && signal.getRule().endsWith("+intent")
                        || signal.getRule().startsWith("agree.offer")) {
                    intentEnd = candidate.match().end();
                }
                boolean framing = signal.getCategory() == PloverCategory.DEMAND
                        && !candidate.match().rule().speakerIsSource()
                        || signal.getCategory() == PloverCategory.APPEAL
                        || signal.getCategory() == PloverCategory.SUPPORT && signal.getCameoCode().equals("050")
                        || signal.getCategory() == PloverCategory.AGREE && signal.getCameoCode().equals("032");
                if (framing) {
                    // "demanded that the Alliance will withdraw", "supported respect for the ceasefire"
                    demandEnd = Math.min(demandEnd, candidate.match().end());
                }
            }
        }
        participantsLast(out);
        out.addAll(asides); // the main clause's acts first: the first signal is the sentence's event
        return out;
    }


    /** "Some of the protesters demand …": the verb's act comes before the one the participants' noun names. */
    private void participantsLast(List<Signal> out) {
        List<Signal> named = new ArrayList<>();
        for (Signal signal : out) {
            if (PARTICIPANTS.contains(signal.getEvidence().toLowerCase(Locale.ROOT))) {
                named.add(signal);
            }
        }
        if (!named.isEmpty() && named.size() < out.size()) {
            out.removeAll(named);
            out.addAll(named);
        }
    }

    private @Nullable Signal signal(Candidate candidate) {
        StanceRules.Match match = candidate.match();
        StanceRule rule = match.rule();
        String category = candidate.category();
        String cameo = candidate.cameo();
        String ruleId = candidate.rule();
        if (rule.force() && (exerciseFrame || previousExercise || checks.exerciseInClause(candidate.spanStart(),
                match.end()))) {
            category = "MOBILIZE";
            cameo = "150";
            ruleId = ruleId + "+exercise";
        }
        if (checks.historical(candidate.spanStart(), match.end()) || checks.requested(candidate.spanStart())) {
            return null;
        }
        if (rule.staged() && !checks.staged(candidate.spanStart(), match.end())) {
            return null; // "once the exercises end", "would follow the exercises": a topic, not a show of force
        }
        if ((cameo.equals("166") || rule.lexicon() && category.equals("RETREAT"))
                && checks.drawdown(candidate.spanStart(), match.end())) {
            return null; // "withdraw some of their diplomats" amid tensions: a precaution, not a sanction
        }
        boolean allParties = checks.addressedToAll(match.end());
        if (rule.appeal() && category.equals("DEMAND")) {
            String appeal = checks.appealCode(match.end(), allParties);
            if (appeal != null) {
                category = "APPEAL"; // "urged all sides to keep channels open": CAMEO 02, cooperative
                cameo = appeal;
                ruleId = ruleId + "+appeal";
            }
        }
        Modality modality = candidate.negation() != null ? candidate.negation()
                : mood.modality(candidate.spanStart(), category, rule);
        if (rule.armed() && category.equals("ASSAULT") && (checks.military() || checks.weaponsOfWar())) {
            category = "FIGHT";
            cameo = "190";
            ruleId = ruleId + "+armed";
        }
        if (category.equals("FIGHT") && !ruleId.endsWith("+exercise") && checks.againstCivilians()
                && !checks.weaponsOfWar() && !violence.takesGround(match.start())) {
            category = "ASSAULT"; // violence against civilians or by unconventional means
            cameo = "180";
            ruleId = ruleId + "+civilians";
        }
        if (category.equals("MOBILIZE") && rule.id().startsWith("mobilize.exercise") && arguments.severalStates(
                candidate.spanStart())) {
            category = "COOPERATE"; // "French and Egyptian warships launched war games": joint exercise
            cameo = "062";
            ruleId = ruleId + "+joint";
        }
        if (modality == Modality.FUTURE && checks.announcedDecision(candidate.spanStart())) {
            ruleId = ruleId + "+decided"; // "announces it will raise tariffs": the measure, for later
        } else if (modality == Modality.FUTURE && INTENT_TO_COOPERATE.containsKey(category)) {
            cameo = INTENT_TO_COOPERATE.get(category); // "will support", "willing to withdraw": CAMEO 03x
            category = "AGREE";
            ruleId = ruleId + "+intent";
        } else if ((modality == Modality.FUTURE || modality == Modality.CONDITIONAL && mood.threatCondition())
                && INTENT_TO_HARM.containsKey(category)) {
            cameo = INTENT_TO_HARM.get(category); // "will impose a curfew", "will withdraw … unless": 13x
            category = "THREATEN";
            ruleId = ruleId + "+intent";
        }
        if (VIOLENT.contains(category) && checks.disaster()) {
            return null; // "killed in a train crash", "a wildfire threatens", "troops deployed against fires"
        }
        boolean disclaimed = category.equals("MOBILIZE") && checks.disclaimed();
        if (disclaimed) {
            ruleId = ruleId + "+disclaimed"; // "the drills are not directed against any country"
        }
        int charStart = tokens.get(candidate.spanStart()).start();
        Quote quote = story.quoteAt(charStart);
        Entity speaker = quote != null && quote.speaker() != null ? quote.speaker() : reportedSpeaker;
        boolean quoted = quote != null;

        String source;
        String target;
        ActorRef acting = null; // the mention of the source, where the sentence names it
        boolean agentless = false;
        int fromList = -1;
        boolean verbal = VERBAL.contains(category);
        arguments.theyList = false;
        ActorRef subject = verbal && speaker != null ? arguments.clauseSubject(candidate.spanStart())
                : arguments.subject(candidate.spanStart());
        String subjectCode = arguments.subjectCode(candidate.spanStart(), subject, speaker, quoted);
        ActorRef modifier = arguments.modifier(candidate.spanStart());
        if (modifier != null && !rule.speakerIsSource()) {
            subjectCode = modifier.code(); // "Russian invasion", "Russia’s invasion", "US proposals"
        }
        String speakerCode = speaker == null ? null : code(speaker);
        Signal antecedent = modifier == null && checks.anaphoric(candidate.spanStart())
                ? story.lastOfCategory.get(category) : null;
        if (antecedent != null) {
            source = antecedent.getSource(); // "any Russian invasion … any such incursion": Russia's, again
            target = antecedent.getTarget();
        } else if (rule.speakerIsSource()) {
            source = speakerCode != null ? speakerCode : null;
            target = subjectCode != null && !subjectCode.equals(source) ? subjectCode : null;
            if (source == null) {
                return null;
            }
        } else {
            source = subjectCode;
            if (source == null && VERBAL.contains(category) && speakerCode != null) {
                source = speakerCode;
            }
            ActorRef from = arguments.fromActor(match.end());
            if (from != null && (ruleId.endsWith("+refused") || category.equals("CONCEDE"))) {
                source = from.code();
                fromList = from.listHead();
            }
            if (source == null && subject == null && verbal) {
                ActorRef any = arguments.subject(candidate.spanStart());
                source = any == null ? null : any.code();
            }
            if (source == null && PHYSICAL.contains(category)) {
                source = arguments.anyActor(match.start());
            }
            if (source == null && !VERBAL.contains(category)) {
                source = previousSource;
            }
            int pronoun = source == null ? agency.pronounSubject(candidate.spanStart()) : -1;
            if (pronoun >= 0) {
                // "On behalf of the United States, I congratulate …", "Yoruba leaders said they are willing to …":
                // the pronoun's actor comes before it; with none, someone the sentence does not name acts
                ActorRef before = agency.actorBefore(pronoun);
                source = before == null ? null : before.code();
                agentless = source == null;
            } else if (source == null) {
                source = arguments.anyActor(match.start()); // "Ousted President X of Kyrgyzstan agreed": the only actor
            }
            if (source == null && (!ASSERTIVE.contains(category) || category.equals("THREATEN"))) {
                source = mentions.placeCountry(); // "a curfew in Algiers": the country of the place, not a dateline
            }
            target = null;
            ActorRef agent = arguments.passiveAgent(candidate.spanStart(), match.end());
            if (agent != null && !agent.code().equals(source)) {
                // "retaliatory measures will be taken by Moscow", "was attacked by rebels": the agent acts
                target = source;
                source = agent.code();
                acting = agent;
            } else if (agent == null && source != null && ACTED_UPON.contains(category) && subject != null
                    && source.equals(subject.code()) && arguments.passiveVoice(candidate.spanStart())) {
                // "49 Armenian soldiers were killed": the subject of a passive is acted upon; the one who
                // acted is the last actor this paragraph named as acting, if any
                target = source;
                source = previousSource != null && !previousSource.equals(target) ? previousSource : null;
                agentless = source == null; // "Three US servicemen were killed by a roadside bomb": no actor
            }
        }
        if (source != null && agency.nameless(source, acting != null ? acting : agency.mentionOf(source))) {
            return null; // "Ambassador: Welcome, everybody", "the killing of civilians": no one an analyst can name
        }
        if (source == null && !agentless) {
            return null;
        }
        if (acting == null) {
            acting = modifier != null && modifier.code().equals(source) ? modifier
                    : subject != null && subject.code().equals(source) ? subject : agency.mentionOf(source);
        }
        if (category.equals("FIGHT") && violence.byIrregulars(rule.id(), match.start(), match.end(), acting)) {
            category = "ASSAULT"; // "militants kill a village chief", "guerrillas … in a bomb attack"
            cameo = violence.bombing(match.start(), match.end()) ? "183" : "180";
            ruleId = ruleId + "+irregular";
        }
        if (disclaimed) {
            target = null;
        } else if (target == null && allParties) {
            target = null; // "urged all sides to …": no single party is addressed
        } else if (target == null && arguments.theyList && !arguments.actorAfter(match.end())) {
            target = arguments.partner(source); // "they promised to meet": the others of the list that met
        } else if (target == null) {
            target = targets.target(match.start(), match.end(), source, verbal, fromList, category);
        }
        if (subject != null && antecedent == null && subject.code().equals(source)) {
            List<String> list = arguments.listCodes(subject);
            if (list.size() >= 2) {
                story.lastList = list;
                story.lastListParagraph = sentence.paragraph();
            }
        }
        if (modality != Modality.NEGATED && modality != Modality.DENIED) {
            lastSource = source; // what a later agentless passive may fall back on: never a denied act's actor
        }
        int charEnd = tokens.get(match.end() - 1).end();
        String text = story.document.text();
        Signal built = Signal.newBuilder()
                .setCategory(PloverCategory.valueOf(category))
                .setCameoCode(cameo)
                .setIntensity(disclaimed ? Cameo.goldstein(cameo) / 2 : Cameo.goldstein(cameo))
                .setModality(modality)
                .setSource(source)
                .setTarget(target)
                .setSpeaker(speaker == null ? null
                        : speaker.getActorName() != null ? speaker.getActorName() : speaker.getText())
                .setEvidence(text.substring(charStart, charEnd))
                .setSentence(sentence.text())
                .setStart(charStart)
                .setEnd(charEnd)
                .setRule(ruleId)
                .build();
        story.lastOfCategory.put(category, built);
        return built;
    }

}
