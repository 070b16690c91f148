package io.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13: -K processing.guarantee=at_least_once must not weaken the alert service's exactly-once quietly. */
class AlertsServiceConfigTest {

    private static AlertsService.Config config(Map<String, Object> clientProperties) {
        return new AlertsService.Config("127.0.0.1:9092", "alerts-test", Path.of("state"), "127.0.0.1", 0,
                clientProperties, null, Clock.systemUTC());
    }

    @Test
    void shouldRefuseAClientPropertyThatWeakensExactlyOnce() {
        assertThatThrownBy(() -> AlertsService.properties(config(Map.of("processing.guarantee", "at_least_once"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("processing.guarantee=at_least_once")
                .hasMessageContaining("exactly_once_v2");
    }

    @Test
    void shouldGiveItsStoresTheSharedRocksDbBudget() {
        assertThat(AlertsService.properties(config(Map.of()))).containsEntry("rocksdb.config.setter",
                io.wirewatch.schema.streams.BoundedRocksDbMemory.class.getName());
    }

    @Test
    void shouldRefuseABudgetThatIsNotANumberOfBytes() {
        assertThatThrownBy(() -> AlertsService.properties(config(Map.of("wirewatch.rocksdb.memory.bytes", "64MiB"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wirewatch.rocksdb.memory.bytes=64MiB");
    }

    @Test
    void shouldRunExactlyOnceByDefault() {
        assertThat(AlertsService.properties(config(Map.of())).get("processing.guarantee")).isEqualTo("exactly_once_v2");
    }
}
