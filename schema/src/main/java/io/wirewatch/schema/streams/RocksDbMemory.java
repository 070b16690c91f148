package io.wirewatch.schema.streams;

import java.util.HashMap;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One process's budget of RocksDB memory, shared by every store it opens: one LRU block cache that also holds the
 * index and filter blocks, and a write-buffer manager whose memtables are charged to that same cache, so that the
 * blocks read, the indexes and filters, and the memtables of all stores together stay near one figure, however
 * many stores, segments and files there are (Kafka Streams' "bounded memory" recipe). Kafka Streams' stores get it
 * through {@link BoundedRocksDbMemory}; ingest's index takes a {@link Lease} itself.
 *
 * <p>The cache and manager are created by the first lease of a budget and closed when its last lease is closed
 * (a store that opens later starts them again). Stores given different budgets in one process get one pool per
 * budget. The budget is a soft limit: RocksDB may exceed it briefly while pinned blocks or a memtable being
 * flushed are in use.
 */
public final class RocksDbMemory {

    /** The client/Streams property holding the budget in bytes. */
    public static final String BUDGET_CONFIG = "wirewatch.rocksdb.memory.bytes";
    /** 64 MiB: what the process's RocksDB stores may use together unless told otherwise. */
    public static final long DEFAULT_BUDGET = 64L << 20;
    /** Below this a store cannot hold its index blocks and a memtable. */
    static final long MIN_BUDGET = 4L << 20;
    /** The share of the cache kept for index and filter blocks, so data blocks do not push them out. */
    static final double INDEX_AND_FILTER_SHARE = 0.1;

    private static final Map<Long, RocksDbMemory> POOLS = new HashMap<>();

    static {
        RocksDB.loadLibrary();
    }

    private final long budget;
    private final LRUCache cache;
    private final WriteBufferManager writeBuffers;
    private int leases;

    private RocksDbMemory(long budget) {
        this.budget = budget;
        this.cache = new LRUCache(budget, -1, false, INDEX_AND_FILTER_SHARE);
        // memtables may take half the budget; they are charged to the cache, so the cache's capacity is the total
        this.writeBuffers = new WriteBufferManager(budget / 2, cache);
    }

    /**
     * The budget in {@code configs} ({@link #BUDGET_CONFIG}), or {@link #DEFAULT_BUDGET} when absent.
     *
     * @throws IllegalArgumentException naming the property when the value is not a whole number of bytes of at
     *                                  least 4 MiB
     */
    public static long budget(Map<String, ?> configs) {
        Object value = configs.get(BUDGET_CONFIG);
        if (value == null) {
            return DEFAULT_BUDGET;
        }
        long bytes;
        try {
            bytes = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(BUDGET_CONFIG + "=" + value + " is not a number of bytes (e.g. "
                    + DEFAULT_BUDGET + " for 64 MiB)", e);
        }
        if (bytes < MIN_BUDGET) {
            throw new IllegalArgumentException(BUDGET_CONFIG + "=" + value + " is below the least RocksDB budget, "
                    + MIN_BUDGET + " bytes (4 MiB)");
        }
        return bytes;
    }

    /** {@code properties} without {@link #BUDGET_CONFIG}, for Kafka clients that do not know it. */
    public static Map<String, Object> withoutBudget(Map<String, Object> properties) {
        Map<String, Object> rest = new HashMap<>(properties);
        rest.remove(BUDGET_CONFIG);
        return rest;
    }

    /** A share of the pool of {@code budget} bytes, started if this is its first lease; close it with the store. */
    public static Lease lease(long budget) {
        synchronized (POOLS) {
            RocksDbMemory pool = POOLS.computeIfAbsent(budget, RocksDbMemory::new);
            pool.leases++;
            return new Lease(pool);
        }
    }

    /** How many leases the pool of {@code budget} bytes has now (0: no pool). */
    static int leases(long budget) {
        synchronized (POOLS) {
            RocksDbMemory pool = POOLS.get(budget);
            return pool == null ? 0 : pool.leases;
        }
    }

    private void release() {
        synchronized (POOLS) {
            if (--leases == 0) {
                POOLS.remove(budget);
                // the stores still open keep the native cache and manager alive; this drops only our handles
                writeBuffers.close();
                cache.close();
            }
        }
    }

    /** One store's use of a pool; closing it twice is harmless. */
    public static final class Lease implements AutoCloseable {

        private final RocksDbMemory pool;
        private boolean closed;

        private Lease(RocksDbMemory pool) {
            this.pool = pool;
        }

        /**
         * Points {@code options} at the pool: the shared block cache (with the index and filter blocks in it, at
         * high priority, and the top-level index pinned) and the write-buffer manager. {@code table} is the table
         * format of {@code options} to change (for Kafka Streams, the instance {@code options.tableFormatConfig()}
         * returns, which exposes the cache to its metrics); it is set on {@code options} again.
         */
        public void configure(Options options, BlockBasedTableConfig table) {
            if (closed) {
                throw new IllegalStateException("RocksDB memory lease of " + pool.budget + " bytes used after close");
            }
            table.setBlockCache(pool.cache);
            table.setCacheIndexAndFilterBlocks(true);
            table.setCacheIndexAndFilterBlocksWithHighPriority(true);
            table.setPinTopLevelIndexAndFilter(true);
            options.setWriteBufferManager(pool.writeBuffers);
            options.setTableFormatConfig(table);
        }

        /** The pool's budget in bytes. */
        public long budget() {
            return pool.budget;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                pool.release();
            }
        }
    }
}
