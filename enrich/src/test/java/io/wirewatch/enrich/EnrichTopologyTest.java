package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.text.Sentence;
import io.wirewatch.schema.AvroSerde;
import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.EnrichedStory;
import io.wirewatch.schema.Modality;
import io.wirewatch.schema.Signal;
import io.wirewatch.schema.Story;
import io.wirewatch.schema.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2022-01-26T20:00:00Z");

    /** A deliberately small enricher: one sentence per paragraph, a signal wherever "retaliatory" occurs. */
    static Enricher wordSpotter() {
        return new Enricher(
                (text, starts) -> {
                    List<Sentence> sentences = new ArrayList<>();
                    for (int i = 0; i < starts.size(); i++) {
                        int start = starts.get(i);
                        int end = i + 1 < starts.size() ? starts.get(i + 1) - 2 : text.length();
                        sentences.add(new Sentence(i, i, start, end, text.substring(start, end)));
                    }
                    return sentences;
                },
                document -> List.of(),
                (document, entities) -> {
                    List<Signal> signals = new ArrayList<>();
                    int at = document.text().indexOf("retaliatory");
                    if (at >= 0) {
                        signals.add(Signal.newBuilder().setCategory("THREATEN").setIntensity(-7)
                                .setModality(Modality.ASSERTED).setEvidence("retaliatory")
                                .setSentence(document.sentenceAt(at).text()).setStart(at).setEnd(at + 11).build());
                    }
                    return signals;
                },
                signals -> -signals.stream().mapToDouble(Signal::getIntensity).sum(),
                "test", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, EnrichedStory> enriched;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(EnrichTopology.build(EnrichTopology.Config.defaults(wordSpotter())), props);
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
        Story story = story("s1", "Officials met.", "Moscow will take retaliatory measures.");
        Instant eventTime = Instant.parse("2022-01-26T18:00:00Z");

        raw.pipeInput("s1", AvroSerde.of(Story.class).encode(story), eventTime);

        TestRecord<String, EnrichedStory> out = enriched.readRecord();
        assertThat(out.key()).isEqualTo("s1");
        assertThat(out.getRecordTime()).isEqualTo(eventTime);
        assertThat(out.value().getStory()).isEqualTo(story);
        assertThat(out.value().getSignals()).singleElement()
                .satisfies(s -> assertThat(s.getSentence()).isEqualTo("Moscow will take retaliatory measures."));
        assertThat(out.value().getEscalationScore()).isEqualTo(7.0);
        assertThat(out.value().getEnrichedAt()).isEqualTo(NOW);
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldSendPoisonRecordToDeadLetterTopicWithReasonAndGoOn() {
        byte[] poison = "definitely not avro".getBytes(StandardCharsets.UTF_8);

        raw.pipeInput("bad", poison);
        raw.pipeInput("s2", AvroSerde.of(Story.class).encode(story("s2", "A quiet day.")));

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

    @Test
    void shouldMatchTheGoldenTopologyDescription() throws IOException {
        String actual = EnrichTopology.build(EnrichTopology.Config.defaults(wordSpotter())).describe().toString();
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
