package io.wirewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** Story.dateSource and Alert.dateSource (issue 16): round trips, and records written before the field. */
class DateSourceTest {

    private static final Instant READ_AT = Instant.parse("2026-12-03T12:00:00Z");

    private static Story undated() {
        return Story.newBuilder().setId("u-1").setSource("file:undated.txt").setTitle("Kremlin warns")
                .setFetchedAt(READ_AT).setParagraphs(List.of("Moscow will respond.")).setContentHash("h")
                .setDateSource(DateSource.READ).build();
    }

    @Test
    void shouldRoundTripWhereTheStorysDateCameFrom() {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);

        for (DateSource source : DateSource.values()) {
            Story story = Story.newBuilder(undated()).setDateSource(source).build();
            assertThat(serde.decode(serde.encode(story)).getDateSource()).isEqualTo(source);
        }
    }

    @Test
    void shouldReadStoryWrittenBeforeDateSourceAsUnmarkedAndJudgeItByItsPublicationTime() throws Exception {
        Schema v3 = history("Story-v3.avsc");
        assertThat(v3.getField("dateSource")).isNull();
        GenericRecord old = new GenericData.Record(v3);
        v3.getFields().forEach(f -> old.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f)
                : null));
        old.put("id", "old-5");
        old.put("source", "https://example.org/page");
        old.put("title", "An old undated page");
        old.put("fetchedAt", READ_AT.toEpochMilli());
        old.put("paragraphs", List.of("Kyiv said talks would go on."));
        old.put("contentHash", "h");
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v3).encode(old).array();

        Story read = AvroSerde.of(Story.class).deserializer().deserialize("news.stories.raw", bytes);

        assertThat(read.getDateSource()).isNull();
        assertThat(StoryTimes.atReadTime(read)).as("no publication time: it stood at the time it was read").isTrue();
        Story dated = Story.newBuilder(read).setPublishedAt(READ_AT.minusSeconds(86_400)).build();
        assertThat(StoryTimes.atReadTime(dated)).isFalse();
        assertThat(StoryTimes.dateSource(dated)).as("dated, but by what it did not say").isNull();
    }

    @Test
    void shouldTrustTheMarkOverThePublicationTime() {
        Story dated = Story.newBuilder(undated()).setPublishedAt(READ_AT).setDateSource(DateSource.FEED).build();

        assertThat(StoryTimes.atReadTime(undated())).isTrue();
        assertThat(StoryTimes.atReadTime(dated)).isFalse();
        assertThat(StoryTimes.dateSource(dated)).isEqualTo(DateSource.FEED);
    }

    @Test
    void shouldReadEnrichedStoryAndAlertWrittenBeforeDateSource() throws Exception {
        EnrichedStory current = EnrichedStory.newBuilder().setStory(undated()).setEntities(List.of())
                .setSignals(List.of()).setEscalationScore(0).setEnrichedAt(READ_AT).build();
        EnrichedStory story = AvroSerde.of(EnrichedStory.class).deserializer().deserialize("news.stories.enriched",
                encode(current, EnrichedStory.class, history("EnrichedStory-v4.avsc")));
        Alert alert = Alert.newBuilder().setId("a-2").setRuleId("escalation").setRuleVersion("3")
                .setSeverity(Severity.HIGH).setTitle("t").setExplanation("e").setStoryId("u-1").setStoryTitle("s")
                .setScore(1).setEvidence(List.of()).setRaisedAt(READ_AT).setDateSource(DateSource.READ).build();
        Alert read = AvroSerde.of(Alert.class).deserializer().deserialize("news.alerts",
                encode(alert, Alert.class, history("Alert-v3.avsc")));

        assertThat(story.getStory().getId()).isEqualTo("u-1");
        assertThat(story.getStory().getDateSource()).isNull();
        assertThat(read.getId()).isEqualTo("a-2");
        assertThat(read.getDateSource()).isNull();
    }

    @Test
    void shouldFallBackOnReadTimeForADateSourceAddedLater() {
        Schema enum2 = Schema.createEnum("DateSource", null, "io.wirewatch.schema",
                List.of("PUBLISHED", "FEED", "FILE", "READ", "ARCHIVE"));
        assertThat(DateSource.SCHEMA$.getEnumDefault()).isEqualTo("READ");
        assertThat(org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(DateSource.SCHEMA$, enum2)
                .getType()).isEqualTo(org.apache.avro.SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> byte[] encode(T record, Class<T> type,
                                                                                      Schema writer)
            throws IOException {
        ByteBuffer written = new BinaryMessageEncoder<T>(SpecificData.getForClass(type), writer).encode(record);
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    private static Schema history(String file) throws IOException {
        try (InputStream in = DateSourceTest.class.getResourceAsStream("/io/wirewatch/schema/history/" + file)) {
            return new Schema.Parser().parse(in);
        }
    }
}
