package io.wirewatch.nlp.stance;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One stance pattern: slots over normalised tokens with bounded gaps between them, the PLOVER category and CAMEO
 * code it signals, and how negation and attribution apply (see the header of {@code rules.tsv}).
 */
record StanceRule(String id, String category, String cameo, List<Slot> slots, int[] gaps, boolean carriesNegation,
                  @Nullable String flipCategory, @Nullable String flipCameo, boolean speakerIsSource,
                  boolean force, boolean armed, boolean appeal, boolean staged, boolean verb, boolean lexicon,
                  int priority) {

    StanceRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(cameo, "cameo");
        slots = List.copyOf(slots);
        if (slots.isEmpty() || gaps.length != slots.size()) {
            throw new IllegalArgumentException("rule " + id + " needs slots and one gap per slot");
        }
    }

    /**
     * One position of a pattern: exact words and word prefixes; {@code _} stands for any word. Prefixes are looked
     * up by the word's own beginnings (one hash lookup per length), so a slot of a hundred prefixes (a synonym set
     * of the verb lexicon) costs no more than a slot of one.
     */
    record Slot(Set<String> words, List<String> prefixes, Set<String> prefixSet, int shortest, int longest,
                boolean any, int[] prefixHashes) {
        Slot(Set<String> words, List<String> prefixes) {
            this(Set.copyOf(words), List.copyOf(prefixes), Set.copyOf(prefixes),
                    prefixes.stream().mapToInt(String::length).min().orElse(0),
                    prefixes.stream().mapToInt(String::length).max().orElse(0), words.contains("_"),
                    prefixes.stream().mapToInt(String::hashCode).distinct().sorted().toArray());
        }

        boolean matches(String norm) {
            if (any) {
                return !norm.isEmpty() && Character.isLetter(norm.charAt(0)); // any word
            }
            if (words.contains(norm)) {
                return true;
            }
            // the hash of each beginning of the word, built a character at a time (String.hashCode's formula), so
            // a word is cut into a substring only when a prefix of that length may be there
            int last = Math.min(longest, norm.length());
            int hash = 0;
            for (int length = 1; length <= last; length++) {
                hash = 31 * hash + norm.charAt(length - 1);
                if (length >= shortest && Arrays.binarySearch(prefixHashes, hash) >= 0
                        && prefixSet.contains(norm.substring(0, length))) {
                    return true;
                }
            }
            return false;
        }
    }
}
