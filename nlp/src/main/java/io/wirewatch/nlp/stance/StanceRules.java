package io.wirewatch.nlp.stance;

import io.wirewatch.nlp.text.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled stance rules, indexed by the words and prefixes their first slot accepts, so matching a sentence
 * costs one or two hash lookups per token rather than one test per rule.
 */
final class StanceRules {

    static final String BUNDLED = "io/wirewatch/nlp/stance/rules.tsv";
    /** The broad verb lexicon derived from the CAMEO verb dictionary: consulted after the hand-written rules. */
    static final String LEXICON = "io/wirewatch/nlp/stance/cameo-verbs.tsv";
    /** The category of a rule that codes no event ("killed in an accident"): it only keeps others from firing. */
    static final String NONE = "NONE";
    static final Set<String> CATEGORIES = Set.of("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
            "RETREAT", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
            "ASSAULT", "INVESTIGATE", "FIGHT", "APPEAL");
    private static final int PREFIX_KEY = 3;
    /** How many distinct words {@link #startingWith} remembers (a few MB at most); later ones are looked up. */
    private static final int REMEMBERED_WORDS = 50_000;
    private static final StanceRule[] NO_RULES = new StanceRule[0];

    private final List<StanceRule> rules;
    private final Map<String, List<StanceRule>> byWord = new HashMap<>();
    private final Map<String, List<StanceRule>> byPrefix = new HashMap<>();
    /** Per word, the rules whose first slot accepts it: most words of news repeat, and most start no rule. */
    private final Map<String, StanceRule[]> firstSlot = new ConcurrentHashMap<>();

    private StanceRules(List<StanceRule> rules) {
        this.rules = List.copyOf(rules);
        for (StanceRule rule : rules) {
            StanceRule.Slot first = rule.slots().get(0);
            if (first.words().contains("_")) {
                throw new IllegalArgumentException("rule " + rule.id() + " may not start with the wildcard _");
            }
            for (String word : first.words()) {
                byWord.computeIfAbsent(word, k -> new ArrayList<>()).add(rule);
            }
            for (String prefix : first.prefixes()) {
                byPrefix.computeIfAbsent(prefix.substring(0, Math.min(PREFIX_KEY, prefix.length())),
                        k -> new ArrayList<>()).add(rule);
            }
        }
    }

    /** The hand-written rules, then the verb lexicon, which fills in where no hand-written rule fires. */
    static StanceRules bundled() {
        List<StanceRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String resource : List.of(BUNDLED, LEXICON)) {
            InputStream in = StanceRules.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("the bundled stance rules " + resource + " are missing");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                read("classpath:" + resource, reader, rules, ids, resource.equals(LEXICON));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new StanceRules(rules);
    }

    static StanceRules parse(String source, Reader reader) {
        List<StanceRule> rules = new ArrayList<>();
        read(source, reader, rules, new HashSet<>(), false);
        return new StanceRules(rules);
    }

