package io.wirewatch.nlp.entity;

import io.wirewatch.nlp.kb.Actor;
import io.wirewatch.nlp.kb.ActorKb;
import io.wirewatch.nlp.kb.Gazetteer;
import io.wirewatch.nlp.kb.KbEntry;
import io.wirewatch.nlp.kb.TokenTrie;
import io.wirewatch.nlp.ner.NameFinder;
import io.wirewatch.nlp.ner.NameSpan;
import io.wirewatch.nlp.text.Furniture;
import io.wirewatch.nlp.text.Sentence;
import io.wirewatch.nlp.text.TextDocument;
import io.wirewatch.nlp.text.Token;
import io.wirewatch.schema.Entity;
import io.wirewatch.schema.EntityType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hybrid entity tagger: matches the actor knowledge base in one pass over each sentence's tokens (longest
 * match, case-aware), asks a {@link NameFinder} where the names are, reconciles the two and resolves each
 * mention to an actor — dated roles by the story's date, surnames by the full names earlier in the story,
 * capitals as governments only when they act ("Moscow has demanded", "Moscow’s demands", but "in Moscow" stays a
 * place). Page furniture and photo captions are skipped. Thread-safe.
 *
 * <p>Reconciling: the knowledge base knows who a name is, the name finder knows, from context, where a name
 * starts and ends and what kind it is. So a name the finder sees around a known one wins ("Air France",
 * "U.S. Open", "Michael Johnson" are not France, the United States or Boris Johnson); a finder's person or
 * team over a bare place or surname wins ("Jordan scored", "NEW YORK 3 Boston 2"); and an actor phrase keeps
 * its actor but records the name that opens it ("Iraqi troops": Iraq's military, named by "Iraqi"). Everything
 * the knowledge base finds and the name finder does not ("the Kremlin", "the Alliance", titles) stays.
 */
public final class ActorTagger implements EntityTagger {

    private static final Logger LOG = LoggerFactory.getLogger(ActorTagger.class);

    private static final Set<String> PLACE_PREPOSITIONS = Set.copyOf(List.of("in", "to", "from", "at", "near", "into",
            "toward", "towards", "across", "outside", "inside", "around", "via", "through", "over", "of", "visit",
            "visited", "visiting", "visits", "between", "within", "throughout", "leave", "left", "reached",
            "arrived", "returned", "on", "by", "for", "and"));
    private static final Set<String> ACTING_VERBS = Set.copyOf(List.of("has", "have", "had", "is", "was", "will", "would",
            "could", "can", "may", "might", "must", "should", "shall", "said", "says", "say", "warned", "warns",
            "demanded", "demands", "wants", "wanted", "insisted", "insists", "rejected", "rejects", "denied",
            "denies", "accused", "accuses", "announced", "announces", "responded", "responds", "threatened",
            "threatens", "agreed", "agrees", "refused", "refuses", "urged", "urges", "called", "calls", "expects",
            "expected", "believes", "sent", "sends", "sought", "seeks", "hopes", "plans", "planned", "continues",
            "does", "did", "claims", "claimed", "vowed", "vows", "pledged", "pledges", "promised", "promises",
            "condemned", "condemns", "welcomed", "welcomes", "ordered", "orders", "imposed", "imposes",
            "retaliated", "considers", "considered", "sees", "views", "argues", "argued", "believes", "insisted",
            "opposes", "opposed", "backs", "backed", "supports", "supported", "recognized", "recognised"));
    private static final Set<String> TOWARD_ACTOR = Set.of("against", "toward", "towards", "with", "urged",
            "told", "warned", "accused", "pressed", "asked", "criticised", "criticized", "condemned", "sanctioned");
    private static final Set<String> ADDRESSED = Set.of("response", "responses", "reply", "message", "letter",
            "threat", "threats", "warning", "ultimatum", "offer", "proposal", "proposals", "answer", "appeal",
            "concession", "concessions", "demands", "note");
    private static final int MAX_SENTENCE_TOKENS_FOR_NAME_FINDER = 400;

    private final ActorKb kb;
    private final AgentCountries agentCountries;
    private final NameFinder names;
    private final AtomicLong nameFinderFailures = new AtomicLong();
    private volatile @Nullable ActorTagger knownNamesOnly;

    public ActorTagger(ActorKb kb, NameFinder names) {
        this.kb = Objects.requireNonNull(kb, "kb");
        this.agentCountries = new AgentCountries(kb);
        this.names = Objects.requireNonNull(names, "names");
    }

    @Override
    public ActorTagger knownNamesOnly() {
        ActorTagger tagger = knownNamesOnly;
        if (tagger == null) {
            tagger = new ActorTagger(kb, NameFinder.none());
            knownNamesOnly = tagger;
        }
        return tagger;
    }

    /** The tagger over the bundled knowledge base, with {@code names} for names the knowledge base does not know. */
    public static ActorTagger standard(NameFinder names) {
        return new ActorTagger(ActorKb.standard(), names);
    }

    public ActorKb kb() {
        return kb;
    }

    @Override
    public List<Entity> tag(TextDocument document) {
        LocalDate day = document.asOf() == null ? null : LocalDate.ofInstant(document.asOf(), ZoneOffset.UTC);
        boolean[] skipped = furnitureParagraphs(document);
        Map<String, Actor> surnames = new HashMap<>();
        Map<List<String>, Actor> offices = new HashMap<>();
        List<Entity> out = new ArrayList<>();
        for (Sentence sentence : document.sentences()) {
            if (sentence.paragraph() < skipped.length && skipped[sentence.paragraph()]) {
                continue;
            }
            List<Token> tokens = document.tokens(sentence);
            List<Mention> known = match(tokens);
            List<Mention> mentions = reconcile(tokens, known,
                    OfficeSplit.split(tokens, findNames(tokens, known, surnames),
                            (from, to) -> knownPlace(known, from, to)));
            int from = out.size();
            resolve(document.text(), tokens, mentions, day, surnames, offices, out);
            agentCountries.inSentence(tokens, out, from);
        }
        agentCountries.inStory(out);
        return out;
    }

    /**
     * A candidate mention over tokens {@code [start, end)} (or part of a hyphenated token): knowledge-base
     * {@code entries}, the name finder's {@code nameType} (PER, ORG, LOC, MISC) or both. {@code name} is the name
     * finder's span opening a longer knowledge-base phrase ("Iraqi" in "Iraqi troops"); {@code inner} are the
     * known mentions inside a longer name-finder span ("Johnson" in "Michael Johnson", "Nigerian" in "Nigerian
     * Union of Teachers"). A
     * {@code compound} is a hyphenated word the finder names whole around one known part ("U.S.-led"): the part's
     * actor, the finder's type. {@code place} is the gazetteer's place when the entry comes from it.
     */
    private record Mention(int start, int end, int charStart, int charEnd, @Nullable List<KbEntry> entries,
                           @Nullable String nameType, @Nullable Name name, @Nullable List<Mention> inner,
                           boolean compound, Gazetteer.@Nullable Place place) {

        Mention(int start, int end, int charStart, int charEnd, @Nullable List<KbEntry> entries,
                @Nullable String nameType) {
            this(start, end, charStart, charEnd, entries, nameType, null, null, false, null);
        }

        Mention withNameType(String type) {
            return new Mention(start, end, charStart, charEnd, entries, type, name, inner, compound, place);
        }

        Mention withName(Name opening) {
            return new Mention(start, end, charStart, charEnd, entries, nameType, opening, inner, compound, place);
        }

        /** The finder's name alone over these words, without the knowledge base's or the gazetteer's reading. */
        Mention nameOnly() {
            return new Mention(start, end, charStart, charEnd, null, nameType, null, inner, false, null);
        }

        /** The same mention from token {@code from} on ("Ihor Terekhov" of "Mayor Ihor Terekhov"). */
        Mention from(int from, List<Token> tokens) {
            return new Mention(from, end, tokens.get(from).start(), charEnd, entries, nameType, name, inner, compound,
                    place);
        }

        /** Whether this is part of a hyphenated token ("US" in "US-NATO") rather than whole tokens. */
        boolean part(List<Token> tokens) {
            return charStart != tokens.get(start).start() || charEnd != tokens.get(end - 1).end();
        }
    }

    /** The name that opens a longer mention: where it ends and the name finder's type for it. */
    private record Name(int charEnd, String type) {

        EntityType entityType() {
            return finderType(type);
        }
    }

    /** A name the finder types inside a known phrase or compound: a nationality (MISC), a state (LOC), a body. */
    private static EntityType finderType(String type) {
        return switch (type) {
            case "PER" -> EntityType.PERSON;
            case "ORG" -> EntityType.ORG;
            case "LOC" -> EntityType.GPE;
            default -> EntityType.NORP;
        };
    }

    private boolean[] furnitureParagraphs(TextDocument document) {
        List<Integer> starts = document.paragraphStarts();
        boolean[] skipped = new boolean[starts.size()];
        String text = document.text();
        for (int p = 0; p < starts.size(); p++) {
            int from = starts.get(p);
            int to = p + 1 < starts.size() ? starts.get(p + 1) : text.length();
            skipped[p] = Furniture.isFurniture(text.substring(Math.min(from, to), to));
        }
        return skipped;
    }

    private List<Mention> match(List<Token> tokens) {
        TokenTrie<KbEntry> trie = kb.trie();
        List<Mention> mentions = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (!token.word()) {
                i++;
                continue;
            }
            TokenTrie.Match<KbEntry> found = trie.longest(tokens, i, ActorTagger::accepts);
            Gazetteer.Match place = kb.places().longest(tokens, i);
            if (place != null && (found == null || place.end() > found.end())) {
                // "Aleppo", "Mexico City" (longer than the state "Mexico"): a city or region the KB does not name
                Gazetteer.Place where = place.place();
                mentions.add(new Mention(i, place.end(), token.start(), tokens.get(place.end() - 1).end(),
                        List.of(new KbEntry(List.of(where.name()), KbEntry.Kind.NAME, where.actor(), null, List.of(),
                                List.of(), false, false)), null, null, null, false, where));
                i = place.end();
                continue;
            }
            if (found != null) {
                mentions.add(new Mention(found.start(), found.end(), token.start(),
                        tokens.get(found.end() - 1).end(), found.values(), null));
                i = found.end();
                continue;
            }
            if (token.text().indexOf('-') > 0) {
                matchParts(token, i, mentions);
            }
            i++;
        }
        return mentions;
    }

    /** "US-NATO", "Russia-Ukraine", "pro-Russian": each part of a hyphenated token on its own. */
    private void matchParts(Token token, int index, List<Mention> mentions) {
        String text = token.text();
        int partStart = 0;
        while (partStart < text.length()) {
            int dash = text.indexOf('-', partStart);
            int partEnd = dash < 0 ? text.length() : dash;
            if (partEnd > partStart) {
                String part = text.substring(partStart, partEnd);
                List<Token> single = List.of(new Token(part, token.start() + partStart, token.start() + partEnd,
                        Token.normalise(part)));
                TokenTrie.Match<KbEntry> found = kb.trie().longest(single, 0, ActorTagger::accepts);
                if (found != null) {
                    mentions.add(new Mention(index, index + 1, token.start() + partStart, token.start() + partEnd,
                            found.values(), null));
                }
            }
            partStart = partEnd + 1;
        }
    }

    /** Capitalisation must agree with the knowledge base; "the Alliance" needs its "the". */
    static boolean accepts(KbEntry entry, List<Token> tokens, int start, int end) {
        if (entry.needsThe() && (start == 0 || !tokens.get(start - 1).norm().equals("the"))) {
            return false;
        }
        List<String> words = entry.tokens();
        for (int j = 0; j < words.size() && start + j < end; j++) {
            String word = words.get(j);
            Token token = tokens.get(start + j);
            if (word.isEmpty() || !Character.isLetter(word.charAt(0))) {
                continue;
            }
            boolean aliasCaps = word.length() >= 2 && new Token(word, 0, word.length(), word).allCaps();
            if (aliasCaps) {
                if (!(token.allCaps() || word.length() >= 4 && token.capitalised())) {
                    return false;
                }
            } else if (Character.isUpperCase(word.charAt(0)) && !entry.looseCase()
                    && !(token.capitalised() || token.allCaps())) {
                return false;
            }
        }
        if (entry.kind() == KbEntry.Kind.SURNAME || entry.kind() == KbEntry.Kind.NAME
                && entry.actor() != null && entry.actor().type() == EntityType.PERSON) {
            return tokens.get(start).capitalised();
        }
        return true;
    }

    private List<NameSpan> findNames(List<Token> tokens, List<Mention> known, Map<String, Actor> surnames) {
        if (tokens.isEmpty() || tokens.size() > MAX_SENTENCE_TOKENS_FOR_NAME_FINDER
                || !mayHoldName(tokens, known, surnames.keySet(), names)) {
            return List.of();
        }
        List<String> words = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            words.add(token.text());
        }
        try {
            return names.find(words);
        } catch (RuntimeException e) {
            long failures = nameFinderFailures.incrementAndGet();
            if (failures == 1 || failures % 1000 == 0) {
                LOG.warn("Name finder failed ({} times so far, last on a sentence of {} tokens); using the knowledge"
                        + " base alone: {}", failures, tokens.size(), e.toString());
            }
            return List.of();
        }
    }

    /**
     * Knowledge-base mentions and name-finder spans of one sentence, merged as the class comment says: a finder's
     * span around known names replaces them; one on exactly a known name lends it its type; one opening a known
     * phrase is recorded as that phrase's name; any other overlap keeps the knowledge base's mention.
     */
    private static List<Mention> reconcile(List<Token> tokens, List<Mention> known, List<NameSpan> spans) {
        if (spans.isEmpty()) {
            return known;
        }
        List<Mention> kept = new ArrayList<>(known);
        List<Mention> out = new ArrayList<>(known.size() + spans.size());
        List<NameSpan> ordered = new ArrayList<>(spans);
        ordered.sort(java.util.Comparator.comparingInt(NameSpan::start));
        int taken = 0;
        for (NameSpan span : ordered) {
            if (span.end() > tokens.size() || span.start() < taken) {
                continue; // past the sentence, or overlapping a span before it: a finder broke its contract
            }
            taken = span.end();
            int first = -1;
            int last = -1;
            boolean part = false;
            for (int k = 0; k < known.size(); k++) {
                Mention mention = known.get(k);
                if (mention.start() < span.end() && span.start() < mention.end()) {
                    first = first < 0 ? k : first;
                    last = k;
                    part |= mention.part(tokens);
                }
            }
            if (first < 0) {
                out.add(nameMention(tokens, span, null));
                continue;
            }
            Mention head = known.get(first);
            Mention tail = known.get(last);
            boolean inside = head.start() >= span.start() && tail.end() <= span.end();
            if (first == last && head.start() == span.start() && head.end() == span.end() && !part) {
                kept.set(first, head.withNameType(span.type()));
            } else if (first == last && part && kept.get(first) != null) {
                // "U.S.-led", "Moscow-backed": one known part in a compound the finder names whole
                kept.set(first, null);
                out.add(new Mention(span.start(), span.end(), tokens.get(span.start()).start(),
                        tokens.get(span.end() - 1).end(), head.entries(), span.type(), null, null, true, null));
            } else if (first == last && !part && span.type().equals("PER") && head.start() == span.start()
                    && span.end() - head.end() >= 2 && isPlace(head) && (Evidence.isTitle(tokens.get(head.end()))
                    || Evidence.place(tokens, head.start(), head.end()))) {
                // "Kharkiv Mayor Ihor Terekhov", "the governor of Kharkiv Oleh Synyehubov": a place, then a person
                // the finder ran into it ("Victoria Coren Mitchell", with no such words, stays one name)
                out.add(nameMention(tokens, new NameSpan(head.end(), span.end(), "PER"), null));
            } else if (inside && !part && !onlyTitlesAround(tokens, known, first, last, span)
                    && balanced(tokens, span)) {
                for (int k = first; k <= last; k++) {
                    kept.set(k, null);
                }
                out.add(nameMention(tokens, span, List.copyOf(known.subList(first, last + 1))));
            } else if (first == last && !part && head.start() == span.start() && span.end() < head.end()
                    && kept.get(first) != null && kept.get(first).name() == null && isPhrase(head)) {
                kept.set(first, kept.get(first).withName(new Name(tokens.get(span.end() - 1).end(), span.type())));
            }
        }
        for (Mention mention : kept) {
            if (mention != null) {
                out.add(mention);
            }
        }
        out.sort((a, b) -> a.charStart() != b.charStart() ? Integer.compare(a.charStart(), b.charStart())
                : Integer.compare(a.start(), b.start()));
        return out;
    }

    /**
     * The name the knowledge base knows at the start of a longer phrase of its own ("Russian" of "Russian
     * officials", "NATO" of "NATO Secretary-General"), for when the name finder was not asked or did not say.
     */
    private @Nullable Name knownOpeningName(List<Token> tokens, Mention phrase) {
        for (int end = phrase.end() - 1; end > phrase.start(); end--) {
            Actor actor = exactName(tokens.subList(phrase.start(), end));
            if (actor != null) {
                return new Name(tokens.get(end - 1).end(), EntityStageNames.conllType(actor.type()));
            }
        }
        return null;
    }

    /** The actor that {@code words}, all of them, name for certain (a name or a seat of government), or null. */
    private @Nullable Actor exactName(List<Token> words) {
        TokenTrie.Match<KbEntry> found = kb.trie().longest(words, 0, ActorTagger::accepts);
        if (found == null || found.end() != words.size()) {
            return null;
        }
        KbEntry entry = best(found.values());
        return entry.kind() == KbEntry.Kind.NAME || entry.kind() == KbEntry.Kind.SEAT ? entry.actor() : null;
    }

    /**
     * Whether the words of {@code span} that no known mention covers are all office words ("US Ambassador",
     * "Kremlin spokesman"): the finder then saw a title beside a known name, not the name of a body.
     */
    private static boolean onlyTitlesAround(List<Token> tokens, List<Mention> known, int first, int last,
                                            NameSpan span) {
        int k = first;
        boolean title = false;
        for (int i = span.start(); i < span.end(); i++) {
            while (k <= last && known.get(k).end() <= i) {
                k++;
            }
            if (k <= last && known.get(k).start() <= i) {
                Actor agent = best(Objects.requireNonNull(known.get(k).entries())).actor();
                title |= agent != null && ActorKb.isSectorAgent(agent); // "… Guard Corps Navy": "Navy" is a unit
                continue;
            }
            if (!ActorKb.isAgentWord(tokens.get(i).text())) {
                return false;
            }
            title = true;
        }
        return title;
    }

    /** Whether brackets and quotes open and close inside the span: "Hizbollah (Party of God" is no name. */
    private static boolean balanced(List<Token> tokens, NameSpan span) {
        int brackets = 0;
        int quotes = 0;
        for (int i = span.start(); i < span.end(); i++) {
            String text = tokens.get(i).text();
            if (text.equals("(") || text.equals("[")) {
                brackets++;
            } else if (text.equals(")") || text.equals("]")) {
                brackets--;
            } else if (text.equals("\"") || text.equals("\u201c") || text.equals("\u201d")) {
                quotes++;
            }
        }
        return brackets == 0 && quotes % 2 == 0;
    }

    /** A city, region or sea of the knowledge base or the gazetteer. */
    private static boolean isPlace(Mention mention) {
        Actor actor = mention.entries() == null ? null : best(mention.entries()).actor();
        return actor != null && "place".equals(actor.sector());
    }

    /** Whether tokens {@code [from, to)} are exactly a state, city, region or sea the knowledge base knows. */
    private static boolean knownPlace(List<Mention> known, int from, int to) {
        for (Mention mention : known) {
            if (mention.start() == from && mention.end() == to && mention.entries() != null) {
                Actor actor = best(mention.entries()).actor();
                return actor != null && (actor.type() == EntityType.GPE || actor.type() == EntityType.LOC);
            }
        }
        return false;
    }

    /** A title or an agency phrase ("Russian officials"), which a name may open, not one body's full name. */
    private static boolean isPhrase(Mention mention) {
        KbEntry entry = best(Objects.requireNonNull(mention.entries()));
        return entry.kind() == KbEntry.Kind.TITLE || entry.kind() == KbEntry.Kind.NAME && entry.looseCase();
    }

    private static Mention nameMention(List<Token> tokens, NameSpan span, @Nullable List<Mention> inner) {
        return new Mention(span.start(), span.end(), tokens.get(span.start()).start(),
                tokens.get(span.end() - 1).end(), null, span.type(), null, inner, false, null);
    }

    /**
     * Whether the sentence has a capitalised word the name finder could tell us about: without one the
     * statistical finder, the dearest step of the entity stage, is skipped. Words the knowledge base knows for
     * sure (states, bodies, full names, seats, titles, surnames of people the story has named in full) need no
     * finder, which makes the stage about a third faster on wire copy; the price is a state that names a person
     * or a team in a sentence with no other name ("Jordan scored"). Hyphenated words, places, other surnames
     * and actor phrases do need it (the finder says whether "New York" is the city or the team, and which name
     * opens "Iraqi troops"). A capitalised first word counts only when it is not one of the words sentences
     * commonly start with.
     */
    static boolean mayHoldName(List<Token> tokens, List<Mention> known, Set<String> named, NameFinder names) {
        int first = firstWord(tokens);
        int k = 0;
        for (int i = first; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!(token.capitalised() || token.allCaps())) {
                continue;
            }
            while (k < known.size() && known.get(k).end() <= i) {
                k++;
            }
            if (k < known.size() && known.get(k).start() <= i && !known.get(k).part(tokens) && (certain(known.get(k))
                    || known.get(k).end() - known.get(k).start() == 1 && named.contains(token.norm()))) {
                continue;
            }
            String lower = token.text().toLowerCase(java.util.Locale.ROOT);
            if (CALENDAR.contains(lower)
                    || i == first && (SENTENCE_STARTS.contains(lower) || !names.mayBeName(token.text()))) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** A knowledge-base mention whose extent and type no name finder would change. */
    private static boolean certain(Mention mention) {
        if (mention.entries() == null) {
            return false;
        }
        KbEntry entry = best(mention.entries());
        Actor actor = entry.actor();
        return switch (entry.kind()) {
            case SEAT -> true;
            case NAME -> actor != null && !entry.looseCase() && !"place".equals(actor.sector());
            case TITLE -> entry.roles().size() > 0 && actor == null;
            case PLACE, SURNAME -> false;
        };
    }

    /** The first token with a letter: a sentence opening with a quotation mark starts at the word after it. */
    private static int firstWord(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).text().codePoints().anyMatch(Character::isLetter)) {
                return i;
            }
        }
        return 0;
    }

    /** Capitalised in English but never a name. */
    private static final java.util.Set<String> CALENDAR = java.util.Set.of("monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december", "i");

    private static final java.util.Set<String> SENTENCE_STARTS = java.util.Set.of(
            "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they",
            "we", "i", "you", "his", "her", "their", "our", "my", "your", "and", "but", "or", "so", "yet", "if",
            "when", "while", "as", "after", "before", "since", "although", "though", "because", "in", "on", "at",
            "for", "with", "by", "from", "of", "to", "amid", "during", "under", "over", "some", "many", "most",
            "all", "no", "not", "one", "two", "three", "both", "each", "any", "such", "other", "also", "however",
            "meanwhile", "still", "even", "only", "speaking", "asked", "according", "officials", "representatives",
            // conjunctive adverbs
            "therefore", "thus", "hence", "incidentally", "moreover", "furthermore", "nevertheless", "nonetheless",
            "consequently", "instead", "indeed", "likewise", "similarly", "accordingly", "otherwise", "besides",
            "anyway", "finally", "additionally", "further", "then", "now", "today", "yesterday", "again", "earlier",
            "later", "overall");

    /** Object pronouns: after a sentence's first word they make it a verb ("Thank you", "Let us"). */
    private static final java.util.Set<String> OBJECT_PRONOUNS = java.util.Set.of("you", "us", "me", "him", "them");

    private void resolve(String text, List<Token> tokens, List<Mention> mentions, @Nullable LocalDate day,
                         Map<String, Actor> surnames, Map<List<String>, Actor> offices, List<Entity> out) {
        for (int m = 0; m < mentions.size(); m++) {
            Mention mention = mentions.get(m);
            String surface = text.substring(mention.charStart(), mention.charEnd());
            if (mention.entries() == null) {
                fromNameFinder(mention, surface, tokens, day, surnames, offices, out);
                continue;
            }
            if (mention.place() != null) {
                gazetteerPlace(mention, mention.place(), surface, tokens, day, surnames, offices, out);
                continue;
            }
            KbEntry entry = best(mention.entries());
            if (mention.nameType() != null
                    && overruled(entry, mention.nameType(), tokens, mention, surface, day, surnames)) {
                if (mention.nameType().equals("MISC") && entry.actor() != null) {
                    out.add(entity(surface, EntityType.OTHER, mention, entry.actor())); // a modifier, that place
                } else {
                    fromNameFinder(mention, surface, tokens, day, surnames, offices, out);
                }
                continue;
            }
            if (mention.name() == null && !mention.part(tokens) && isPhrase(mention)) {
                Name known = knownOpeningName(tokens, mention);
                if (known != null) {
                    mention = mention.withName(known);
                }
            }
            switch (entry.kind()) {
                case NAME -> {
                    Actor actor = Objects.requireNonNull(entry.actor());
                    if (actor.type() == EntityType.PERSON) {
                        actor = kb.asOf(actor, day);
                        remember(actor, surface, surnames);
                        rememberOffices(actor, day, offices);
                    }
                    out.add(entity(surface, actor.type(), mention, actor));
                }
                case SEAT -> out.add(entity(surface, EntityType.ORG, mention, Objects.requireNonNull(entry.actor())));
                case PLACE -> {
                    Actor place = Objects.requireNonNull(entry.actor());
                    boolean acting = entry.metonym() != null && actsAsGovernment(tokens, mention);
                    out.add(entity(surface, place.type(), mention, acting ? entry.metonym() : place));
                }
                case SURNAME -> {
                    Actor person = surname(entry, surface, day, surnames);
                    if (person != null) {
                        rememberOffices(person, day, offices);
                    }
                    out.add(person == null ? unresolved(surface, EntityType.PERSON, mention)
                            : entity(surface, EntityType.PERSON, mention, person));
                }
                case TITLE -> {
                    if (entry.needsThe()) {
                        Actor named = offices.get(ActorKb.phraseKey(surface));
                        if (named != null) {
                            out.add(entity(surface, EntityType.PERSON, mention, named)); // "the secretary-general"
                        }
                        continue;
                    }
                    Mention next = m + 1 < mentions.size() ? mentions.get(m + 1) : null;
                    if (next != null && next.start() == mention.end() && isPerson(next)) {
                        // "Secretary of State Anthony Blinken": the name says who; "Palestinian" stays a name
                        openingName(text, tokens, mention).ifPresent(out::add);
                        continue;
                    }
                    Actor holder = kb.holder(entry.roles(), day).orElse(null);
                    Actor agent = entry.actor();
                    int nameEnd = unknownName(tokens, mention.end(), next);
                    if (nameEnd > mention.end() && (holder == null || !holder.name().equals(
                            text.substring(tokens.get(mention.end()).start(), tokens.get(nameEnd - 1).end())))
                            && (agent != null || holder != null)) {
                        // "Serbian President Vojislav Kostunica": a person the knowledge base does not know,
                        // of the title's country
                        openingName(text, tokens, mention).ifPresent(out::add);
                        Actor office = agent != null ? agent : holder;
                        String name = text.substring(tokens.get(mention.end()).start(), tokens.get(nameEnd - 1).end());
                        Actor person = new Actor("PER:" + name.toUpperCase(Locale.ROOT)
                                .replaceAll("[^\\p{L}\\p{N}]+", "_"), name, EntityType.PERSON, office.country(),
                                office.sector(), null);
                        remember(person, name, surnames);
                        Mention named = new Mention(mention.end(), nameEnd, tokens.get(mention.end()).start(),
                                tokens.get(nameEnd - 1).end(), null, "PER");
                        out.add(entity(name, EntityType.PERSON, named, person));
                        if (next != null && next.start() < nameEnd) {
                            m++; // the name finder's mention of the same name
                        }
                    } else if (holder != null) {
                        out.add(entity(surface, EntityType.PERSON, mention, holder));
                    } else if (agent != null) {
                        out.add(entity(surface, agent.type() == EntityType.NORP ? EntityType.NORP : EntityType.ORG,
                                mention, agent));
                    }
                }
                default -> throw new IllegalStateException("unknown entry kind " + entry.kind());
            }
        }
    }

    /**
     * The name opening a title that is not itself the mention ("NATO" in "NATO Secretary-General Jens
     * Stoltenberg", "Palestinian" in "Palestinian President Yasser Arafat"), resolved when the knowledge base
     * knows exactly that name. Office words the finder took into the name are left to the title ("US" of
     * "US Ambassador to Russia").
     */
    private java.util.Optional<Entity> openingName(String text, List<Token> tokens, Mention title) {
        Name name = title.name();
        if (name == null) {
            return java.util.Optional.empty();
        }
        int nameEnd = title.start();
        while (nameEnd < title.end() && tokens.get(nameEnd).end() <= name.charEnd()) {
            nameEnd++;
        }
        int end = nameEnd;
        while (end > title.start() && ActorKb.isAgentWord(tokens.get(end - 1).text())) {
            end--;
        }
        if (end == title.start()) {
            return java.util.Optional.empty();
        }
        boolean trimmed = end < nameEnd;
        Mention alone = new Mention(title.start(), end, title.charStart(), tokens.get(end - 1).end(), null,
                name.type());
        Actor actor = exactName(tokens.subList(title.start(), end));
        if (trimmed && actor == null) {
            return java.util.Optional.empty();
        }
        EntityType type = trimmed ? Objects.requireNonNull(actor).type() : name.entityType();
        return java.util.Optional.of(entity(text.substring(alone.charStart(), alone.charEnd()), type, alone, actor));
    }

    /** End of a run of one to four capitalised words at {@code start} that no knowledge-base mention covers. */
    private static int unknownName(List<Token> tokens, int start, @Nullable Mention next) {
        int end = start;
        while (end < tokens.size() && end - start < 4 && tokens.get(end).word() && tokens.get(end).capitalised()
                && !tokens.get(end).allCaps() && (next == null || next.entries() == null || end < next.start())) {
            end++;
        }
        return end - start >= 2 ? end : start;
    }

    private static boolean isPerson(Mention mention) {
        if (mention.entries() == null) {
            return "PER".equals(mention.nameType());
        }
        KbEntry entry = best(mention.entries());
        return entry.kind() == KbEntry.Kind.SURNAME
                || entry.kind() == KbEntry.Kind.NAME && entry.actor() != null
                && entry.actor().type() == EntityType.PERSON;
    }

    private static KbEntry best(List<KbEntry> entries) {
        KbEntry best = entries.get(0);
        for (KbEntry entry : entries) {
            if (entry.rank() > best.rank()) {
                best = entry;
            }
        }
        return best;
    }

    private @Nullable Actor surname(KbEntry entry, String surface, @Nullable LocalDate day,
                                    Map<String, Actor> surnames) {
        Actor known = surnames.get(Token.normalise(surface));
        if (known != null) {
            return known;
        }
        if (entry.candidates().size() == 1) {
            return kb.asOf(entry.candidates().get(0), day);
        }
        if (day != null) {
            Actor only = null;
            for (Actor candidate : entry.candidates()) {
                Actor dated = kb.asOf(candidate, day);
                boolean inOffice = kb.roles(candidate.id()).stream().anyMatch(role -> role.heldOn(day));
                if (inOffice) {
                    if (only != null) {
                        return null;
                    }
                    only = dated;
                }
            }
            return only;
        }
        return null;
    }

    /** The offices {@code person} held on {@code day}, so "the secretary-general" later in the story is them. */
    private void rememberOffices(Actor person, @Nullable LocalDate day, Map<List<String>, Actor> offices) {
        for (io.wirewatch.nlp.kb.Role role : kb.roles(person.id())) {
            if (day == null ? role.to() == null : role.heldOn(day)) {
                offices.put(ActorKb.phraseKey(role.title()), person);
            }
        }
    }

    private static void remember(Actor person, String surface, Map<String, Actor> surnames) {
        String[] words = surface.strip().split("\\s+");
        if (words.length >= 2) {
            surnames.put(Token.normalise(words[words.length - 1]), person);
        }
        String[] canonical = person.name().split("\\s+");
        surnames.putIfAbsent(Token.normalise(canonical[canonical.length - 1]), person);
    }

    /**
     * Whether the name finder's type overrules the knowledge base on the same words: a surname the story does not
     * resolve that is not a person here, a city that is a person or a team beside its score, a sea or region
     * whose name modifies a noun ("an Arctic island": typed OTHER, still that region). A capital acting as its
     * government stays the government, a state stays the state, and a surname the knowledge base resolves stays
     * the person ("the Biden administration").
     */
    private boolean overruled(KbEntry entry, String nameType, List<Token> tokens, Mention mention, String surface,
                              @Nullable LocalDate day, Map<String, Actor> surnames) {
        if (entry.kind() == KbEntry.Kind.SURNAME) {
            return !nameType.equals("PER") && surname(entry, surface, day, surnames) == null;
        }
        Actor actor = entry.actor();
        if (actor == null || !(actor.type() == EntityType.GPE || actor.type() == EntityType.LOC)
                || !(entry.kind() == KbEntry.Kind.NAME || entry.kind() == KbEntry.Kind.PLACE)) {
            return false;
        }
        boolean place = "place".equals(actor.sector());
        if (nameType.equals("PER")) {
            // "Lincoln said", "Mr. Paris": a person only where the words around say so; a state the finder calls a
            // person ("Niger") stays the state, and so does a city with nothing but the finder for a person
            return place && (Evidence.person(tokens, mention.start(), mention.end())
                    || surnames.containsKey(Token.normalise(surface)));
        }
        if (nameType.equals("MISC")) { // "an Arctic island": a region's name as a modifier, not the region
            return place && actor.type() == EntityType.LOC && mention.end() < tokens.size()
                    && tokens.get(mention.end()).word() && !tokens.get(mention.end()).capitalised()
                    && !tokens.get(mention.end()).allCaps();
        }
        // "NEW YORK 3 Boston 2", "San Diego 3 NEW YORK 2": a team beside its score; elsewhere a place the finder
        // calls a body is more often the finder's mistake ("warplanes bombed Kaliningrad")
        return nameType.equals("ORG") && place && besideNumber(tokens, mention)
                && !(entry.metonym() != null && actsAsGovernment(tokens, mention));
    }

    private static boolean besideNumber(List<Token> tokens, Mention mention) {
        return mention.end() < tokens.size() && isNumber(tokens.get(mention.end()))
                || mention.start() > 0 && isNumber(tokens.get(mention.start() - 1));
    }

    private static boolean isNumber(Token token) {
        return !token.text().isEmpty() && Character.isDigit(token.text().charAt(0));
    }

    /**
     * The known person a longer name ends with, when its first name agrees ("Sergey Lavrov", "Anthony Blinken"),
     * else null: "Michael Johnson" is not Boris Johnson, and "S. Waugh" says too little.
     */
    private @Nullable Actor namesake(List<KbEntry> entries, String surface, @Nullable LocalDate day) {
        String given = surface.strip().split("\\s+")[0];
        if (given.length() < 3 || given.endsWith(".")) {
            return null;
        }
        KbEntry entry = best(entries);
        List<Actor> candidates = entry.kind() == KbEntry.Kind.SURNAME ? entry.candidates()
                : entry.actor() != null && entry.actor().type() == EntityType.PERSON ? List.of(entry.actor())
                : List.of();
        Actor found = null;
        for (Actor candidate : candidates) {
            String first = candidate.name().split("\\s+")[0];
            if (sameGivenName(given, first)) {
                if (found != null) {
                    return null;
                }
                found = kb.asOf(candidate, day);
            }
        }
        return found;
    }

    /** "Sergey" and "Sergei", "Anthony" and "Antony": the same first letter and at most one edit apart. */
    static boolean sameGivenName(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        if (x.isEmpty() || y.isEmpty() || x.charAt(0) != y.charAt(0) || Math.abs(x.length() - y.length()) > 1) {
            return false;
        }
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitute = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()] <= 1;
    }

    private void fromNameFinder(Mention mention, String surface, List<Token> tokens, @Nullable LocalDate day,
                                Map<String, Actor> surnames, Map<List<String>, Actor> offices, List<Entity> out) {
        String type = Objects.requireNonNullElse(mention.nameType(), "MISC");
        switch (type) {
            case "PER" -> person(mention, surface, tokens, day, surnames, offices, out);
            case "ORG" -> out.add(withCountry(surface, EntityType.ORG, mention, null));
            case "LOC" -> out.add(withCountry(surface, EntityType.LOC, mention, "place"));
            default -> {
                Actor nation = openingNation(mention, tokens);
                out.add(nation != null ? entity(surface, EntityType.NORP, mention, nation)
                        : withCountry(surface, EntityType.OTHER, mention, null));
            }
        }
    }

    /**
     * A person the name finder found. Titles it took into the name are left out ("Mayor Ihor Terekhov" is Ihor
     * Terekhov). The person becomes an actor only on evidence: a known person (a surname the story named in full,
     * a longer name of a known person), a full name, or a title or speech verb beside it ("Mr. Osman", "Osman
     * said"). Without it a one-word name stays a person with no actor, and the first word of a sentence that is
     * an ordinary word there ("Thank", "Therefore", "Head") is no name at all.
     */
    private void person(Mention found, String foundSurface, List<Token> tokens, @Nullable LocalDate day,
                        Map<String, Actor> surnames, Map<List<String>, Actor> offices, List<Entity> out) {
        int start = found.start();
        while (start < found.end() - 1 && Evidence.isTitle(tokens.get(start))) {
            start++;
        }
        Mention mention = start == found.start() ? found : found.from(start, tokens);
        String surface = foundSurface.substring(mention.charStart() - found.charStart());
        boolean titled = start > found.start() || Evidence.person(tokens, found.start(), found.end());
        Actor known = mention.end() - mention.start() == 1 ? surnames.get(Token.normalise(surface)) : null;
        Mention closing = mention.inner() == null || mention.inner().isEmpty() ? null
                : mention.inner().get(mention.inner().size() - 1);
        if (known == null && closing != null && closing.end() == mention.end() && closing.entries() != null) {
            known = namesake(closing.entries(), surface, day);
            if (known != null) {
                remember(known, surface, surnames);
                rememberOffices(known, day, offices);
            }
        }
        if (known == null) {
            boolean fullName = wordCount(tokens, mention.start(), mention.end()) >= 2;
            if (!fullName && !titled) {
                if (mention.start() == firstWord(tokens) && ordinaryOpening(tokens, mention.start())) {
                    return; // "Thank you", "Therefore, ...": the sentence's first word, capitalised as such
                }
                out.add(unresolved(surface, EntityType.PERSON, mention));
                return;
            }
            Actor office = office(tokens, mention.start());
            known = new Actor("PER:" + surface.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_"),
                    surface, EntityType.PERSON, null, office == null ? null : office.sector(), null);
            if (fullName) {
                remember(known, surface, surnames);
            }
        }
        out.add(entity(surface, EntityType.PERSON, mention, known));
    }

    /**
     * The sector an agent word right before a name gives its person ("Judge Paul Kellar": judiciary, "Police
     * Chief X": police), the longest of up to three words; its country comes later, from the sentence or story.
     */
    private @Nullable Actor office(List<Token> tokens, int nameStart) {
        for (int from = Math.max(0, nameStart - 3); from < nameStart; from++) {
            List<String> words = new ArrayList<>(nameStart - from);
            for (int i = from; i < nameStart; i++) {
                words.add(tokens.get(i).norm());
            }
            Actor agent = kb.sectorAgent(words).orElse(null);
            if (agent != null) {
                return agent;
            }
        }
        return null;
    }

    private static int wordCount(List<Token> tokens, int start, int end) {
        int words = 0;
        for (int i = start; i < end; i++) {
            if (tokens.get(i).word()) {
                words++;
            }
        }
        return words;
    }

    /**
     * A sentence's first word that is capitalised only for being first: a function word or conjunctive adverb, a
     * word the finder saw in lower case, a verb before its object ("Thank you") or an adverb before its comma
     * ("Incidentally,").
     */
    private boolean ordinaryOpening(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (SENTENCE_STARTS.contains(token.norm()) || !names.mayBeName(token.text())) {
            return true;
        }
        Token next = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        return next != null && (OBJECT_PRONOUNS.contains(next.norm())
                || token.norm().length() >= 7 && token.norm().endsWith("ly") && next.text().equals(","));
    }

    /**
     * A gazetteer place where the name finder may have said something else. The rule: a place where the words
     * around it say so ("in Kharkiv", "shelled Bakhmut", "the Aleppo region") or the finder calls it a location;
     * never where they say person ("Mr. Victoria", "Lincoln said", a surname the story named); a name that is
     * also a common word ("Reading", "Mobile", "Police") only with the finder's LOC or those words; against the
     * finder's person, only a major place (a capital, a region, {@value Gazetteer#MAJOR_POPULATION}+ people:
     * "Aleppo" yes, "Obama" in Japan no); against its organisation (a team, a company: "Barcelona won"), only
     * with those words; otherwise the finder's reading stands.
     */
    private void gazetteerPlace(Mention mention, Gazetteer.Place place, String surface, List<Token> tokens,
                                @Nullable LocalDate day, Map<String, Actor> surnames,
                                Map<List<String>, Actor> offices, List<Entity> out) {
        int start = mention.start();
        int end = mention.end();
        boolean placeWords = Evidence.place(tokens, start, end);
        boolean personWords = Evidence.person(tokens, start, end)
                || end - start == 1 && surnames.containsKey(Token.normalise(surface));
        String type = mention.nameType();
        boolean isPlace;
        if (type == null) {
            isPlace = !personWords && (placeWords || !place.commonWord());
        } else {
            isPlace = switch (type) {
                case "LOC" -> true;
                case "PER" -> !personWords && (placeWords || !place.commonWord() && place.major());
                case "ORG" -> placeWords && !besideNumber(tokens, mention);
                default -> placeWords || !place.commonWord();
            };
        }
        if (isPlace) {
            out.add(entity(surface, EntityType.GPE, mention, place.actor()));
        } else if (type != null) {
            fromNameFinder(mention.nameOnly(), surface, tokens, day, surnames, offices, out);
        }
    }

    /**
     * The nation a group's name opens with ("Bosnian Serbs", "Iraqi Kurds", "Russian Jewish" are groups of those
     * countries), or null: the name must be a nationality followed by nationalities or {@link #GROUPS} only, so
     * "American League" and "British Masters" are not.
     */
    private static @Nullable Actor openingNation(Mention mention, List<Token> tokens) {
        List<Mention> inner = mention.inner();
        if (inner == null || inner.isEmpty()) {
            return null;
        }
        Mention opening = inner.get(0);
        if (opening.start() != mention.start() || opening.entries() == null) {
            return null;
        }
        KbEntry entry = best(opening.entries());
        Actor actor = entry.actor();
        if (entry.kind() != KbEntry.Kind.NAME || actor == null || actor.type() != EntityType.NORP) {
            return null;
        }
        int k = 1;
        for (int i = opening.end(); i < mention.end(); i++) {
            while (k < inner.size() && inner.get(k).end() <= i) {
                k++;
            }
            boolean nationality = k < inner.size() && inner.get(k).start() <= i && inner.get(k).entries() != null
                    && best(inner.get(k).entries()).actor() != null
                    && best(inner.get(k).entries()).actor().type() == EntityType.NORP;
            if (!nationality && !GROUPS.contains(tokens.get(i).norm())) {
                return null;
            }
        }
        return actor;
    }

    /** Peoples and faiths that follow a nationality in the name of a group ("Iraqi Kurds", "Bosnian Muslims"). */
    private static final Set<String> GROUPS = Set.of("kurd", "kurds", "kurdish", "jew", "jews", "jewish", "arab",
            "arabs", "muslim", "muslims", "christian", "christians", "catholic", "catholics", "protestant",
            "protestants", "orthodox", "sunni", "sunnis", "shia", "shias", "shi'ite", "shi'ites", "shiite", "shiites",
            "hutu", "hutus", "tutsi", "tutsis", "tamil", "tamils", "sikh", "sikhs", "hindu", "hindus", "buddhist",
            "buddhists", "druze", "pashtun", "pashtuns", "baluch", "roma", "berber", "berbers", "tatar", "tatars",
            "uighur", "uighurs", "uyghur", "uyghurs", "rohingya", "alawite", "alawites", "yazidi", "yazidis");

    /**
     * A name the knowledge base does not know, with the country of a known name inside it ("Nigerian Union of
     * Teachers", "Washington Post", "East Jerusalem"): where it is, not who it is, so no actor.
     */
    private static Entity withCountry(String surface, EntityType type, Mention mention, @Nullable String sector) {
        Entity.Builder entity = builder(surface, type, mention);
        if (mention.inner() != null) {
            for (Mention inner : mention.inner()) {
                Actor actor = inner.entries() == null ? null : best(inner.entries()).actor();
                if (actor != null && actor.country() != null) {
                    entity.setCountry(actor.country()).setSector(sector);
                    break;
                }
            }
        }
        return entity.build();
    }

    /** "Moscow has demanded", "Moscow’s demands": the capital acts, so it names the government. */
    private static boolean actsAsGovernment(List<Token> tokens, Mention mention) {
        if (mention.end() < tokens.size() && tokens.get(mention.end()).norm().equals("'s")) {
            return true;
        }
        int before = mention.start() - 1;
        if (before >= 0 && tokens.get(before).norm().equals("the")) {
            before--;
        }
        if (before >= 0 && TOWARD_ACTOR.contains(tokens.get(before).norm())) {
            return true; // "against Washington", "talks with Moscow", "urged Beijing"
        }
        if (before >= 1 && tokens.get(before).norm().equals("to")
                && ADDRESSED.contains(tokens.get(before - 1).norm())) {
            return true; // "a response to Washington", "concessions to Moscow"
        }
        if (before >= 0 && PLACE_PREPOSITIONS.contains(tokens.get(before).norm())) {
            return false;
        }
        if (mention.end() >= tokens.size()) {
            return false;
        }
        String next = tokens.get(mention.end()).norm();
        if (next.equals("'s")) {
            return true;
        }
        if (ACTING_VERBS.contains(next)) {
            return true;
        }
        Token following = tokens.get(mention.end());
        if (next.length() > 4 && next.endsWith("ed") && !following.capitalised() && following.word()) {
            return true; // "Jakarta forced", "Beijing imposed"
        }
        if ((next.equals("also") || next.equals("now") || next.equals("has") || next.equals("repeatedly")
                || next.equals("again") || next.equals("then")) && mention.end() + 1 < tokens.size()) {
            return ACTING_VERBS.contains(tokens.get(mention.end() + 1).norm());
        }
        return false;
    }

    private static Entity entity(String surface, EntityType type, Mention mention, @Nullable Actor actor) {
        Entity.Builder entity = builder(surface, type, mention);
        if (actor != null) {
            entity.setActorId(actor.id()).setActorName(actor.name()).setCountry(actor.country())
                    .setSector(actor.sector());
        }
        return entity.build();
    }

    private static Entity unresolved(String surface, EntityType type, Mention mention) {
        return builder(surface, type, mention).build();
    }

    private static Entity.Builder builder(String surface, EntityType type, Mention mention) {
        EntityType shown = mention.compound() && mention.nameType() != null ? finderType(mention.nameType()) : type;
        Entity.Builder entity = Entity.newBuilder().setText(surface).setType(shown).setStart(mention.charStart())
                .setEnd(mention.charEnd());
        Name name = mention.name();
        if (name != null && name.charEnd() < mention.charEnd()) {
            entity.setNameEnd(name.charEnd()).setNameType(name.entityType());
        }
        return entity;
    }
}
