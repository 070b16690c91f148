package io.wirewatch.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * Records written before the shared vocabulary became enums (categories, stance levels and change kinds were
 * strings) are still read: the bytes here are written with the schemas kept in the history folder, as the services
 * wrote them then.
 */
class VocabularyUpgradeTest {

    private static final Instant AT = Instant.parse("2022-01-26T18:00:00Z");

    @Test
    void shouldConfirmAvroAloneCannotResolveAStringCategoryAsAnEnum() throws IOException {
        Schema old = history("EnrichedStory-v2.avsc");

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(EnrichedStory.getClassSchema(), old).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void shouldReadEnrichedStoryWrittenWithStringCategoriesAsEnums() throws IOException {
        Schema old = history("EnrichedStory-v2.avsc");
        GenericRecord story = oldStory(old.getField("story").schema());
        GenericRecord enriched = new GenericData.Record(old);
        enriched.put("story", story);
        enriched.put("entities", List.of());
        Schema signal = old.getField("signals").schema().getElementType();
        enriched.put("signals", List.of(oldSignal(signal, "FIGHT", "190", "RUS", "UKR"),
                oldSignal(signal, "REDUCE_RELATIONS", null, "RUS", "UKR")));
        enriched.put("escalationScore", 20.0);
        enriched.put("enrichedAt", AT.toEpochMilli());
        enriched.put("enricherVersion", "0.1.0");

        EnrichedStory read = AvroSerde.of(EnrichedStory.class).deserializer()
                .deserialize("news.stories.enriched", encode(old, enriched));

        assertThat(read.getStory().getPublishedAt()).isEqualTo(AT);
        assertThat(read.getSignals()).extracting(Signal::getCategory)
                .as("a category no enum symbol names reads as the default, as Avro does for unknown symbols")
                .containsExactly(PloverCategory.FIGHT, PloverCategory.UNKNOWN);
        assertThat(read.getSignals().get(0).getCameoCode()).isEqualTo("190");
        assertThat(read.getSignals().get(0).getModality()).isEqualTo(Modality.ASSERTED);
        assertThat(read.getSignals().get(0).getTarget()).isEqualTo("UKR");
        assertThat(read.getEscalationScore()).isEqualTo(20.0);
    }

    @Test
    void shouldReadEnrichedStoryOfTheFirstSchemaWhoseEntitiesHadNoNameSpans() throws IOException {
        Schema old = history("EnrichedStory-v1.avsc");
        GenericRecord enriched = new GenericData.Record(old);
        enriched.put("story", oldStory(old.getField("story").schema()));
        GenericRecord entity = new GenericData.Record(old.getField("entities").schema().getElementType());
        entity.put("text", "Lavrov");
        entity.put("type", new GenericData.EnumSymbol(entity.getSchema().getField("type").schema(), "PERSON"));
        entity.put("start", 0);
        entity.put("end", 6);
        enriched.put("entities", List.of(entity));
        enriched.put("signals", List.of(oldSignal(old.getField("signals").schema().getElementType(), "THREATEN",
                "138", "RUS", "WST")));
        enriched.put("escalationScore", 7.0);
        enriched.put("enrichedAt", AT.toEpochMilli());
        enriched.put("enricherVersion", "0.0.9");

        EnrichedStory read = AvroSerde.of(EnrichedStory.class).decode(encode(old, enriched));

        assertThat(read.getEntities()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo(EntityType.PERSON);
            assertThat(e.getNameEnd()).isNull();
        });
        assertThat(read.getSignals()).singleElement().extracting(Signal::getCategory)
                .isEqualTo(PloverCategory.THREATEN);
    }

