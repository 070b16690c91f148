package io.wirewatch.schema;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Why a record went to {@link Topics#DLQ}: the stage that gave up, the error, and where the record came from.
 * It travels as {@code wirewatch.error.*} headers beside the original, unchanged key and value.
 */
public record DeadLetter(String stage, String errorClass, String message, String topic, int partition,
                         long offset) {

    public static final String STAGE = "wirewatch.error.stage";
    public static final String CLASS = "wirewatch.error.class";
    public static final String MESSAGE = "wirewatch.error.message";
    public static final String TOPIC = "wirewatch.error.topic";
    public static final String PARTITION = "wirewatch.error.partition";
    public static final String OFFSET = "wirewatch.error.offset";

    public DeadLetter {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(errorClass, "errorClass");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(topic, "topic");
    }

    /** The dead letter for {@code error}, raised by {@code stage} on the record at topic/partition/offset. */
    public static DeadLetter of(String stage, Throwable error, String topic, int partition, long offset) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return new DeadLetter(stage, error.getClass().getName(), message, topic, partition, offset);
    }

    /** Adds this dead letter's headers to {@code headers} and returns them. */
    public Headers addTo(Headers headers) {
        headers.remove(STAGE).remove(CLASS).remove(MESSAGE).remove(TOPIC).remove(PARTITION).remove(OFFSET);
        return headers.add(STAGE, utf8(stage))
                .add(CLASS, utf8(errorClass))
                .add(MESSAGE, utf8(message))
                .add(TOPIC, utf8(topic))
                .add(PARTITION, utf8(Integer.toString(partition)))
                .add(OFFSET, utf8(Long.toString(offset)));
    }

    public Headers toHeaders() {
        return addTo(new RecordHeaders());
    }

    /** Reads a dead letter back from record headers, or null when they carry none. */
    public static @Nullable DeadLetter from(Headers headers) {
        String stage = text(headers, STAGE);
        if (stage == null) {
            return null;
        }
        return new DeadLetter(stage, orEmpty(text(headers, CLASS)), orEmpty(text(headers, MESSAGE)),
                orEmpty(text(headers, TOPIC)), parseInt(text(headers, PARTITION)), parseLong(text(headers, OFFSET)));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static @Nullable String text(Headers headers, String key) {
        var header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static int parseInt(@Nullable String s) {
        return s == null ? -1 : Integer.parseInt(s);
    }

    private static long parseLong(@Nullable String s) {
        return s == null ? -1 : Long.parseLong(s);
    }
}
