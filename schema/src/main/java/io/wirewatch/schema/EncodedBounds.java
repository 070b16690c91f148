package io.wirewatch.schema;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Walks Avro binary data against its writer schema without building anything, and refuses it as soon as a length
 * or a count claims more than the bytes that remain. Avro's decoder allocates a string's or an array's whole
 * claimed size before reading it, so 16 bytes claiming a 2 GiB string cost 2 GiB; after this walk every claim is
 * known to fit in the record, and decoding allocates in proportion to the record's size.
 *
 * <p>Stateless; one walk per record.
 */
final class EncodedBounds {

    /** Items of a collection whose elements take no bytes (e.g. {@code null}) cannot be bounded by size. */
    static final long MAX_EMPTY_ITEMS = 1 << 20;

    private final byte[] bytes;
    private int position;
    private final Map<Schema, Integer> minimumSizes = new IdentityHashMap<>();

    private EncodedBounds(byte[] bytes, int start) {
        this.bytes = bytes;
        this.position = start;
    }

    /**
     * Checks the datum written with {@code writer} that starts at {@code start} in {@code bytes}.
     *
     * @throws Violation naming the field, the claimed length and the bytes left when a claim cannot fit
     */
    static void check(Schema writer, byte[] bytes, int start) {
        new EncodedBounds(bytes, start).walk(writer, writer.getName());
    }

    /** A length, count or index that the bytes cannot hold. */
    static final class Violation extends RuntimeException {
        Violation(String message) {
            super(message, null, false, false);
        }
    }

    private void walk(Schema schema, String path) {
        switch (schema.getType()) {
            case NULL -> {
            }
            case BOOLEAN -> need(1, path);
            case INT, LONG -> readLong(path);
            case FLOAT -> need(4, path);
            case DOUBLE -> need(8, path);
            case FIXED -> need(schema.getFixedSize(), path);
            case STRING, BYTES -> need(length(schema.getType() == Schema.Type.STRING ? "string" : "bytes", path), path);
            case ENUM -> index(schema.getEnumSymbols().size(), "enum symbol", path);
            case UNION -> {
                List<Schema> branches = schema.getTypes();
                walk(branches.get(index(branches.size(), "union branch", path)), path);
            }
            case RECORD -> {
                for (Schema.Field field : schema.getFields()) {
                    walk(field.schema(), path + "." + field.name());
                }
            }
            case ARRAY -> items(schema.getElementType(), 0, path + "[]");
            case MAP -> items(schema.getValueType(), 1, path + "{}");
            default -> throw new Violation(path + ": unsupported type " + schema.getType());
        }
    }

    /** Array or map blocks: a count, then (when the count is negative) the block's size in bytes, then items. */
    private void items(Schema element, int keyBytes, String path) {
        long itemSize = keyBytes + minimumSize(element);
        for (long count = readLong(path); count != 0; count = readLong(path)) {
            if (count < 0) {
                if (count == Long.MIN_VALUE) {
                    throw new Violation(path + ": block count " + count + " at byte " + position);
                }
                count = -count;
                long blockBytes = readLong(path);
                if (blockBytes < 0 || blockBytes > remaining()) {
                    throw new Violation(path + ": block of " + blockBytes + " bytes at byte " + position
                            + " but only " + remaining() + " remain");
                }
            }
            long fits = itemSize == 0 ? MAX_EMPTY_ITEMS : remaining() / itemSize;
            if (count > fits) {
                throw new Violation(path + ": " + count + " items at byte " + position + " but only "
                        + remaining() + " bytes remain");
            }
            for (long i = 0; i < count; i++) {
                if (keyBytes > 0) {
                    need(length("map key", path), path);
                }
                walk(element, path);
            }
        }
    }

    /** The fewest bytes a datum of {@code schema} can take; recursive records count as 0 where they recur. */
    private long minimumSize(Schema schema) {
        Integer known = minimumSizes.get(schema);
        if (known != null) {
            return known;
        }
        minimumSizes.put(schema, 0);
        long size = switch (schema.getType()) {
            case NULL -> 0;
            case FLOAT -> 4;
            case DOUBLE -> 8;
            case FIXED -> schema.getFixedSize();
            case RECORD -> schema.getFields().stream().mapToLong(f -> minimumSize(f.schema())).sum();
            default -> 1;
        };
        int capped = (int) Math.min(size, Integer.MAX_VALUE);
        minimumSizes.put(schema, capped);
        return capped;
    }

    private int length(String what, String path) {
        int at = position;
        long length = readLong(path);
        if (length < 0 || length > remaining()) {
            throw new Violation(path + ": " + what + " of " + length + " bytes at byte " + at + " but only "
                    + remaining() + " remain");
        }
        return (int) length;
    }

    private int index(int size, String what, String path) {
        int at = position;
        long index = readLong(path);
        if (index < 0 || index >= size) {
            throw new Violation(path + ": " + what + " " + index + " at byte " + at + " of " + size);
        }
        return (int) index;
    }

    private void need(long count, String path) {
        if (count > remaining()) {
            throw new Violation(path + ": needs " + count + " bytes at byte " + position + " but only "
                    + remaining() + " remain");
        }
        position += (int) count;
    }

    private int remaining() {
        return bytes.length - position;
    }

    /** A zig-zag varint, as Avro writes int and long. */
    private long readLong(String path) {
        int at = position;
        long raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= bytes.length) {
                throw new Violation(path + ": varint at byte " + at + " runs past the end (" + bytes.length
                        + " bytes)");
            }
            byte b = bytes[position++];
            raw |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new Violation(path + ": varint at byte " + at + " longer than 10 bytes");
    }
}
