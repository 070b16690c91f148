package io.wirewatch.enrich;

import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record too large to write (an enriched story past {@code max.request.size}) would fail the stream thread,
 * which would be replaced onto the same story again and again. Instead the story it came from goes to
 * {@code news.dlq} with the reason and its coordinates, and the stream goes on. Every other production error is
 * left to Kafka Streams.
 */
public final class OversizedToDeadLetters implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OversizedToDeadLetters.class);
    /** The dead letter carries the source record only below this size; the reason travels in any case. */
    static final int MAX_DEAD_LETTER_VALUE = 512 * 1024;

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return Response.fail();
        }
        String reason = "cannot write to " + record.topic() + ": " + exception.getMessage();
        LOG.warn("Sending record {}-{}@{} to {}: {}", context.topic(), context.partition(), context.offset(),
                Topics.DLQ.name(), reason);
        DeadLetter letter = new DeadLetter(EnrichTopology.STAGE, exception.getClass().getName(), reason,
                context.topic(), context.partition(), context.offset());
        byte[] source = context.sourceRawValue();
        byte[] value = source != null && source.length <= MAX_DEAD_LETTER_VALUE ? source : null;
        return Response.resume(List.of(new ProducerRecord<>(Topics.DLQ.name(), null, context.sourceRawKey(), value,
                letter.addTo(new RecordHeaders()))));
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
