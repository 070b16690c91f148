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
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        Map<Long, String> clusters = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            String topic = Topics.STORIES_INDEX.name();
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                LOG.warn("no {} topic: exact duplicates are only caught within this run", topic);
                return new StoryIndex(ids, hashes, clusters);
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String key = record.key();
                    if (key == null) {
                        continue;
                    }
                    if (key.startsWith(ID)) {
                        ids.add(key.substring(ID.length()));
                    } else if (key.startsWith(HASH)) {
                        hashes.add(key.substring(HASH.length()));
                    } else if (key.startsWith(SIMHASH) && record.value() != null) {
                        int space = record.value().indexOf(' ');
                        if (space > 0) {
                            clusters.put(Long.parseUnsignedLong(record.value().substring(0, space), 16),
                                    record.value().substring(space + 1));
                        }
                    }
                }
            }
        }
        LOG.info("the archive already holds {} stories ({} content hashes)", ids.size(), hashes.size());
        return new StoryIndex(ids, hashes, clusters);
    }
}
