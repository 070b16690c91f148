package io.wirewatch.alerts;

import io.wirewatch.alerts.topology.AlertsTopology;
import io.wirewatch.alerts.topology.DyadWindowKeys;
import io.wirewatch.alerts.web.DyadTimelines;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DyadWindow;
import io.wirewatch.schema.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Reads the closed dyad windows the topology keeps ({@link AlertsTopology#DYAD_WINDOWS_STORE}) by interactive query
 * of this instance's partitions: one key range per pair and size. With several alerts instances, each dashboard
 * sees the pairs of the partitions it holds (as with the story store).
 */
final class StreamsDyadTimelines implements DyadTimelines {

    private final KafkaStreams streams;
    @SuppressWarnings("unchecked") // the catalogue declares the value serde of the topic
    private final AvroSerde<DyadWindow> serde = (AvroSerde<DyadWindow>) Topics.DYADS_ESCALATION.valueSerde();

    StreamsDyadTimelines(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public List<DyadWindow> windows(String source, String target, String size, Instant from, Instant to) {
        List<DyadWindow> found = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> range = store().range(
                DyadWindowKeys.of(source, target, size, from), DyadWindowKeys.of(source, target, size, to))) {
            while (range.hasNext()) {
                KeyValue<String, ValueAndTimestamp<byte[]>> entry = range.next();
                if (entry.value != null && entry.value.value() != null) {
                    found.add(serde.decode(entry.value.value()));
                }
            }
        }
        found.sort(java.util.Comparator.comparing(DyadWindow::getWindowStart)); // one pair is in one partition
        return found;
    }

    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<byte[]>> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(AlertsTopology.DYAD_WINDOWS_STORE,
                    QueryableStoreTypes.<String, byte[]>timestampedKeyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new IllegalStateException("the dyad window store is not queryable (Kafka Streams is "
                    + streams.state() + ")", e);
        }
    }
}
