package io.wirewatch.enrich.dyad;

import io.wirewatch.schema.DyadSignal;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops copies of a claim already counted for a dyad within {@link #SPAN} of event time (one syndicated story
 * republished by many sites, or a story ingested twice), and marks the first signal of each story so windows
 * count independent stories. The memory of what was seen is a window store, so it expires by itself.
 */
final class DyadDeduplicator implements FixedKeyProcessor<String, DyadSignal, DyadSignal> {

    /** How far apart in event time two copies may be and still be one. */
    static final Duration SPAN = Duration.ofDays(1);

    private FixedKeyProcessorContext<String, DyadSignal> context;
    private WindowStore<String, Long> seen;

    @Override
    public void init(FixedKeyProcessorContext<String, DyadSignal> context) {
        this.context = context;
        this.seen = context.getStateStore(DyadTopology.SEEN_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, DyadSignal> record) {
        String dyad = record.key();
        long time = record.timestamp();
        String claim = DyadWindows.claimKey(dyad, record.value());
        if (seenNear(claim, time)) {
            return;
        }
        seen.put(claim, time, time);
        String story = DyadWindows.storyKey(dyad, record.value());
        boolean firstOfStory = !seenNear(story, time);
        if (firstOfStory) {
            seen.put(story, time, time);
        }
        DyadSignal value = DyadSignal.newBuilder(record.value()).setFirstOfStory(firstOfStory).build();
        context.forward(record.withValue(value));
    }

    private boolean seenNear(String key, long time) {
        try (WindowStoreIterator<Long> found = seen.fetch(key, time - SPAN.toMillis(), time + SPAN.toMillis())) {
            return found.hasNext();
        }
    }
}
