package io.wirewatch.alerts;

import io.wirewatch.alerts.topology.AlertsTopology;
import io.wirewatch.alerts.web.StoryLookup;
import io.wirewatch.alerts.web.StoryQuery;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Topics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jspecify.annotations.Nullable;

/**
 * Reads the stories the topology keeps ({@link AlertsTopology#STORIES_STORE}) by interactive query of this
 * instance's partitions. A search reads every kept story: fine for the days the store keeps, not an index.
 */
final class StreamsStoryLookup implements StoryLookup {

    private final KafkaStreams streams;
    @SuppressWarnings("unchecked") // the catalogue declares the value serde of the topic
    private final AvroSerde<EnrichedStory> serde = (AvroSerde<EnrichedStory>) Topics.STORIES_ENRICHED.valueSerde();

    StreamsStoryLookup(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public @Nullable EnrichedStory byId(String storyId) {
        ValueAndTimestamp<byte[]> found = store().get(storyId);
        return found == null || found.value() == null ? null : serde.decode(found.value());
    }

    @Override
    public List<EnrichedStory> search(StoryQuery query, int limit) {
        List<EnrichedStory> found = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = store().all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> entry = all.next();
                if (entry.value == null || entry.value.value() == null) {
                    continue;
                }
                EnrichedStory story = serde.decode(entry.value.value());
                if (query.test(story)) {
                    found.add(story);
                }
            }
        }
        return found.stream().sorted(Comparator.comparing((EnrichedStory s) -> StoryQuery.time(s.getStory())).reversed()
                .thenComparing(s -> s.getStory().getId())).limit(limit).toList();
    }

    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(AlertsTopology.STORIES_STORE,
                    QueryableStoreTypes.<String, byte[]>timestampedKeyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new IllegalStateException("the story store is not queryable (Kafka Streams is "
                    + streams.state() + ")", e);
        }
    }
}
