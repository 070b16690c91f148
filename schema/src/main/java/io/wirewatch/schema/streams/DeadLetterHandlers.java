package io.wirewatch.schema.streams;

import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Topics;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Installs the dead-letter handlers in a service's Streams properties, and builds the letters they send. */
public final class DeadLetterHandlers {

    /** The Streams property naming the stage the handlers write in dead-letter headers ({@code enrich}, ...). */
    public static final String STAGE_CONFIG = "wirewatch.dead.letter.stage";
    /** The dead letter carries the source record only below this size; the reason travels in any case. */
    public static final int MAX_DEAD_LETTER_VALUE = 512 * 1024;

    private DeadLetterHandlers() {
    }

    /**
     * Sets the processing and production exception handlers, which send a failing record to {@code news.dlq}
     * headed with {@code stage}.
     */
    public static void install(Map<String, Object> streamsProperties, String stage) {
        if (stage.isBlank()) {
            throw new IllegalArgumentException("a dead-letter stage must not be blank");
        }
        streamsProperties.put(STAGE_CONFIG, stage);
        streamsProperties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                FailuresToDeadLetters.class.getName());
        streamsProperties.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                OversizedToDeadLetters.class.getName());
    }

    /** The stage configured by {@link #install}; a handler configured without one is a wiring error. */
    static String stage(Map<String, ?> configs) {
        Object stage = configs.get(STAGE_CONFIG);
        if (stage == null || String.valueOf(stage).isBlank()) {
            throw new IllegalStateException("no " + STAGE_CONFIG + " in the Streams properties: install the"
                    + " dead-letter handlers with DeadLetterHandlers.install");
        }
        return String.valueOf(stage);
    }

    /** The source record of {@code context} to {@code news.dlq}, unchanged (below the size limit), with the reason. */
    static ProducerRecord<byte[], byte[]> letter(ErrorHandlerContext context, String stage, Exception exception,
                                                 String reason) {
        DeadLetter letter = new DeadLetter(stage, exception.getClass().getName(), reason, context.topic(),
                context.partition(), context.offset());
        byte[] source = context.sourceRawValue();
        byte[] value = source != null && source.length <= MAX_DEAD_LETTER_VALUE ? source : null;
        return new ProducerRecord<>(Topics.DLQ.name(), null, context.sourceRawKey(), value,
                letter.addTo(new RecordHeaders()));
    }
}
