package io.wirewatch.enrich;

import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that makes any processor of the enrichment topology throw (past the enrich step, which sends its own
 * failures to the dead letters: the dyad windows, the stance detectors) would fail the stream thread, which Kafka
 * Streams would give the same record again, for ever. Instead the source record goes to {@code news.dlq}
 * unchanged, with the reason, the processor and its coordinates in the headers, and the stream goes on.
 */
public final class FailuresToDeadLetters implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailuresToDeadLetters.class);

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.warn("Sending record {}-{}@{} to {}: processor {} failed: {}", context.topic(), context.partition(),
                context.offset(), Topics.DLQ.name(), context.processorNodeId(), exception.toString());
        DeadLetter letter = new DeadLetter(EnrichTopology.STAGE, exception.getClass().getName(),
                "processor " + context.processorNodeId() + " failed: " + exception.getMessage(), context.topic(),
                context.partition(), context.offset());
        byte[] source = context.sourceRawValue();
        byte[] value = source != null && source.length <= OversizedToDeadLetters.MAX_DEAD_LETTER_VALUE ? source : null;
        return Response.resume(List.of(new ProducerRecord<>(Topics.DLQ.name(), null, context.sourceRawKey(), value,
                letter.addTo(new RecordHeaders()))));
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
