package io.wirewatch.alerts.web;

import io.wirewatch.schema.EnrichedStory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The enriched stories the alerts service keeps, for an alert's detail and the dashboard's story search. */
public interface StoryLookup {

    /** Keeps nothing: every lookup finds nothing. */
    StoryLookup NONE = new StoryLookup() {
        @Override
        public @Nullable EnrichedStory byId(String storyId) {
            return null;
        }

        @Override
        public List<EnrichedStory> search(StoryQuery query, int limit) {
            return List.of();
        }
    };

    /** The story with this id, or null when it is unknown or has been forgotten. */
    @Nullable EnrichedStory byId(String storyId);

    /**
     * Up to {@code limit} stories that {@code query} accepts, newest first.
     *
     * @throws IllegalStateException when the stories cannot be read now (e.g. Kafka Streams is rebalancing)
     */
    List<EnrichedStory> search(StoryQuery query, int limit);
}
