package io.wirewatch.enrich.stance;

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

    /** One position of a pattern: exact words and word prefixes; {@code _} stands for any word. */
    record Slot(Set<String> words, List<String> prefixes) {
        Slot {
            words = Set.copyOf(words);
            prefixes = List.copyOf(prefixes);
        }

        boolean matches(String norm) {
            if (words.contains("_")) {
                return !norm.isEmpty() && Character.isLetter(norm.charAt(0)); // any word
            }
            if (words.contains(norm)) {
                return true;
            }
            for (String prefix : prefixes) {
                if (norm.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