    @Test
    void shouldReadStanceChangesWrittenWithStringLevelsAndKinds() throws IOException {
        Schema old = history("StanceChange-v1.avsc");
        Schema signal = old.getField("evidenceAfter").schema().getTypes().get(1);
        GenericRecord shift = oldChange(old, "c1", "SHIFT", "COOPERATION", "THREAT");
        shift.put("evidenceAfter", oldSignal(signal, "THREATEN", "138", "RUS", "WST"));
        GenericRecord drop = oldChange(old, "c2", "INDEX_DROP", "1.50", "-4.25");
        drop.put("beforeIndex", 1.5);
        drop.put("afterIndex", -4.25);
        AvroSerde<StanceChange> serde = AvroSerde.of(StanceChange.class);

        StanceChange readShift = serde.decode(encode(old, shift));
        StanceChange readDrop = serde.decode(encode(old, drop));

        assertThat(readShift.getKind()).isEqualTo(StanceChangeKind.SHIFT);
        assertThat(readShift.getBefore()).isEqualTo(StanceLevel.COOPERATION);
        assertThat(readShift.getAfter()).isEqualTo(StanceLevel.THREAT);
        assertThat(readShift.getEvidenceAfter().getCategory()).isEqualTo(PloverCategory.THREATEN);
        assertThat(readDrop.getKind()).isEqualTo(StanceChangeKind.INDEX_DROP);
        assertThat(readDrop.getBefore()).as("an index written where a level now goes is no level").isNull();
        assertThat(readDrop.getAfter()).isNull();
        assertThat(readDrop.getAfterIndex()).isEqualTo(-4.25);
    }

    @Test
    void shouldReadAlertsWrittenBeforeTheyCarriedAQuadClass() throws IOException {
        Schema old = history("Alert-v1.avsc");
        GenericRecord alert = new GenericData.Record(old);
        alert.put("id", "a1");
        alert.put("ruleId", "escalation");
        alert.put("ruleVersion", "2");
        alert.put("severity", new GenericData.EnumSymbol(old.getField("severity").schema(), "HIGH"));
        alert.put("title", "Russia attacked Ukraine");
        alert.put("explanation", "Rule escalation v2.");
        alert.put("storyId", "s1");
        alert.put("storyTitle", "Strikes");
        alert.put("actors", List.of("RUS", "UKR"));
        alert.put("dyad", "RUS->UKR");
        alert.put("score", 20.0);
        alert.put("evidence", List.of(oldSignal(old.getField("evidence").schema().getElementType(), "ASSAULT",
                "195", "RUS", "UKR")));
        alert.put("raisedAt", AT.toEpochMilli());

        Alert read = AvroSerde.of(Alert.class).decode(encode(old, alert));

        assertThat(read.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(read.getQuadClass()).isEqualTo(QuadClass.UNKNOWN);
        assertThat(read.getEvidence()).singleElement().extracting(Signal::getCategory)
                .isEqualTo(PloverCategory.ASSAULT);
        assertThat(read.getRaisedAt()).isEqualTo(AT);
    }

    @Test
    void shouldReadDyadWindowsAndDyadSignalsWrittenWithStringCategories() throws IOException {
        Schema oldWindow = history("DyadWindow-v1.avsc");
        GenericRecord window = new GenericData.Record(oldWindow);
        window.put("source", "RUS");
        window.put("target", "UKR");
        window.put("window", "DAY");
        window.put("windowStart", AT.toEpochMilli());
        window.put("windowEnd", AT.plusSeconds(86_400).toEpochMilli());
        window.put("categories", java.util.Map.of("FIGHT", 2));
        window.put("signals", 2);
        window.put("stories", 1);
        window.put("intensitySum", -20.0);
        window.put("intensityMean", -10.0);
        window.put("conflictShare", 1.0);
        window.put("strongest", oldSignal(oldWindow.getField("strongest").schema().getTypes().get(1), "FIGHT",
                "190", "RUS", "UKR"));
        Schema oldDyadSignal = history("DyadSignal-v1.avsc");
        GenericRecord dyadSignal = new GenericData.Record(oldDyadSignal);
        dyadSignal.put("storyId", "s1");
        dyadSignal.put("signal", oldSignal(oldDyadSignal.getField("signal").schema(), "COERCE", "1711", "RUS", "UKR"));
        dyadSignal.put("firstOfStory", true);

        DyadWindow readWindow = AvroSerde.of(DyadWindow.class).decode(encode(oldWindow, window));
        DyadSignal readSignal = AvroSerde.of(DyadSignal.class).decode(encode(oldDyadSignal, dyadSignal));

        assertThat(readWindow.getStrongest().getCategory()).isEqualTo(PloverCategory.FIGHT);
        assertThat(readWindow.getCategories()).containsEntry("FIGHT", 2);
        assertThat(readWindow.getWindowEnd()).isEqualTo(AT.plusSeconds(86_400));
        assertThat(readSignal.getSignal().getCategory()).isEqualTo(PloverCategory.COERCE);
        assertThat(readSignal.getSignal().getCameoCode()).isEqualTo("1711");
    }

    @Test
    void shouldStillReadRecordsWrittenWithTheCurrentSchema() {
        AvroSerde<StanceChange> serde = AvroSerde.of(StanceChange.class);
        StanceChange change = StanceChange.newBuilder().setId("c3").setSource("RUS").setTarget("UKR")
                .setKind(StanceChangeKind.SHIFT).setBefore(StanceLevel.PRESSURE).setAfter(StanceLevel.FORCE)
                .setAt(AT).build();

        assertThat(serde.decode(serde.encode(change))).isEqualTo(change);
    }

    @Test
    void shouldNameTheFieldWhenAnOldValueCannotBeCarriedOver() {
        Schema writer = new Schema.Parser().parse("""
                {"type": "record", "name": "Thing", "fields": [{"name": "level", "type": "int"}]}""");
        Schema reader = new Schema.Parser().parse("""
                {"type": "record", "name": "Thing", "fields": [
                  {"name": "level", "type": {"type": "enum", "name": "Level", "symbols": ["LOW", "HIGH"]}}]}""");
        GenericRecord old = new GenericData.Record(writer);
        old.put("level", 3);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaUpgrade.upgrade(old, writer, reader))
                .isInstanceOf(org.apache.avro.AvroTypeException.class)
                .hasMessage("Thing.level: cannot read int as enum Level");
    }

