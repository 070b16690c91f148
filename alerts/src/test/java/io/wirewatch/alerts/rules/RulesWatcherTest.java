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

    @Test
    void shouldRefuseACooldownTooLargeForANumberWithItsLineAndKeepWatching() throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, "rules:\n  - id: threats\n    version: 1\n");
        try (RulesWatcher watcher = RulesWatcher.watch(file, FAST)) {
            Files.writeString(file, "rules:\n  - id: threats\n    version: 2\n    cooldown: 99999999999999999999s\n");

            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lastError() != null);
            assertThat(watcher.lastError()).startsWith(file + ":4: ").contains("cooldown", "99999999999999999999s");
            assertThat(watcher.get().rules().get(0).version()).isEqualTo("1");

            Files.writeString(file, "rules:\n  - id: threats\n    version: 3\n    cooldown: 9999999999999999d\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lastError() != null
                    && watcher.lastError().contains("9999999999999999d"));
            assertThat(watcher.lastError()).startsWith(file + ":4: ");

            Files.writeString(file, "rules:\n  - id: threats\n    version: 4\n    cooldown: 6h\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.get().rules().get(0).version().equals("4"));
            assertThat(watcher.lastError()).isNull();
        }
    }

    @Test
    void shouldRefuseAtStartACooldownTooLargeForANumberWithItsLine() throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, "rules:\n  - id: x\n    version: 1\n    cooldown: 99999999999999999999s\n");

        assertThatThrownBy(() -> RulesWatcher.watch(file, FAST)).isInstanceOf(RulesFileException.class)
                .hasMessageStartingWith(file + ":4: ");
    }

    @Test
    void shouldKeepWatchingAfterAnyFailureWhileReloading() throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, "rules:\n  - id: threats\n    version: 1\n");
        java.util.function.BiFunction<String, String, RuleSet> parser = (text, origin) -> {
            if (text.contains("version: 2")) {
                throw new IllegalStateException("a bug in the parser");
            }
            return RulesFile.parse(text, origin);
        };
        try (RulesWatcher watcher = RulesWatcher.watch(file, FAST, parser)) {
            Files.writeString(file, "rules:\n  - id: threats\n    version: 2\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.lastError() != null);
            assertThat(watcher.lastError()).startsWith(file.toString()).contains("a bug in the parser");

            Files.writeString(file, "rules:\n  - id: threats\n    version: 3\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.get().rules().get(0).version().equals("3"));
            assertThat(watcher.lastError()).isNull();
        }
    }
}
