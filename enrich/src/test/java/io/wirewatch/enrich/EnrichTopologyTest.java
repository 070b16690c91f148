package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.nlp.Enricher;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2022-01-26T20:00:00Z");

    static Enricher scripted() {
        return ScriptedEnricher.create(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, EnrichedStory> enriched;
    private TestOutputTopic<byte[], byte[]> dlq;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()); // not /tmp/kafka-streams: runs may overlap
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(EnrichTopology.build(EnrichTopology.Config.defaults(scripted())), props);
        raw = driver.createInputTopic(Topics.STORIES_RAW.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(Topics.STORIES_ENRICHED.name(), Serdes.String().deserializer(),
                Topics.STORIES_ENRICHED.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    static Story story(String id, String... paragraphs) {
        return Story.newBuilder().setId(id).setSource("test").setTitle("t").setFetchedAt(NOW)
                .setParagraphs(List.of(paragraphs)).setContentHash(id).build();
    }

    @Test
    void shouldEnrichRawStoriesKeepingKeyAndEventTime() {
        Story story = story("s1", "RUS WST THREATEN -7 CONDITIONAL");
        Instant eventTime = Instant.parse("2022-01-26T18:00:00Z");

        raw.pipeInput("s1", AvroSerde.of(Story.class).encode(story), eventTime);

        TestRecord<String, EnrichedStory> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("s1");
        assertThat(out.getRecordTime()).isEqualTo(eventTime);
        assertThat(out.value().getStory()).isEqualTo(story);
        assertThat(out.value().getSignals()).singleElement().satisfies(s -> {
            assertThat(s.getSentence()).isEqualTo("RUS WST THREATEN -7 CONDITIONAL");
            assertThat(s.getModality()).isEqualTo(Modality.CONDITIONAL);
        });
        assertThat(out.value().getEscalationScore()).isEqualTo(7.0);
        assertThat(out.value().getEnrichedAt()).isEqualTo(NOW);
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldSendPoisonRecordToDeadLetterTopicWithReasonAndGoOn() {
        byte[] poison = "definitely not avro".getBytes(StandardCharsets.UTF_8);

        raw.pipeInput("bad", poison);
        raw.pipeInput("s2", AvroSerde.of(Story.class).encode(story("s2", "FRA DEU CONSULT 1 ASSERTED")));

        var dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        DeadLetter letter = DeadLetter.from(dead.headers());
        assertThat(letter).isNotNull();
        assertThat(letter.stage()).isEqualTo("enrich");
        assertThat(letter.topic()).isEqualTo(Topics.STORIES_RAW.name());
        assertThat(letter.offset()).isZero();
        assertThat(letter.message()).contains("not an Avro single-object encoded Story");
        assertThat(enriched.readRecord().key()).isEqualTo("s2");
    }

    /** The 16-byte record of issue 13: a Story header, then a string length of 2147483000 and one byte. */
    static byte[] sixteenBytePoison() {
        long fingerprint = org.apache.avro.SchemaNormalization.parsingFingerprint64(Story.getClassSchema());
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0xC3).put((byte) 0x01).putLong(fingerprint);
        buffer.put(new byte[] {(byte) 0xF0, (byte) 0xF5, (byte) 0xFF, (byte) 0xFF, (byte) 0x0F, 'x'});
        return buffer.array();
    }

    @Test
    void shouldSendTheSixteenBytePoisonRecordToDeadLetterTopicWithoutAllocatingItsClaimAndGoOn() {
        byte[] poison = sixteenBytePoison();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        raw.pipeInput("poison", poison);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        raw.pipeInput("s3", AvroSerde.of(Story.class).encode(story("s3", "FRA DEU CONSULT 1 ASSERTED")));

        assertThat(allocated).as("bytes allocated processing 16 bytes").isLessThan(64L * 1024 * 1024);
        var dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        DeadLetter letter = DeadLetter.from(dead.headers());
        assertThat(letter).isNotNull();
        assertThat(letter.offset()).isZero();
        assertThat(letter.message()).contains("Story.id", "2147483000");
        assertThat(enriched.readRecord().key()).isEqualTo("s3");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldSendAStoryWhoseEnrichmentRunsOutOfMemoryToDeadLetterTopicAndGoOn() {
        raw.pipeInput("oom", AvroSerde.of(Story.class).encode(story("oom", "THROW OutOfMemoryError")));
        raw.pipeInput("deep", AvroSerde.of(Story.class).encode(story("deep", "THROW StackOverflowError")));
        raw.pipeInput("s4", AvroSerde.of(Story.class).encode(story("s4", "FRA DEU CONSULT 1 ASSERTED")));

        assertThat(dlq.readRecordsToList()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8),
                        r -> DeadLetter.from(r.headers()).errorClass())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("oom", "java.lang.OutOfMemoryError"),
                        org.assertj.core.groups.Tuple.tuple("deep", "java.lang.StackOverflowError"));
        assertThat(enriched.readRecord().key()).isEqualTo("s4");
    }

    @Test
    void shouldMatchTheGoldenTopologyDescription() throws IOException {
        String actual = EnrichTopology.build(EnrichTopology.Config.defaults(scripted())).describe().toString();
        Path golden = Path.of("src/test/resources/golden/enrich-topology.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(actual)
                .as("topology changed: review the diff, then rerun with -Dgolden.update=true to accept it")
                .isEqualTo(Files.readString(golden));
    }
}
