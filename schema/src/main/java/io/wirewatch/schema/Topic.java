package io.wirewatch.schema;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * One typed handle per topic: its name, how keys and values are (de)serialised, and the settings it is
 * created with.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions,
                          Map<String, String> config, String purpose) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(purpose, "purpose");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
        }
        config = Map.copyOf(config);
    }

    /** The admin request that creates this topic with the given replication factor. */
    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(name, Optional.of(partitions), Optional.of(replicationFactor)).configs(config);
    }

    @Override
    public String toString() {
        return name;
    }
}