    @Test
    void shouldFallBackOnTheEnumDefaultForAStringNoSymbolNamesWhereNullIsNotAllowed() {
        Schema writer = new Schema.Parser().parse("""
                {"type": "record", "name": "Thing", "fields": [{"name": "category", "type": "string"}]}""");
        Schema reader = new Schema.Parser().parse("""
                {"type": "record", "name": "Thing", "fields": [{"name": "category", "type": {"type": "enum",
                  "name": "Category", "symbols": ["AGREE", "OTHER"], "default": "OTHER"}}]}""");
        GenericRecord old = new GenericData.Record(writer);
        old.put("category", "ACCUSE");

        GenericRecord read = (GenericRecord) SchemaUpgrade.upgrade(old, writer, reader);

        assertThat(read.get("category").toString()).isEqualTo("OTHER");
    }

    private static GenericRecord oldChange(Schema old, String id, String kind, String before, String after) {
        GenericRecord change = new GenericData.Record(old);
        change.put("id", id);
        change.put("source", "RUS");
        change.put("target", "WST");
        change.put("kind", kind);
        change.put("before", before);
        change.put("after", after);
        change.put("at", AT.toEpochMilli());
        return change;
    }

    private static GenericRecord oldStory(Schema schema) {
        GenericRecord story = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            if (field.hasDefaultValue()) {
                story.put(field.pos(), GenericData.get().getDefaultValue(field));
            }
        }
        story.put("id", "old-story");
        story.put("source", "file:old.txt");
        story.put("title", "Russian warplanes bombed the city");
        story.put("publishedAt", AT.toEpochMilli());
        story.put("fetchedAt", AT.toEpochMilli());
        story.put("paragraphs", List.of("Russian warplanes bombed Kharkiv."));
        story.put("contentHash", "h");
        return story;
    }

    private static GenericRecord oldSignal(Schema schema, String category, String cameo, String source,
                                           String target) {
        assertThat(schema.getField("category").schema().getType()).isEqualTo(Schema.Type.STRING);
        GenericRecord signal = new GenericData.Record(schema);
        signal.put("category", category);
        signal.put("cameoCode", cameo);
        signal.put("intensity", -10.0);
        signal.put("modality", new GenericData.EnumSymbol(schema.getField("modality").schema(), "ASSERTED"));
        signal.put("source", source);
        signal.put("target", target);
        signal.put("evidence", "bombed");
        signal.put("sentence", "Russian warplanes bombed Kharkiv.");
        signal.put("start", 18);
        signal.put("end", 24);
        return signal;
    }

    private static byte[] encode(Schema schema, GenericRecord record) throws IOException {
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Schema history(String file) throws IOException {
        try (InputStream in = VocabularyUpgradeTest.class.getResourceAsStream("/io/wirewatch/schema/history/" + file)) {
            return new Schema.Parser().parse(in);
        }
    }
}
