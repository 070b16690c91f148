package io.wirewatch.schema;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.jspecify.annotations.Nullable;

/**
 * Carries a record written with an older schema over to the reader's schema where Avro's own schema resolution
 * cannot: a field that was a string and is now an enum (the shared vocabulary was strings before it became enums,
 * and Avro does not resolve string to enum). Everything else follows Avro's rules: fields matched by name or alias,
 * missing fields take their defaults, unions pick the branch of the same kind, int widens to long, float or double.
 *
 * <p>A string that names a symbol of the reader's enum becomes that symbol. One that does not (an old free-text
 * value, such as an index written where a stance level now goes) becomes null where the reader's union admits null,
 * and otherwise the enum's default symbol, exactly as Avro treats an enum symbol the reader does not know.
 */
final class SchemaUpgrade {

    private SchemaUpgrade() {
    }

    /**
     * {@code value}, read with {@code writer} as a generic datum, as a generic datum of {@code reader}.
     *
     * @throws AvroTypeException naming the field path when a value cannot be carried over
     */
    static @Nullable Object upgrade(@Nullable Object value, Schema writer, Schema reader) {
        return convert(value, writer, reader, reader.getName());
    }

    private static @Nullable Object convert(@Nullable Object value, Schema writer, Schema reader, String path) {
        if (writer.getType() == Schema.Type.UNION) {
            Schema branch = writer.getTypes().get(GenericData.get().resolveUnion(writer, value));
            return convert(value, branch, reader, path);
        }
        if (reader.getType() == Schema.Type.UNION) {
            return intoUnion(value, writer, reader, path);
        }
        return switch (reader.getType()) {
            case RECORD -> record((GenericRecord) value, writer, reader, path);
            case ENUM -> enumSymbol(value, writer, reader, path);
            case ARRAY -> {
                requireType(writer, Schema.Type.ARRAY, reader, path);
                List<Object> out = new ArrayList<>();
                for (Object item : (Iterable<?>) value) {
                    out.add(convert(item, writer.getElementType(), reader.getElementType(), path + "[]"));
                }
                yield new GenericData.Array<>(reader, out);
            }
            case MAP -> {
                requireType(writer, Schema.Type.MAP, reader, path);
                Map<Utf8, Object> out = new HashMap<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    out.put(new Utf8(entry.getKey().toString()),
                            convert(entry.getValue(), writer.getValueType(), reader.getValueType(), path + "{}"));
                }
                yield out;
            }
            case STRING -> switch (writer.getType()) {
                case STRING, ENUM -> new Utf8(value.toString());
                case BYTES -> new Utf8(((ByteBuffer) value).array());
                default -> throw mismatch(writer, reader, path);
            };
            case LONG -> writer.getType() == Schema.Type.INT ? (Object) ((Integer) value).longValue()
                    : same(value, writer, reader, path);
            case FLOAT -> switch (writer.getType()) {
                case INT, LONG -> ((Number) value).floatValue();
                default -> same(value, writer, reader, path);
            };
            case DOUBLE -> switch (writer.getType()) {
                case INT, LONG, FLOAT -> ((Number) value).doubleValue();
                default -> same(value, writer, reader, path);
            };
            default -> same(value, writer, reader, path);
        };
    }

    private static GenericRecord record(GenericRecord value, Schema writer, Schema reader, String path) {
        requireType(writer, Schema.Type.RECORD, reader, path);
        GenericData.Record out = new GenericData.Record(reader);
        for (Schema.Field field : reader.getFields()) {
            Schema.Field written = writerField(writer, field);
            if (written != null) {
                out.put(field.pos(), convert(value.get(written.pos()), written.schema(), field.schema(),
                        path + "." + field.name()));
            } else if (field.hasDefaultValue()) {
                out.put(field.pos(), GenericData.get().getDefaultValue(field));
            } else {
                throw new AvroTypeException(path + "." + field.name() + ": the writer schema " + writer.getFullName()
                        + " has no such field and the reader's has no default");
            }
        }
        return out;
    }

    private static Schema.@Nullable Field writerField(Schema writer, Schema.Field field) {
        Schema.Field byName = writer.getField(field.name());
        if (byName != null) {
            return byName;
        }
        for (String alias : field.aliases()) {
            Schema.Field byAlias = writer.getField(alias);
            if (byAlias != null) {
                return byAlias;
            }
        }
        return null;
    }

    private static @Nullable GenericEnumSymbol<?> enumSymbol(@Nullable Object value, Schema writer, Schema reader,
                                                             String path) {
        if (writer.getType() != Schema.Type.STRING && writer.getType() != Schema.Type.ENUM) {
            throw mismatch(writer, reader, path);
        }
        String symbol = String.valueOf(value);
        if (reader.hasEnumSymbol(symbol)) {
            return new GenericData.EnumSymbol(reader, symbol);
        }
        if (reader.getEnumDefault() != null) {
            return new GenericData.EnumSymbol(reader, reader.getEnumDefault());
        }
        throw new AvroTypeException(path + ": '" + symbol + "' is not a symbol of " + reader.getFullName()
                + ", which has no default symbol");
    }

    /** Into the reader's union: the branch of the same kind; an enum branch takes a string it names. */
    private static @Nullable Object intoUnion(@Nullable Object value, Schema writer, Schema reader, String path) {
        Schema nullBranch = null;
        Schema enumBranch = null;
        for (Schema branch : reader.getTypes()) {
            if (branch.getType() == Schema.Type.NULL) {
                nullBranch = branch;
            } else if (branch.getType() == Schema.Type.ENUM) {
                enumBranch = branch;
            }
            if (sameKind(writer, branch)) {
                return convert(value, writer, branch, path);
            }
        }
        if (enumBranch != null && writer.getType() == Schema.Type.STRING) {
            if (enumBranch.hasEnumSymbol(String.valueOf(value)) || nullBranch == null) {
                return enumSymbol(value, writer, enumBranch, path);
            }
            return null;
        }
        for (Schema branch : reader.getTypes()) {
            if (widens(writer.getType(), branch.getType())) {
                return convert(value, writer, branch, path);
            }
        }
        throw mismatch(writer, reader, path);
    }

    private static boolean sameKind(Schema writer, Schema branch) {
        if (writer.getType() != branch.getType()) {
            return false;
        }
        return switch (writer.getType()) {
            case RECORD, ENUM, FIXED -> writer.getFullName().equals(branch.getFullName())
                    || branch.getAliases().contains(writer.getFullName());
            default -> true;
        };
    }

    private static boolean widens(Schema.Type from, Schema.Type to) {
        return switch (from) {
            case INT -> to == Schema.Type.LONG || to == Schema.Type.FLOAT || to == Schema.Type.DOUBLE;
            case LONG -> to == Schema.Type.FLOAT || to == Schema.Type.DOUBLE;
            case FLOAT -> to == Schema.Type.DOUBLE;
            default -> false;
        };
    }

    private static @Nullable Object same(@Nullable Object value, Schema writer, Schema reader, String path) {
        if (writer.getType() != reader.getType()) {
            throw mismatch(writer, reader, path);
        }
        return value;
    }

    private static void requireType(Schema writer, Schema.Type type, Schema reader, String path) {
        if (writer.getType() != type) {
            throw mismatch(writer, reader, path);
        }
    }

    private static AvroTypeException mismatch(Schema writer, Schema reader, String path) {
        return new AvroTypeException(path + ": cannot read " + describe(writer) + " as " + describe(reader));
    }

    private static String describe(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getFullName();
            default -> schema.getType().getName();
        };
    }
}
