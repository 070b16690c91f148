package io.wirewatch.schema.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

/** Issue 13: a thread replaced onto the same failing record for ever is a crash loop. */
class StreamThreadFailuresTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private StreamThreadFailures failures() {
        return new StreamThreadFailures("Enrichment", new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    @Test
    void shouldReplaceAThreadThatFailedOnce() {
        assertThat(failures().handle(new IllegalStateException("broker away")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void shouldShutDownInsteadOfReplacingThreadsThatKeepFailing() {
        StreamThreadFailures failures = failures();
        failures.handle(new OutOfMemoryError("poison"));
        now = now.plusSeconds(5);
        failures.handle(new OutOfMemoryError("poison"));
        now = now.plusSeconds(5);

        assertThat(failures.handle(new OutOfMemoryError("poison")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void shouldForgetFailuresOlderThanTheWindow() {
        StreamThreadFailures failures = failures();
        failures.handle(new IllegalStateException("once"));
        now = now.plus(StreamThreadFailures.WINDOW).plus(Duration.ofSeconds(1));
        failures.handle(new IllegalStateException("twice"));

        assertThat(failures.handle(new IllegalStateException("three times, but over a long time")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
