package io.wirewatch.schema;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The catalogue of wirewatch topics: every topic name, its serdes and its settings live here and nowhere else. */
public final class Topics {

    private static final String FOREVER = "-1";
    private static final String THIRTY_DAYS = Long.toString(Duration.ofDays(30).toMillis());
    /** Stories are partitioned by id; three partitions let up to three instances of a service share the work. */
    private static final int STORY_PARTITIONS = 3;

    public static final Topic<String, Story> STORIES_RAW = new Topic<>("news.stories.raw",
            Serdes.String(), AvroSerde.of(Story.class), STORY_PARTITIONS,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, FOREVER, TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "8388608"),
            "raw stories as ingested; kept forever: the archive that replay and backtest read");

    public static final Topic<String, Story> STORIES_REPLAY = new Topic<>("news.stories.replay",
            Serdes.String(), AvroSerde.of(Story.class), STORY_PARTITIONS,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis()),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "8388608"),
            "archived stories fed through the pipeline again by `wirewatch replay`; the archive itself stays untouched");

    public static final Topic<String, String> STORIES_INDEX = new Topic<>("news.stories.index",
            Serdes.String(), Serdes.String(), 1,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            "compacted: id:<story id> and hash:<content hash> of every archived story, so a new ingest run skips"
                    + " stories the archive already holds");

    public static final Topic<String, EnrichedStory> STORIES_ENRICHED = new Topic<>("news.stories.enriched",
            Serdes.String(), AvroSerde.of(EnrichedStory.class), STORY_PARTITIONS,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, THIRTY_DAYS, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16777216"),
            "stories with entities, actors, stance signals and escalation score");

    public static final Topic<String, Alert> ALERTS = new Topic<>("news.alerts",
            Serdes.String(), AvroSerde.of(Alert.class), 1,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, FOREVER),
            "alerts (Avro), keyed by alert id; one partition keeps one global order for subscribers");

    public static final Topic<String, String> ALERTS_JSON = new Topic<>("news.alerts.json",
            Serdes.String(), Serdes.String(), 1,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, FOREVER),
            "the same alerts as JSON text, for clients that do not speak Avro (kcat, scripts)");

    public static final Topic<String, DyadWindow> DYADS_ESCALATION = new Topic<>("news.dyads.escalation",
            Serdes.String(), AvroSerde.of(DyadWindow.class), STORY_PARTITIONS,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, FOREVER),
            "closed hourly and daily windows per actor pair (SOURCE->TARGET): counts, intensity, share of conflict");

    public static final Topic<String, StanceChange> STANCE_CHANGES = new Topic<>("news.stance.changes",
            Serdes.String(), AvroSerde.of(StanceChange.class), 1,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, FOREVER),
            "a dyad's stance moved (cooperation -> refusal -> threat) or its daily index fell; before, after, evidence");

    public static final Topic<byte[], byte[]> DLQ = new Topic<>("news.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), 1,
            Map.of(TopicConfig.RETENTION_MS_CONFIG, THIRTY_DAYS),
            "records no stage could process, unchanged, with the reason in wirewatch.error.* headers");

    private Topics() {
    }

    /** Every topic of the catalogue, in pipeline order. */
    public static List<Topic<?, ?>> all() {
        return List.of(STORIES_RAW, STORIES_INDEX, STORIES_REPLAY, STORIES_ENRICHED, DYADS_ESCALATION, STANCE_CHANGES, ALERTS, ALERTS_JSON, DLQ);
    }

    /** A serde for the plain byte arrays a stage reads before decoding them itself. */
    public static Serde<byte[]> bytes() {
        return Serdes.ByteArray();
    }
}
