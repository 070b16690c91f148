package io.wirewatch.schema;

/**
 * Where a story's time came from, read the same way by ingest, backtest, replay and the alert service, also for
 * stories written before {@link Story#getDateSource()} existed.
 */
public final class StoryTimes {

    private StoryTimes() {
    }

    /**
     * The story's {@link DateSource}; for a story written before the field: {@link DateSource#READ} when it has no
     * publication time, else {@link DateSource#PUBLISHED} (those stories did not say which date they had found).
     */
    public static DateSource dateSource(Story story) {
        if (story.getDateSource() != null) {
            return story.getDateSource();
        }
        return story.getPublishedAt() == null ? DateSource.READ : DateSource.PUBLISHED;
    }

    /** True when the story gave no date of its own and stands at the time it was read ({@code fetchedAt}). */
    public static boolean atReadTime(Story story) {
        return dateSource(story) == DateSource.READ;
    }
}
