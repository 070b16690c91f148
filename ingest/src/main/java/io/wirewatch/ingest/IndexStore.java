package io.wirewatch.ingest;

import io.wirewatch.ingest.dedup.NearDuplicates;
import io.wirewatch.schema.Topics;
import io.wirewatch.schema.streams.RocksDbMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.ObjLongConsumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the archive holds, on disk (RocksDB) and looked up on demand: the ids and content hashes of every story
 * ingested, and the fingerprints and clusters of their near-duplicate search filed under their SimHash band keys.
 * Memory is bounded by the process's shared RocksDB budget ({@link RocksDbMemory}: one block cache holding index and
 * filter blocks too, and the memtables charged to it), whatever the archive's size.
 *
 * <p>The store is a copy of the compacted {@code news.stories.index} topic, which stays the truth: at each start
 * {@link #catchUp} reads the topic from the offsets it read up to last time (all of it the first time) and files
 * what it finds with the new offsets in one atomic write; a story is also filed here once its transaction has
 * committed, so later lookups in this run see it (the next catch-up reads it again, harmlessly). A store that
 * cannot be opened, or of another format, or made from another cluster's or topic's index, is deleted and built
 * again from the topic, with a warning that says why; a directory that is not such a store is refused.
 */
final class IndexStore implements NewStories.Archive, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);
    /** The file that marks a directory as an index store, holding {@link #FORMAT}. */
    static final String MARKER = "wirewatch-ingest-index";
    static final String FORMAT = "wirewatch ingest index, format 1, SimHash bands of distance "
            + NewStories.MAX_DISTANCE;
    private static final String DB = "db";
    private static final byte ID = 'i';
    private static final byte HASH = 'h';
    private static final byte BAND = 'b';
    private static final byte OFFSET = 'o';
    private static final byte[] SOURCE = {'m', 's'};
    private static final byte[] NOTHING = {};

    static {
        RocksDB.loadLibrary();
    }

    /** How opening went. */
    sealed interface Opened {
        IndexStore store();
    }

    /** The store as it was left. */
    record Kept(IndexStore store) implements Opened {
    }

    /** The store was unusable and starts empty, to be built again from the topic; {@code reason} says why. */
    record Rebuilt(IndexStore store, String reason) implements Opened {
    }

    private final Path dir;
    private final RocksDbMemory.Lease memory;
    private final BloomFilter filter = new BloomFilter(10);
    private final Options options;
    private final WriteOptions writes = new WriteOptions();
    private RocksDB db;

    private IndexStore(Path dir, long memoryBudget) throws RocksDBException {
        this.dir = dir;
        this.options = new Options().setCreateIfMissing(true).setWriteBufferSize(4L << 20).setMaxWriteBufferNumber(2)
                .setMaxOpenFiles(256).setKeepLogFileNum(2).setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
        this.memory = RocksDbMemory.lease(memoryBudget);
        try {
            memory.configure(options, new BlockBasedTableConfig().setFilterPolicy(filter));
            this.db = RocksDB.open(options, dir.resolve(DB).toString());
        } catch (RocksDBException | RuntimeException e) {
            writes.close();
            options.close();
            filter.close();
            memory.close();
            throw e;
        }
    }

    /** {@link #open(Path, long)} with the default RocksDB memory budget. */
    static Opened open(Path dir) {
        return open(dir, RocksDbMemory.DEFAULT_BUDGET);
    }

    /**
     * Opens the store in {@code dir} (created when absent or empty), or deletes and starts it again when it is
     * unusable; it shares the process's RocksDB memory pool of {@code memoryBudget} bytes.
     *
     * @throws IllegalArgumentException when {@code dir} is a file, or a non-empty directory that is not an index
     *                                  store: it is never deleted
     */
    static Opened open(Path dir, long memoryBudget) {
        Objects.requireNonNull(dir, "dir");
        try {
            Path marker = dir.resolve(MARKER);
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IllegalArgumentException("ingest index " + dir + " is a file, not a directory");
            }
            if (Files.isDirectory(dir) && !Files.exists(marker) && !isEmpty(dir)) {
                throw new IllegalArgumentException("ingest index " + dir + " is a directory that is not an ingest"
                        + " index (it has no " + MARKER + " file): refusing to use or delete it; give an empty or"
                        + " new directory");
            }
            String reason = null;
            if (Files.exists(marker)) {
                String format = Files.readString(marker, StandardCharsets.UTF_8).strip();
                if (!format.equals(FORMAT)) {
                    reason = "it is of another format ('" + format + "', this ingest reads '" + FORMAT + "')";
                }
            }
            if (reason == null) {
                try {
                    IndexStore store = new IndexStore(prepare(dir, false), memoryBudget);
                    return new Kept(store);
                } catch (RocksDBException e) {
                    if (String.valueOf(e.getMessage()).contains("lock")) {
                        throw new IllegalStateException("ingest index " + dir + " is in use by another process ("
                                + e.getMessage() + "): give each ingester its own index directory", e);
                    }
                    reason = "it cannot be opened (" + e.getMessage() + ")";
                }
            }
            LOG.warn("ingest index {}: {}; deleting it and building it again from {}", dir, reason,
                    Topics.STORIES_INDEX.name());
            return new Rebuilt(new IndexStore(prepare(dir, true), memoryBudget), reason);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ingest index in " + dir + ": " + e.getMessage(), e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot create the ingest index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    /** Creates the directory and its marker; with {@code wipe}, deletes the database first. */
    private static Path prepare(Path dir, boolean wipe) throws IOException {
        if (wipe) {
            deleteTree(dir.resolve(DB));
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), FORMAT + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Reads {@code news.stories.index} (with {@code read_committed}) from where this store last stopped to the
     * current end and files what it says; an absent topic leaves the store as it is. Returns how many records were
     * read.
     */
    long catchUp(Map<String, Object> clientProperties) {
        String topic = Topics.STORIES_INDEX.name();
        String source = source(clientProperties);
        if (source == null) {
            LOG.warn("no {} topic: exact duplicates are only caught among the stories in {}", topic, dir);
            return 0;
        }
        byte[] stored = get(SOURCE);
        if (stored != null && !new String(stored, StandardCharsets.UTF_8).equals(source)) {
            String was = new String(stored, StandardCharsets.UTF_8);
            LOG.warn("ingest index {} was built from the {} of another cluster or topic (cluster and topic id {},"
                    + " now {}); deleting it and building it again", dir, topic, was, source);
            wipe();
        }
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        long read = 0;
        long malformed = 0;
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition p : partitions) {
                long from = offset(p.partition());
                if (from > end.get(p)) {
                    LOG.warn("ingest index {} read {} up to offset {}, beyond its end {}: reading it again from the"
                            + " start", dir, p, from, end.get(p));
                    from = 0;
                }
                consumer.seek(p, Math.max(from, begin.get(p)));
            }
            try (WriteBatch sourceBatch = new WriteBatch()) {
                sourceBatch.put(SOURCE, source.getBytes(StandardCharsets.UTF_8));
                db.write(writes, sourceBatch);
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                try (WriteBatch batch = new WriteBatch()) {
                    List<StoryIndex.Entry> entries = new ArrayList<>();
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        read++;
                        StoryIndex.Entry entry = StoryIndex.parse(record.key(), record.value());
                        if (entry instanceof StoryIndex.Malformed bad) {
                            malformed++;
                            LOG.warn("skipping malformed index record {}-{}@{} (key {}): {}: value '{}'",
                                    record.topic(), record.partition(), record.offset(), record.key(),
                                    bad.reason(), record.value());
                        }
                        entries.add(entry);
                    }
                    for (TopicPartition p : partitions) {
                        batch.put(offsetKey(p.partition()), longBytes(consumer.position(p)));
                    }
                    write(batch, entries);
                }
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot write the ingest index in " + dir + ": " + e.getMessage(), e);
        }
        if (malformed > 0) {
            LOG.warn("{} malformed {} records skipped", malformed, topic);
        }
        LOG.info("ingest index {}: {} new records of {} read", dir, read, topic);
        return read;
    }

    /** The cluster id and topic id of the index topic, or null when the topic does not exist. */
    private String source(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.keySet().retainAll(org.apache.kafka.clients.admin.AdminClientConfig.configNames());
        try (Admin admin = Admin.create(props)) {
            String cluster = admin.describeCluster().clusterId().get();
            String topic = Topics.STORIES_INDEX.name();
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return cluster + " " + description.topicId();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("cannot describe " + Topics.STORIES_INDEX.name() + " to catch the ingest"
                    + " index in " + dir + " up: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + Topics.STORIES_INDEX.name(), e);
        }
    }

    private void wipe() {
        try {
            db.close();
            deleteTree(dir.resolve(DB));
            db = RocksDB.open(options, dir.resolve(DB).toString());
        } catch (IOException | RocksDBException e) {
            throw new IllegalStateException("cannot delete and create again the ingest index in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Files index records in one atomic write. A story's fingerprint and cluster are filed under each of its band
     * keys, one value per band key holding its stories one a line ({@code <SimHash, hex> <cluster id>}), each once.
     */
    private void write(WriteBatch batch, List<StoryIndex.Entry> entries) throws RocksDBException {
        Map<Long, StringBuilder> buckets = new HashMap<>();
        for (StoryIndex.Entry entry : entries) {
            if (entry instanceof StoryIndex.Id id) {
                batch.put(key(ID, id.id()), NOTHING);
            } else if (entry instanceof StoryIndex.Hash hash) {
                batch.put(key(HASH, hash.hash()), NOTHING);
            } else if (entry instanceof StoryIndex.Sim sim) {
                String line = StoryIndex.simValue(sim.fingerprint(), sim.clusterId());
                for (long band : NearDuplicates.bandKeys(sim.fingerprint(), NewStories.MAX_DISTANCE)) {
                    StringBuilder bucket = buckets.computeIfAbsent(band, b -> {
                        byte[] stored = get(bandKey(b));
                        return new StringBuilder(stored == null ? "" : new String(stored, StandardCharsets.UTF_8));
                    });
                    if (!("\n" + bucket + "\n").contains("\n" + line + "\n")) {
                        bucket.append(bucket.isEmpty() ? "" : "\n").append(line);
                    }
                }
            }
            // Other and Malformed records hold nothing to keep
        }
        for (Map.Entry<Long, StringBuilder> bucket : buckets.entrySet()) {
            batch.put(bandKey(bucket.getKey()), bucket.getValue().toString().getBytes(StandardCharsets.UTF_8));
        }
        db.write(writes, batch);
    }

    /** Files index records of the topic, as {@link #catchUp} does, without moving the offsets read. */
    void file(List<StoryIndex.Entry> entries) {
        try (WriteBatch batch = new WriteBatch()) {
            write(batch, entries);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot write the ingest index in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean keep(List<NewStories.Written> stories) {
        List<StoryIndex.Entry> entries = new ArrayList<>();
        for (NewStories.Written story : stories) {
            entries.add(new StoryIndex.Id(story.id()));
            entries.add(new StoryIndex.Hash(story.contentHash()));
            entries.add(new StoryIndex.Sim(story.fingerprint(), story.clusterId()));
        }
        try {
            file(entries);
            return true;
        } catch (IllegalStateException e) {
            LOG.error("{}; the {} stories just written stay in memory for this run", e.getMessage(), stories.size());
            return false;
        }
    }

    @Override
    public boolean hasId(String id) {
        return get(key(ID, id)) != null;
    }

    @Override
    public boolean hasHash(String contentHash) {
        return get(key(HASH, contentHash)) != null;
    }

    @Override
    public void forEachWithBand(long bandKey, ObjLongConsumer<String> each) {
        byte[] bucket = get(bandKey(bandKey));
        if (bucket == null) {
            return;
        }
        for (String entry : new String(bucket, StandardCharsets.UTF_8).split("\n")) {
            StoryIndex.Entry sim = StoryIndex.parse(StoryIndex.SIMHASH, entry);
            if (!(sim instanceof StoryIndex.Sim found)) {
                throw new IllegalStateException("ingest index " + dir + " is corrupt: band " + bandKey + " holds '"
                        + entry + "'; delete the directory to build it again from " + Topics.STORIES_INDEX.name());
            }
            each.accept(found.clusterId(), found.fingerprint());
        }
    }

    /** The offset of {@code partition} of the index topic this store has read up to (0: nothing yet). */
    long offset(int partition) {
        byte[] value = get(offsetKey(partition));
        return value == null ? 0 : ByteBuffer.wrap(value).getLong();
    }

    Path dir() {
        return dir;
    }

    /** The capacity of the block cache the open database reads through (RocksDB's own figure). */
    long blockCacheCapacity() {
        try {
            return db.getLongProperty("rocksdb.block-cache-capacity");
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read the ingest index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read the ingest index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] key(byte kind, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + bytes.length).put(kind).put(bytes).array();
    }

    private static byte[] bandKey(long band) {
        return ByteBuffer.allocate(9).put(BAND).putLong(band).array();
    }

    private static byte[] offsetKey(int partition) {
        return ByteBuffer.allocate(5).put(OFFSET).putInt(partition).array();
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    @Override
    public void close() {
        db.close();
        writes.close();
        options.close();
        filter.close();
        memory.close();
    }
}
