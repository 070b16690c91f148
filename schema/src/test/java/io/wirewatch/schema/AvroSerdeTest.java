package io.wirewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final Instant PUBLISHED = Instant.parse("2022-01-26T18:00:00Z");

    static Story story() {
        return Story.newBuilder()
                .setId("s1")
                .setSource("file:seed.txt")
                .setTitle("There are no concessions to Russia in the US response")
                .setDateline("WASHINGTON, United States")
                .setWire("AP")
                .setPublishedAt(PUBLISHED)
                .setFetchedAt(PUBLISHED.plusSeconds(60))
                .setParagraphs(List.of("“There is no change, there will be no change,” said Blinken."))
                .setContentHash("abc")
                .build();
    }

    @Test
    void shouldRoundTripStoryInSingleObjectEncoding() {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);
        byte[] bytes = serde.serializer().serialize("news.stories.raw", story());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserializer().deserialize("news.stories.raw", bytes)).isEqualTo(story());
    }

    @Test
    void shouldReadStoryWrittenWithOlderSchemaUsingDefaultsForNewFields() throws Exception {
        Schema v0;
        try (InputStream in = getClass().getResourceAsStream("/evolution/Story-v0.avsc")) {
            v0 = new Schema.Parser().parse(in);
        }
        GenericRecord old = new GenericData.Record(v0);
        old.put("id", "old-1");
        old.put("source", "file:old.txt");
        old.put("url", null);
        old.put("canonicalUrl", null);
        old.put("title", "An old story");
        old.put("byline", null);
        old.put("dateline", "MOSCOW");
        old.put("wire", "AP");
        old.put("publishedAt", PUBLISHED.toEpochMilli());
        old.put("fetchedAt", PUBLISHED.toEpochMilli());
        old.put("paragraphs", List.of("Moscow will take retaliatory measures."));
        old.put("contentHash", "h");
        ByteBuffer written = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v0).encode(old);
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);

        Story read = AvroSerde.of(Story.class, List.of(v0)).decode(bytes);

        assertThat(read.getId()).isEqualTo("old-1");
        assertThat(read.getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(read.getParagraphs()).containsExactly("Moscow will take retaliatory measures.");
        assertThat(read.getCaptions()).isEmpty();
        assertThat(read.getClusterId()).isNull();
        assertThat(read.getExtractionConfidence()).isEqualTo(1.0f);
    }

    @Test
    void shouldReadStoryWrittenBeforeItKeptThePublishersLocalTime() throws Exception {
        Schema v1;
        try (InputStream in = getClass().getResourceAsStream("/io/wirewatch/schema/history/Story-v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        assertThat(v1.getField("publishedLocal")).isNull();
        GenericRecord old = new GenericData.Record(v1);
        v1.getFields().forEach(f -> old.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f)
                : null));
        old.put("id", "old-3");
        old.put("source", "file:old.html");
        old.put("title", "A story from before");
        old.put("publishedAt", PUBLISHED.toEpochMilli());
        old.put("fetchedAt", PUBLISHED.toEpochMilli());
        old.put("paragraphs", List.of("Kyiv said talks would go on."));
        old.put("contentHash", "h");
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

        // the default serde knows the history shipped in the jar: no schema handed in
        Story read = AvroSerde.of(Story.class).deserializer().deserialize("news.stories.raw", bytes);

        assertThat(read.getId()).isEqualTo("old-3");
        assertThat(read.getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(read.getPublishedLocal()).isNull();
        assertThat(read.getParagraphs()).containsExactly("Kyiv said talks would go on.");
    }

    @Test
    void shouldReadStoryWrittenBeforeFeedSummariesAsAFetchedPage() throws Exception {
        Schema v2;
        try (InputStream in = getClass().getResourceAsStream("/io/wirewatch/schema/history/Story-v2.avsc")) {
            v2 = new Schema.Parser().parse(in);
        }
        assertThat(v2.getField("fromFeedSummary")).isNull();
        GenericRecord old = new GenericData.Record(v2);
        v2.getFields().forEach(f -> old.put(f.name(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f)
                : null));
        old.put("id", "old-4");
        old.put("source", "https://example.org/feed");
        old.put("title", "Talks go on");
        old.put("fetchedAt", PUBLISHED.toEpochMilli());
        old.put("paragraphs", List.of("Kyiv said talks would go on."));
        old.put("contentHash", "h");
        old.put("publishedLocal", "2022-01-26");
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v2).encode(old).array();

        Story read = AvroSerde.of(Story.class).deserializer().deserialize("news.stories.raw", bytes);

        assertThat(read.getPublishedLocal()).isEqualTo("2022-01-26");
        assertThat(read.getFromFeedSummary()).isFalse();
    }

    @Test
    void shouldReadAlertWrittenBeforeItCarriedThePublishersDay() throws Exception {
        Schema v2;
        try (InputStream in = getClass().getResourceAsStream("/io/wirewatch/schema/history/Alert-v2.avsc")) {
            v2 = new Schema.Parser().parse(in);
        }
        assertThat(v2.getField("publishedLocal")).isNull();
        Alert current = Alert.newBuilder().setId("a-1").setRuleId("escalation").setRuleVersion("3")
                .setSeverity(Severity.HIGH).setTitle("t").setExplanation("e").setStoryId("s-1").setStoryTitle("s")
                .setScore(1).setEvidence(List.of()).setRaisedAt(PUBLISHED).setPublishedLocal("2022-01-26").build();
        ByteBuffer written = new BinaryMessageEncoder<Alert>(
                org.apache.avro.specific.SpecificData.getForClass(Alert.class), v2).encode(current);
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);

        Alert read = AvroSerde.of(Alert.class).deserializer().deserialize("news.alerts", bytes);

        assertThat(read.getId()).isEqualTo("a-1");
        assertThat(read.getPublishedLocal()).isNull();
    }

    @Test
    void shouldRoundTripThePublishersLocalTime() {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);
        Story story = Story.newBuilder(story()).setPublishedLocal("2022-01-26T13:00:00-05:00").build();

        assertThat(serde.decode(serde.encode(story)).getPublishedLocal()).isEqualTo("2022-01-26T13:00:00-05:00");
    }

    @Test
    void shouldReadEnrichedStoryWrittenBeforeEntitiesHadNameSpans() throws Exception {
        Schema v1;
        try (InputStream in = getClass().getResourceAsStream("/io/wirewatch/schema/history/EnrichedStory-v1.avsc")) {
            v1 = new Schema.Parser().parse(in);
        }
        Story story = Story.newBuilder().setId("old-2").setSource("file:old.txt").setTitle("An old story")
                .setFetchedAt(PUBLISHED).setParagraphs(List.of("Iraqi troops fired.")).setContentHash("h").build();
        Entity iraqi = Entity.newBuilder().setText("Iraqi troops").setType(EntityType.ORG).setStart(0).setEnd(12)
                .setActorId("IRQMIL").build();
        EnrichedStory current = EnrichedStory.newBuilder().setStory(story).setEntities(List.of(iraqi))
                .setSignals(List.of()).setEscalationScore(0).setEnrichedAt(PUBLISHED).build();
        // the old writer knew the first eight Entity fields only, in the same positions
        ByteBuffer written = new BinaryMessageEncoder<EnrichedStory>(
                org.apache.avro.specific.SpecificData.getForClass(EnrichedStory.class), v1).encode(current);
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);

        EnrichedStory read = AvroSerde.of(EnrichedStory.class).deserializer().deserialize("news.stories.enriched", bytes);

        assertThat(read.getEntities()).singleElement().satisfies(entity -> {
            assertThat(entity.getText()).isEqualTo("Iraqi troops");
            assertThat(entity.getActorId()).isEqualTo("IRQMIL");
            assertThat(entity.getNameEnd()).isNull();
            assertThat(entity.getNameType()).isNull();
        });
    }

    @Test
    void shouldNameTheUnknownWriterSchemaWhenNoHistoryKnowsIt() throws Exception {
        Schema v0;
        try (InputStream in = getClass().getResourceAsStream("/evolution/Story-v0.avsc")) {
            v0 = new Schema.Parser().parse(in);
        }
        GenericRecord old = new GenericData.Record(v0);
        v0.getFields().forEach(f -> old.put(f.name(), f.schema().getType() == Schema.Type.STRING ? "x" : null));
        old.put("fetchedAt", 0L);
        old.put("paragraphs", List.of());
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v0).encode(old).array();

        assertThatThrownBy(() -> AvroSerde.of(Story.class).deserializer().deserialize("news.stories.raw", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.stories.raw")
                .hasMessageContaining("unknown writer schema");
    }

    @Test
    void shouldRejectBytesThatAreNotSingleObjectEncoded() {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);
        byte[] garbage = "{\"not\": \"avro\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("news.stories.raw", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.stories.raw")
                .hasMessageContaining("not an Avro single-object encoded Story");
    }

    @Test
    void shouldRejectTruncatedRecordsWithAClearError() {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);
        byte[] bytes = serde.encode(story());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> serde.decode(truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Story");
    }

    /** The 16-byte record of issue 13: a valid header, then a string length near 2^31 and nothing behind it. */
    static byte[] poisonStory() {
        long fingerprint = org.apache.avro.SchemaNormalization.parsingFingerprint64(Story.getClassSchema());
        ByteBuffer buffer = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0xC3).put((byte) 0x01).putLong(fingerprint);
        long length = 2_147_483_000L;
        long zigzag = length << 1;
        while ((zigzag & ~0x7FL) != 0) {
            buffer.put((byte) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        buffer.put((byte) zigzag);
        buffer.put((byte) 'x');
        return buffer.array();
    }

    @Test
    void shouldRejectAStringLengthBeyondTheRecordWithoutAllocatingIt() {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);
        byte[] poison = poisonStory();
        assertThat(poison).hasSize(16);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        Throwable thrown = catchThrowable(() -> serde.deserializer().deserialize("news.stories.raw", poison));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated decoding 16 bytes").isLessThan(16L * 1024 * 1024);
        assertThat(thrown).isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.stories.raw")
                .hasMessageContaining("2147483000");
    }

    @Test
    void shouldRejectAnArrayCountBeyondTheRecordWithoutAllocatingIt() throws Exception {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);
        byte[] good = serde.encode(story());
        // a count of 2^30 paragraphs where one short paragraph was written
        byte[] encodedCount = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x08};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = indexOfParagraphCount(good);
        out.write(good, 0, at);
        out.write(encodedCount);
        out.write(good, at + 1, good.length - at - 1);
        byte[] bad = out.toByteArray();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        Throwable thrown = catchThrowable(() -> serde.decode(bad));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated decoding %d bytes", bad.length).isLessThan(16L * 1024 * 1024);
        assertThat(thrown).isInstanceOf(SerializationException.class).hasMessageContaining("1073741824");
    }

    /** Where the paragraph array's count (1, zigzag 0x02) sits: just before the paragraph's length and text. */
    private static int indexOfParagraphCount(byte[] encoded) {
        String paragraph = story().getParagraphs().get(0);
        byte[] text = paragraph.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + text.length <= encoded.length; i++) {
            if (java.util.Arrays.equals(encoded, i, i + text.length, text, 0, text.length)) {
                int lengthBytes = text.length * 2 < 128 ? 1 : 2;
                int count = i - lengthBytes - 1;
                assertThat(encoded[count]).isEqualTo((byte) 0x02);
                return count;
            }
        }
        throw new AssertionError("paragraph not found in the encoded story");
    }

    @Test
    void shouldSetAvrosDecoderLimitsBeforeDecoding() {
        AvroSerde.of(Story.class);

        assertThatThrownBy(() -> org.apache.avro.SystemLimitException.checkMaxStringLength(AvroSerde.DECODER_LIMIT + 1L))
                .isInstanceOf(org.apache.avro.SystemLimitException.class);
        assertThatThrownBy(() -> org.apache.avro.SystemLimitException.checkMaxBytesLength(AvroSerde.DECODER_LIMIT + 1L))
                .isInstanceOf(org.apache.avro.SystemLimitException.class);
    }

    @Test
    void shouldStillReadEveryValidRecordAfterTheBoundsCheck() {
        AvroSerde<Story> serde = AvroSerde.of(Story.class);
        Story big = Story.newBuilder(story()).setParagraphs(java.util.Collections.nCopies(2000, "p".repeat(300)))
                .setCaptions(List.of("", "c")).setClusterId("k").build();

        assertThat(serde.decode(serde.encode(big))).isEqualTo(big);
    }
}
