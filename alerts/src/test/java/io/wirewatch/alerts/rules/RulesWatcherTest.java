package io.wirewatch.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirewatch.schema.PloverCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesWatcherTest {

    private static final Duration FAST = Duration.ofMillis(50);

    @TempDir
    Path dir;

    @Test
    void shouldReloadChangedRulesWithoutRestart() throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, "rules:\n  - id: threats\n    version: 1\n    categories: [THREATEN]\n");
        try (RulesWatcher watcher = RulesWatcher.watch(file, FAST)) {
            assertThat(watcher.get().rules()).extracting(Rule::version).containsExactly("1");

            Files.writeString(file, "rules:\n  - id: threats\n    version: 2\n    categories: [THREATEN, COERCE]\n");

            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.get().rules().get(0).version().equals("2"));
            assertThat(watcher.get().rules().get(0).categories()).containsExactlyInAnyOrder(PloverCategory.THREATEN,
                PloverCategory.COERCE);
            assertThat(watcher.lastError()).isNull();
            assertThat(watcher.reloads()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepTheRulesInForceWhenTheChangedFileIsBad() throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, "rules:\n  - id: threats\n    version: 1\n");
        try (RulesWatcher watcher = RulesWatcher.watch(file, FAST)) {
            Files.writeString(file, "rules:\n  - id: threats\n    version: 2\n    modalities: [NEGATED]\n");

            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lastError() != null);
            assertThat(watcher.lastError()).isEqualTo(file + ":4: rule threats: modality NEGATED cannot fire a rule "
                    + "(negated and denied statements never raise alerts)");
            assertThat(watcher.get().rules().get(0).version()).isEqualTo("1");

            Files.writeString(file, "rules:\n  - id: threats\n    version: 3\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.get().rules().get(0).version().equals("3"));
            assertThat(watcher.lastError()).isNull();
        }
    }

    @Test
    void shouldRefuseToStartOnABadFile() throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, "rules:\n  - id: x\n");

        assertThatThrownBy(() -> RulesWatcher.watch(file, FAST)).isInstanceOf(RulesFileException.class)
                .hasMessage(file + ":2: a rule needs 'version:'");
        assertThatThrownBy(() -> RulesWatcher.watch(dir.resolve("missing.yml"), FAST))
                .hasMessageContaining("missing.yml: no such file");
    }
}
