package io.wirewatch.schema;

import org.jspecify.annotations.Nullable;

/**
 * Where a story's time came from, read the same way by ingest, backtest, replay and the alert service, also for
 * stories written before {@link Story#getDateSource()} existed.
 */
public final class StoryTimes {

    private StoryTimes() {
    }

    /**
     * The story's {@link DateSource}; for a story written before the field: {@link DateSource#READ} when it has no
     * publication time, else null (it has a date but did not say whether the page, a feed or a file gave it).
     */
    public static @Nullable DateSource dateSource(Story story) {
        if (story.getDateSource() != null) {
            return story.getDateSource();
        }
        return story.getPublishedAt() == null ? DateSource.READ : null;
    }

    /** True when the story gave no date of its own and stands at the time it was read ({@code fetchedAt}). */
    public static boolean atReadTime(Story story) {
        return dateSource(story) == DateSource.READ;
    }
}
