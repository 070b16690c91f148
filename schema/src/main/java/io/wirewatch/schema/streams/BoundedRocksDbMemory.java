package io.wirewatch.schema.streams;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.jspecify.annotations.Nullable;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/**
 * Kafka Streams' {@code rocksdb.config.setter} of every wirewatch service: each store (each segment of a window
 * store too) takes a lease of the process's {@link RocksDbMemory} pool of {@link RocksDbMemory#BUDGET_CONFIG}
 * bytes when it opens and gives it back when it closes. Kafka Streams makes one instance per store.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    private RocksDbMemory.@Nullable Lease lease;

    /**
     * Sets this setter in a service's Streams properties, unless they name another one; call it once the client
     * properties are in, so that a bad budget is refused at start rather than when the first store opens.
     *
     * @throws IllegalArgumentException when {@link RocksDbMemory#BUDGET_CONFIG} is not a valid budget
     */
    public static void install(Map<String, Object> streamsProperties) {
        streamsProperties.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                BoundedRocksDbMemory.class.getName());
        RocksDbMemory.budget(streamsProperties);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        RocksDbMemory.Lease taken = RocksDbMemory.lease(RocksDbMemory.budget(configs));
        // Kafka Streams' own table format instance: its metrics read the block cache through it
        taken.configure(options, (BlockBasedTableConfig) options.tableFormatConfig());
        lease = taken;
    }

    @Override
    public void close(String storeName, Options options) {
        if (lease != null) {
            lease.close();
            lease = null;
        }
    }
}
