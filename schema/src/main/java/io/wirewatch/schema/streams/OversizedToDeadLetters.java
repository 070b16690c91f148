package io.wirewatch.schema.streams;

import io.wirewatch.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record too large to write (an enriched story past {@code max.request.size}) would fail the stream thread,
 * which would be replaced onto the same record again and again. Instead the record it came from goes to
 * {@code news.dlq} with the reason and its coordinates, and the stream goes on. Every other production error is
 * left to Kafka Streams. Installed by {@link DeadLetterHandlers#install}.
 */
public final class OversizedToDeadLetters implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OversizedToDeadLetters.class);

    private String stage = "";

    @Override
    public void configure(Map<String, ?> configs) {
        stage = DeadLetterHandlers.stage(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return Response.fail();
        }
        String reason = "cannot write to " + record.topic() + ": " + exception.getMessage();
        LOG.warn("Sending record {}-{}@{} to {}: {}", context.topic(), context.partition(), context.offset(),
                Topics.DLQ.name(), reason);
        return Response.resume(List.of(DeadLetterHandlers.letter(context, stage, exception, reason)));
    }
}
