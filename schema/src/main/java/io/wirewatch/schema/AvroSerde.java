package io.wirewatch.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SystemLimitException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Kafka Serde for a generated Avro record in Avro single-object encoding: a 10-byte header names the writer
 * schema by its fingerprint, so a reader resolves records written with any schema it knows (the current one and
 * the historical ones under {@code io/wirewatch/schema/history/}) against its own. Where Avro cannot resolve an
 * older schema (a field that was a string became an enum of the shared vocabulary), the record is read with its
 * writer schema and carried over by {@link SchemaUpgrade}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    /**
     * Avro's own decoder limits, in bytes and items: no record of ours may be larger than the largest topic's
     * {@code max.message.bytes} (16 MiB). Avro reads them once, when its {@code SystemLimitException} loads, so
     * they are set here, before this class decodes anything, unless the operator set them.
     */
    static final int DECODER_LIMIT = 16 * 1024 * 1024;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AvroSerde.class);

    static {
        limitDecoders();
        GeneratedClasses.trust();
    }

    private static final int HEADER = 10;

    private final Schema schema;
    private final SpecificData model;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    /** Older writer schemas Avro cannot resolve against ours (a string that became an enum), by fingerprint. */
    private final Map<Long, Schema> upgradable;
    /** Every writer schema this reader knows, by the fingerprint in the single-object header. */
    private final Map<Long, Schema> writers;

    private AvroSerde(Schema schema, List<Schema> olderSchemas) {
        this.schema = schema;
        this.model = SpecificData.getForSchema(schema);
        Map<Long, Schema> known = new HashMap<>();
        known.put(SchemaNormalization.parsingFingerprint64(schema), schema);
        olderSchemas.forEach(older -> known.put(SchemaNormalization.parsingFingerprint64(older), older));
        this.writers = Map.copyOf(known);
        SchemaStore.Cache store = new SchemaStore.Cache();
        List<Schema> resolvable = new ArrayList<>();
        Map<Long, Schema> upgrades = new HashMap<>();
        for (Schema older : olderSchemas) {
            if (SchemaCompatibility.checkReaderWriterCompatibility(schema, older).getType()
                    == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                resolvable.add(older);
                store.addSchema(older);
            } else {
                upgrades.put(SchemaNormalization.parsingFingerprint64(older), older);
            }
        }
        this.upgradable = Map.copyOf(upgrades);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, store);
        resolvable.forEach(decoder::addSchema);
    }

    /** A serde for {@code type}, able to read every historical schema version shipped for it. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        return new AvroSerde<>(schema, SchemaHistory.olderVersionsOf(schema.getName()));
    }

    /** A serde for {@code type} that also reads the given older writer schemas. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, List<Schema> olderSchemas) {
        Schema schema = SpecificData.get().getSchema(type);
        return new AvroSerde<>(schema, List.copyOf(olderSchemas));
    }

    public Schema schema() {
        return schema;
    }

    /** Encodes {@code value} with the current schema. */
    public byte[] encode(T value) {
        Objects.requireNonNull(value, "value");
        try {
            ByteBuffer buffer = encoder.encode(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("cannot encode " + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decodes single-object encoded bytes.
     *
     * @throws SerializationException when the bytes are not single-object encoded, name a writer schema this
     *     reader does not know, or are truncated or corrupt; the message says which
     */
    public T decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        checkBounds(bytes);
        try {
            Schema older = bytes.length >= HEADER && bytes[0] == (byte) 0xC3 && bytes[1] == (byte) 0x01
                    ? upgradable.get(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()) : null;
            if (older != null) {
                return upgrade(bytes, older);
            }
            return decoder.decode(bytes);
        } catch (BadHeaderException e) {
            throw new SerializationException("not an Avro single-object encoded " + schema.getName()
                    + " (" + bytes.length + " bytes): " + e.getMessage(), e);
        } catch (MissingSchemaException e) {
            throw new SerializationException("unknown writer schema for " + schema.getName() + ": "
                    + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SerializationException("corrupt " + schema.getName() + " record (" + bytes.length
                    + " bytes): " + e, e);
        }
    }

    /**
     * Reads a record written with {@code older}, a schema Avro cannot resolve against ours, as a generic record,
     * carries it over with {@link SchemaUpgrade} and reads that as our own type.
     */
    private T upgrade(byte[] bytes, Schema older) throws IOException {
        BinaryDecoder body = DecoderFactory.get().binaryDecoder(bytes, HEADER, bytes.length - HEADER, null);
        Object old = new GenericDatumReader<>(older, older, GenericData.get()).read(null, body);
        Object current = SchemaUpgrade.upgrade(old, older, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<>(schema, GenericData.get()).write(current, encoder);
        encoder.flush();
        @SuppressWarnings("unchecked")
        DatumReader<T> reader = (DatumReader<T>) model.createDatumReader(schema);
        return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    /**
     * Refuses, before Avro allocates anything, a record whose lengths or counts claim more bytes than it has.
     * Bytes without a header this reader knows are left to the decoder, which names what is wrong with them.
     */
    private void checkBounds(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            return;
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema writer = writers.get(fingerprint);
        if (writer == null) {
            return;
        }
        try {
            EncodedBounds.check(writer, bytes, HEADER);
        } catch (EncodedBounds.Violation e) {
            throw new SerializationException("corrupt " + schema.getName() + " record (" + bytes.length
                    + " bytes): " + e.getMessage());
        }
    }

    /** Sets Avro's decoder limits to {@link #DECODER_LIMIT} unless already set; warns when they come too late. */
    private static void limitDecoders() {
        for (String property : List.of(SystemLimitException.MAX_STRING_LENGTH_PROPERTY,
                SystemLimitException.MAX_BYTES_LENGTH_PROPERTY,
                SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY)) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, Integer.toString(DECODER_LIMIT));
            }
        }
        try {
            SystemLimitException.checkMaxStringLength(Integer.getInteger(
                    SystemLimitException.MAX_STRING_LENGTH_PROPERTY, DECODER_LIMIT) + 1L);
            LOG.warn("Avro's decoder limits were read before {} set them; records are still bounded by their size",
                    AvroSerde.class.getName());
        } catch (SystemLimitException expected) {
            // the limit is in force
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return new Deserializer<>() {
            @Override
            public @Nullable T deserialize(String topic, byte @Nullable [] data) {
                if (data == null) {
                    return null;
                }
                try {
                    return decode(data);
                } catch (SerializationException e) {
                    throw new SerializationException("topic " + topic + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** Loads the historical schema files shipped in this jar. */
    static final class SchemaHistory {
        private static final String INDEX = "/io/wirewatch/schema/history/index.txt";

        private SchemaHistory() {
        }

        static List<Schema> olderVersionsOf(String recordName) {
            try (InputStream index = AvroSerde.class.getResourceAsStream(INDEX)) {
                if (index == null) {
                    return List.of();
                }
                String[] lines = new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
                return java.util.Arrays.stream(lines)
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .filter(line -> line.startsWith(recordName + "-v"))
                        .map(SchemaHistory::load)
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + INDEX, e);
            }
        }

        private static Schema load(String file) {
            String path = "/io/wirewatch/schema/history/" + file;
            try (InputStream in = AvroSerde.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("schema history lists " + file + " but " + path + " is missing");
                }
                return new Schema.Parser().parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }
}
