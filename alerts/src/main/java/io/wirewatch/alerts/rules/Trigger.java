package io.wirewatch.alerts.rules;

import io.wirewatch.schema.StanceChangeKind;
import io.wirewatch.schema.StanceLevel;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a rule watches: enriched stories (the default), stance changes of a dyad ({@code news.stance.changes}), or
 * closed dyad windows ({@code news.dyads.escalation}).
 */
public sealed interface Trigger {

    /** The name in a rules file ({@code on: story | stanceChange | dyadWindow}). */
    String name();

    /** A rule on each enriched story: its signals, its escalation score. */
    record OnStory() implements Trigger {
        @Override
        public String name() {
            return "story";
        }
    }

    /**
     * A rule on each stance change of a dyad, e.g. {@code COOPERATION -> THREAT}.
     *
     * @param kinds  SHIFT and/or INDEX_DROP; empty = both
     * @param before stance levels the dyad came from (COOPERATION, PRESSURE, THREAT, FORCE); empty = any. An
     *               INDEX_DROP has no levels, so a rule naming levels never matches one
     * @param after  stance levels it moved to; empty = any
     */
    record OnStanceChange(Set<StanceChangeKind> kinds, Set<StanceLevel> before, Set<StanceLevel> after)
            implements Trigger {
        public OnStanceChange {
            kinds = Set.copyOf(kinds);
            before = Set.copyOf(before);
            after = Set.copyOf(after);
        }

        @Override
        public String name() {
            return "stanceChange";
        }

        boolean matches(StanceChangeKind kind, @Nullable StanceLevel from, @Nullable StanceLevel to) {
            return (kinds.isEmpty() || kinds.contains(kind))
                    && (before.isEmpty() || from != null && before.contains(from))
                    && (after.isEmpty() || to != null && after.contains(to));
        }
    }

    /**
     * A rule on each closed window of a dyad.
     *
     * @param windows          HOUR and/or DAY; empty = both
     * @param maxIndex         the window's index (mean Goldstein intensity) must be at or below it, when set
     * @param minConflictShare the share of conflict signals must reach it, when set
     * @param minStories       independent stories the window counted
     */
    record OnDyadWindow(Set<String> windows, @Nullable Double maxIndex, @Nullable Double minConflictShare,
                        int minStories) implements Trigger {
        public OnDyadWindow {
            windows = upper(windows);
            if (minStories < 1) {
                throw new IllegalArgumentException("minStories must be >= 1, was " + minStories);
            }
        }

        @Override
        public String name() {
            return "dyadWindow";
        }

        boolean matches(String window, double index, double conflictShare, int stories) {
            return (windows.isEmpty() || windows.contains(window.toUpperCase(Locale.ROOT)))
                    && (maxIndex == null || index <= maxIndex)
                    && (minConflictShare == null || conflictShare >= minConflictShare)
                    && stories >= minStories;
        }
    }

    Trigger STORY = new OnStory();

    private static Set<String> upper(Set<String> values) {
        Objects.requireNonNull(values, "values");
        return values.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