    private static void read(String source, Reader reader, List<StanceRule> rules, Set<String> ids,
                             boolean lexicon) {
        BufferedReader in = new BufferedReader(reader);
        int number = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                StanceRule rule = parseRule(source, number, line, rules.size(), lexicon);
                if (!ids.add(rule.id())) {
                    throw new IllegalArgumentException(source + ":" + number + ": duplicate rule id " + rule.id());
                }
                rules.add(rule);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stance rules " + source, e);
        }
    }

    private static StanceRule parseRule(String source, int number, String line, int priority, boolean lexicon) {
        String where = source + ":" + number + ": ";
        String[] fields = line.split("\t");
        if (fields.length < 4) {
            throw new IllegalArgumentException(where + "expected ID, CATEGORY, CAMEO, PATTERN separated by tabs");
        }
        String category = fields[1].strip();
        if (!CATEGORIES.contains(category) && !category.equals(NONE)) {
            throw new IllegalArgumentException(where + "unknown PLOVER category " + category);
        }
        String cameo = fields[2].strip();
        if (!category.equals(NONE) && !Cameo.known(cameo)) {
            throw new IllegalArgumentException(where + "CAMEO code " + cameo + " has no known intensity");
        }
        List<StanceRule.Slot> slots = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        int gap = 0;
        for (String part : fields[3].strip().split("\\s+")) {
            if (part.startsWith("~")) {
                try {
                    gap = Integer.parseInt(part.substring(1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "bad gap " + part);
                }
                continue;
            }
            Set<String> words = new HashSet<>();
            List<String> prefixes = new ArrayList<>();
            for (String alternative : part.split("\\|")) {
                String norm = Token.normalise(alternative);
                if (norm.endsWith("*")) {
                    if (norm.length() < PREFIX_KEY + 1) {
                        throw new IllegalArgumentException(where + "prefix " + alternative + " is too short");
                    }
                    prefixes.add(norm.substring(0, norm.length() - 1));
                } else if (!norm.isEmpty()) {
                    words.add(norm);
                }
            }
            slots.add(new StanceRule.Slot(words, prefixes));
            gaps.add(gap);
            gap = 0;
        }
        String flipCategory = null;
        String flipCameo = null;
        boolean carriesNegation = false;
        boolean speaker = false;
        boolean force = false;
        boolean armed = false;
        boolean appeal = false;
        boolean staged = false;
        boolean verb = false;
        for (int i = 4; i < fields.length; i++) {
            String flag = fields[i].strip();
            if (flag.equals("neg")) {
                carriesNegation = true;
            } else if (flag.equals("speaker")) {
                speaker = true;
            } else if (flag.equals("force")) {
                force = true;
            } else if (flag.equals("armed")) {
                armed = true;
            } else if (flag.equals("appeal")) {
                appeal = true;
            } else if (flag.equals("staged")) {
                staged = true;
            } else if (flag.equals("verb")) {
                verb = true;
            } else if (flag.startsWith("flip=") && flag.indexOf(':') > 5) {
                flipCategory = flag.substring(5, flag.indexOf(':'));
                flipCameo = flag.substring(flag.indexOf(':') + 1);
                if (!CATEGORIES.contains(flipCategory) || !Cameo.known(flipCameo)) {
                    throw new IllegalArgumentException(where + "bad flip " + flag);
                }
            } else if (!flag.isEmpty()) {
                throw new IllegalArgumentException(where + "unknown flag " + flag);
            }
        }
        int[] gapArray = gaps.stream().mapToInt(Integer::intValue).toArray();
        return new StanceRule(fields[0].strip(), category, cameo, slots, gapArray, carriesNegation, flipCategory,
                flipCameo, speaker, force, armed, appeal, staged, verb, lexicon, priority);
    }

    /** These rules without those whose ids are given (to measure what single rules contribute). */
    StanceRules without(Set<String> ids) {
        List<StanceRule> kept = new ArrayList<>();
        for (StanceRule rule : rules) {
            if (!ids.contains(rule.id())) {
                kept.add(rule);
            }
        }
        return new StanceRules(kept);
    }

    /** The ids of the hand-written rules (not the verb lexicon's). */
    Set<String> handWrittenIds() {
        Set<String> ids = new HashSet<>();
        for (StanceRule rule : rules) {
            if (!rule.lexicon()) {
                ids.add(rule.id());
            }
        }
        return ids;
    }

    int size() {
        return rules.size();
    }

    /** A match of a rule over tokens {@code [start, end)}. */
    record Match(StanceRule rule, int start, int end) {
    }

    /** The hand-written rules alone, or the verb lexicon alone. */
    StanceRules part(boolean lexicon) {
        List<StanceRule> kept = new ArrayList<>();
        for (StanceRule rule : rules) {
            if (rule.lexicon() == lexicon) {
                kept.add(rule);
            }
        }
        return new StanceRules(kept);
    }

    /** Every rule match in the tokens of one sentence, in token order. */
    List<Match> matches(List<Token> tokens) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (StanceRule rule : startingWith(tokens.get(i).norm())) {
                matchRest(rule, tokens, i, out);
            }
        }
        return out;
    }

    /**
     * The rules whose first slot accepts {@code norm}, in the order matching tries them (the word's own rules,
     * then those of its prefixes), remembered for the first {@value #REMEMBERED_WORDS} words seen.
     */
    private StanceRule[] startingWith(String norm) {
        StanceRule[] known = firstSlot.get(norm);
        if (known != null) {
            return known;
        }
        List<StanceRule> found = new ArrayList<>();
        List<StanceRule> exact = byWord.get(norm);
        if (exact != null) {
            for (StanceRule rule : exact) {
                if (rule.slots().get(0).matches(norm)) {
                    found.add(rule);
                }
            }
        }
        if (norm.length() >= PREFIX_KEY) {
            List<StanceRule> prefixed = byPrefix.get(norm.substring(0, PREFIX_KEY));
            if (prefixed != null) {
                for (StanceRule rule : prefixed) {
                    if ((exact == null || !exact.contains(rule)) && rule.slots().get(0).matches(norm)) {
                        found.add(rule);
                    }
                }
            }
        }
        StanceRule[] rules = found.isEmpty() ? NO_RULES : found.toArray(NO_RULES);
        if (firstSlot.size() < REMEMBERED_WORDS) {
            firstSlot.putIfAbsent(norm, rules);
        }
        return rules;
    }

    /** Adds the match of {@code rule} whose first slot is token {@code start}, if the other slots follow. */
    private static void matchRest(StanceRule rule, List<Token> tokens, int start, List<Match> out) {
        int position = start + 1;
        for (int s = 1; s < rule.slots().size(); s++) {
            StanceRule.Slot slot = rule.slots().get(s);
            int limit = Math.min(tokens.size(), position + rule.gaps()[s] + 1);
            int found = -1;
            for (int j = position; j < limit; j++) {
                String norm = tokens.get(j).norm();
                if (norm.equals(";") || norm.equals(".")) {
                    break;
                }
                if (slot.matches(norm)) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                return;
            }
            position = found + 1;
        }
        out.add(new Match(rule, start, position));
    }
}
