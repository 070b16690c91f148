package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichServiceConfigTest {

    private static EnrichService.Config config(Map<String, Object> clientProperties) {
        return new EnrichService.Config("127.0.0.1:9092", "enrich-test", Path.of("state"), clientProperties,
                EnrichTopology.Config.defaults(EnrichTopologyTest.scripted()));
    }

    @Test
    void shouldRefuseAClientPropertyThatWeakensExactlyOnce() {
        assertThatThrownBy(() -> EnrichService.properties(config(Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("processing.guarantee=at_least_once")
                .hasMessageContaining("exactly_once_v2");
    }

    @Test
    void shouldAcceptExactlyOnceGivenExplicitly() {
        assertThat(EnrichService.properties(config(Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)))
                .get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }
}
