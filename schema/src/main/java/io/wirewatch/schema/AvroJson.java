package io.wirewatch.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.jspecify.annotations.Nullable;

/**
 * The plain JSON view of Avro records, as people expect it: unions unwrapped, enums as names, timestamps as
 * ISO-8601 instants. Used for {@code news.alerts.json}, the REST API and the command line.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.INDENT_OUTPUT, false);
    private static final ObjectMapper PRETTY = new ObjectMapper()
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private AvroJson() {
    }

    /** The JSON tree of {@code record}. */
    public static ObjectNode toTree(IndexedRecord record) {
        return (ObjectNode) node(record, record.getSchema());
    }

    /** {@code record} as one line of JSON. */
    public static String toJson(IndexedRecord record) {
        return write(MAPPER, toTree(record));
    }

    /** {@code record} as indented JSON. */
    public static String toPrettyJson(IndexedRecord record) {
        return write(PRETTY, toTree(record));
    }

    /** Writes any JSON tree as one line. */
    public static String write(JsonNode node) {
        return write(MAPPER, node);
    }

    /** Writes any JSON tree indented. */
    public static String writePretty(JsonNode node) {
        return write(PRETTY, node);
    }

    /** The shared mapper, for reading JSON. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String write(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode node(@Nullable Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case UNION:
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL && matches(value, branch)) {
                        return node(value, branch);
                    }
                }
                return NODES.textNode(value.toString());
            case RECORD: {
                IndexedRecord record = (IndexedRecord) value;
                ObjectNode object = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    object.set(field.name(), node(record.get(field.pos()), field.schema()));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object item : (Collection<?>) value) {
                    array.add(node(item, schema.getElementType()));
                }
                return array;
            }
            case MAP: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    object.set(entry.getKey().toString(), node(entry.getValue(), schema.getValueType()));
                }
                return object;
            }
            case LONG: {
                LogicalType logical = schema.getLogicalType();
                long number = value instanceof Instant instant ? instant.toEpochMilli() : ((Number) value).longValue();
                if (logical instanceof LogicalTypes.TimestampMillis) {
                    return NODES.textNode(Instant.ofEpochMilli(number).toString());
                }
                return NODES.numberNode(number);
            }
            case INT:
                return NODES.numberNode(((Number) value).intValue());
            case FLOAT:
                return NODES.numberNode(((Number) value).floatValue());
            case DOUBLE:
                return NODES.numberNode(((Number) value).doubleValue());
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            default:
                return NODES.textNode(value.toString());
        }
    }

    private static boolean matches(Object value, Schema branch) {
        return switch (branch.getType()) {
            case STRING, ENUM -> value instanceof CharSequence || value instanceof Enum<?>
                    || value instanceof GenericContainer && branch.getType() == Schema.Type.ENUM;
            case RECORD -> value instanceof GenericRecord record && record.getSchema().getFullName()
                    .equals(branch.getFullName());
            case LONG -> value instanceof Long || value instanceof Instant;
            case INT -> value instanceof Integer;
            case DOUBLE -> value instanceof Double;
            case FLOAT -> value instanceof Float;
            case BOOLEAN -> value instanceof Boolean;
            case ARRAY -> value instanceof Collection<?>;
            case MAP -> value instanceof Map<?, ?>;
            default -> true;
        };
    }
}
