package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.schema.streams.DeadLetterHandlers;
import io.wirewatch.schema.streams.FailuresToDeadLetters;
import io.wirewatch.schema.streams.OversizedToDeadLetters;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** Issue 13: enrichment sends a record that makes a processor throw, or too large to write, to news.dlq. */
class EnrichServiceDeadLettersTest {

    @Test
    void shouldInstallTheDeadLetterHandlersWithTheEnrichStage() {
        var properties = EnrichService.properties(new EnrichService.Config("127.0.0.1:9092", "enrich-test",
                Path.of("state"), Map.of(), EnrichTopology.Config.defaults(EnrichTopologyTest.scripted())));

        assertThat(properties).containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        FailuresToDeadLetters.class.getName())
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        OversizedToDeadLetters.class.getName())
                .containsEntry(DeadLetterHandlers.STAGE_CONFIG, EnrichTopology.STAGE);
    }
}
