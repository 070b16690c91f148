package io.wirewatch.schema.streams;

import io.wirewatch.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that makes any processor of a topology throw would fail the stream thread, which Kafka Streams would
 * give the same record again, for ever. Instead the source record goes to {@code news.dlq} unchanged, with the
 * reason, the processor and its coordinates in the headers, and the stream goes on. Installed by
 * {@link DeadLetterHandlers#install}.
 */
public final class FailuresToDeadLetters implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailuresToDeadLetters.class);

    private String stage = "";

    @Override
    public void configure(Map<String, ?> configs) {
        stage = DeadLetterHandlers.stage(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.warn("Sending record {}-{}@{} to {}: {} processor {} failed: {}", context.topic(), context.partition(),
                context.offset(), Topics.DLQ.name(), stage, context.processorNodeId(), exception.toString());
        return Response.resume(List.of(DeadLetterHandlers.letter(context, stage, exception,
                "processor " + context.processorNodeId() + " failed: " + exception.getMessage())));
    }
}
