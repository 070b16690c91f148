package io.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wirewatch enrich} tells a container's health check its Streams state through a file, not over HTTP. */
class EnrichStateFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheStateAsOneLineEachTimeItChanges() throws Exception {
        Path file = dir.resolve("state").resolve(EnrichCommand.STATE_FILE);
        EnrichCommand.StateFile state = new EnrichCommand.StateFile(file);

        state.write("REBALANCING");
        assertThat(Files.readString(file)).isEqualTo("REBALANCING\n");
        state.write("RUNNING");
        assertThat(Files.readAllLines(file)).containsExactly("RUNNING");
        Files.delete(file);
        state.write("RUNNING");
        assertThat(file).as("unchanged: not rewritten").doesNotExist();
    }
}
