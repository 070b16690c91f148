package io.wirewatch.schema.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** An enriched record too large to write goes to news.dlq, and the stream goes on. */
class OversizedToDeadLettersTest {

    private static final byte[] RAW_STORY = "the raw story".getBytes(StandardCharsets.UTF_8);

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override public String topic() { return Topics.STORIES_RAW.name(); }
            @Override public int partition() { return 2; }
            @Override public long offset() { return 41; }
            @Override public Headers headers() { return new RecordHeaders(); }
            @Override public String processorNodeId() { return "enriched-stories"; }
            @Override public TaskId taskId() { return new TaskId(0, 2); }
            @Override public long timestamp() { return 0; }
            @Override public byte[] sourceRawKey() { return "s1".getBytes(StandardCharsets.UTF_8); }
            @Override public byte[] sourceRawValue() { return RAW_STORY; }
        };
    }

    private static OversizedToDeadLetters handler() {
        OversizedToDeadLetters handler = new OversizedToDeadLetters();
        handler.configure(Map.of(DeadLetterHandlers.STAGE_CONFIG, "enrich"));
        return handler;
    }

    @Test
    void shouldSendTheSourceRecordOfAnOversizedRecordToDeadLettersWithTheReasonAndResume() {
        ProducerRecord<byte[], byte[]> tooLarge = new ProducerRecord<>(Topics.STORIES_ENRICHED.name(),
                "s1".getBytes(StandardCharsets.UTF_8), new byte[32]);

        ProductionExceptionHandler.Response response = handler().handleError(context(), tooLarge,
                new RecordTooLargeException("The message is 20000000 bytes when serialized"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo(Topics.DLQ.name());
            assertThat(dead.value()).isEqualTo(RAW_STORY);
            DeadLetter letter = DeadLetter.from(dead.headers());
            assertThat(letter).isNotNull();
            assertThat(letter.topic()).isEqualTo(Topics.STORIES_RAW.name());
            assertThat(letter.partition()).isEqualTo(2);
            assertThat(letter.offset()).isEqualTo(41);
            assertThat(letter.message()).contains("news.stories.enriched", "20000000 bytes");
        });
    }

    @Test
    void shouldLeaveOtherProductionErrorsToStreams() {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.STORIES_ENRICHED.name(), new byte[1],
                new byte[1]);

        ProductionExceptionHandler.Response response = handler().handleError(context(), record,
                new TimeoutException("broker away"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }
}
