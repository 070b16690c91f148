package io.wirewatch.schema.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.schema.DeadLetter;
import io.wirewatch.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** Issue 13: a record that makes a processor past the enrich step throw goes to news.dlq; the thread goes on. */
class FailuresToDeadLettersTest {

    private static final byte[] KEY = "story-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {1, 2, 3, 4};

    private static FailuresToDeadLetters handler() {
        FailuresToDeadLetters handler = new FailuresToDeadLetters();
        handler.configure(Map.of(DeadLetterHandlers.STAGE_CONFIG, "enrich"));
        return handler;
    }

    @Test
    void shouldSendTheSourceRecordToTheDeadLettersAndResume() {
        ProcessingExceptionHandler.Response response = handler().handleError(context(),
                new Record<>("RUS->USA", "signal", 7L), new IllegalStateException("window store closed"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo(Topics.DLQ.name());
            assertThat(letter.key()).isEqualTo(KEY);
            assertThat(letter.value()).isEqualTo(VALUE);
            DeadLetter why = DeadLetter.from(letter.headers());
            assertThat(why).isNotNull();
            assertThat(why.stage()).isEqualTo("enrich");
            assertThat(why.message()).contains("dyad-dedup", "window store closed");
            assertThat(why.topic()).isEqualTo("news.stories.raw");
            assertThat(why.offset()).isEqualTo(42);
        });
    }

    @Test
    void shouldRefuseToRunWithoutAStageToNameInTheLetters() {
        assertThatThrownBy(() -> new FailuresToDeadLetters().configure(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DeadLetterHandlers.STAGE_CONFIG);
    }

    @Test
    void shouldInstallBothHandlersWithTheStage() {
        Map<String, Object> properties = new HashMap<>();

        DeadLetterHandlers.install(properties, "alerts");

        assertThat(properties).containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        FailuresToDeadLetters.class.getName())
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        OversizedToDeadLetters.class.getName())
                .containsEntry(DeadLetterHandlers.STAGE_CONFIG, "alerts");
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return "news.stories.raw";
            }

            @Override
            public int partition() {
                return 2;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "dyad-dedup";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(1, 2);
            }

            @Override
            public long timestamp() {
                return 7;
            }

            @Override
            public byte[] sourceRawKey() {
                return KEY;
            }

            @Override
            public byte[] sourceRawValue() {
                return VALUE;
            }
        };
    }
}
