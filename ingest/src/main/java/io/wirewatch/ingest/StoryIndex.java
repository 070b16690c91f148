package io.wirewatch.ingest;

import io.wirewatch.schema.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the archive already holds, read from the compacted {@code news.stories.index} topic: the ids and content
 * hashes of every story ever ingested, so that a later run (another process, after a restart) skips exact
 * duplicates too. Loading costs one small record per id and per hash.
 */
record StoryIndex(Set<String> ids, Set<String> hashes, Map<Long, String> clusters) {

    private static final Logger LOG = LoggerFactory.getLogger(StoryIndex.class);
    static final String ID = "id:";
    static final String HASH = "hash:";
    /** {@code sim:<story id>} → {@code <SimHash, hex> <cluster id>}: near-duplicate clusters survive a restart. */
    static final String SIMHASH = "sim:";

    /** The index record value of a story's fingerprint and cluster. */
    static String simValue(long fingerprint, String clusterId) {
        return Long.toHexString(fingerprint) + " " + clusterId;
    }

    /** Reads the index topic to its current end; an absent topic is an empty index. */
    static StoryIndex load(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Reader reader = new Reader();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            String topic = Topics.STORIES_INDEX.name();
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                LOG.warn("no {} topic: exact duplicates are only caught within this run", topic);
                return reader.index();
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!reader.accept(record.key(), record.value())) {
                        LOG.warn("skipping malformed index record {}-{}@{} (key {}): value '{}'", record.topic(),
                                record.partition(), record.offset(), record.key(), record.value());
                    }
                }
            }
        }
        StoryIndex index = reader.index();
        if (reader.malformed() > 0) {
            LOG.warn("{} malformed {} records skipped", reader.malformed(), Topics.STORIES_INDEX.name());
        }
        LOG.info("the archive already holds {} stories ({} content hashes)", index.ids().size(),
                index.hashes().size());
        return index;
    }

    /** Builds an index from its records; a malformed record is skipped and counted, never fatal. */
    static final class Reader {
        private final Set<String> ids = new HashSet<>();
        private final Set<String> hashes = new HashSet<>();
        private final Map<Long, String> clusters = new HashMap<>();
        private long malformed;

        /** Takes one record; false when it is malformed (and skipped). */
        boolean accept(@Nullable String key, @Nullable String value) {
            if (key == null) {
                return true;
            }
            if (key.startsWith(ID)) {
                ids.add(key.substring(ID.length()));
            } else if (key.startsWith(HASH)) {
                hashes.add(key.substring(HASH.length()));
            } else if (key.startsWith(SIMHASH) && value != null) {
                int space = value.indexOf(' ');
                try {
                    if (space <= 0) {
                        throw new NumberFormatException("no cluster id");
                    }
                    clusters.put(Long.parseUnsignedLong(value.substring(0, space), 16), value.substring(space + 1));
                } catch (NumberFormatException e) {
                    malformed++;
                    return false;
                }
            }
            return true;
        }

        long malformed() {
            return malformed;
        }

        StoryIndex index() {
            return new StoryIndex(ids, hashes, clusters);
        }
    }
}
