package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.wirewatch.alerts.rules.DefaultRules;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Event streams whose clients drop them by the hundred: each stream ends once and quietly, whether its next write
 * fails or the server stops under it, and the dashboard goes on serving. Before, Javalin completed each stream's
 * future onto a response Jetty had already recycled and its exception handling looped on that response for ever
 * (millions of "Response does not exist (likely recycled)" warnings, one spinning thread per stream).
 */
class DashboardStreamTeardownTest {

    private static final int STREAMS = 150;
    /** Log events at WARN or above a teardown may produce in all; the storm produced thousands a second. */
    private static final int QUIET = 5;
    /** The loggers of what serves the streams (other tests' Kafka clients may still be logging in this JVM). */
    private static final List<String> SERVING = List.of("io.javalin", "org.eclipse.jetty",
            DashboardServer.class.getName(), EventStream.class.getName());

    private final List<Socket> sockets = new ArrayList<>();
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private AlertFeed feed;
    private AlertMetrics metrics;
    private DashboardServer server;

    @BeforeEach
    void start() {
        warnings.start();
        root.addAppender(warnings);
        feed = AlertFeed.detached(10);
        metrics = new AlertMetrics(Clock.systemUTC());
        server = DashboardServer.start(new DashboardServer.Config("127.0.0.1", 0, feed, () -> "RUNNING", () -> true,
                DefaultRules::ruleSet, () -> null, metrics, null)
                .withStreamLimits(new DashboardServer.StreamLimits(STREAMS + 10, STREAMS + 10)));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        feed.close();
        server.close();
        metrics.close();
        root.detachAppender(warnings);
    }

    @Test
    void shouldEndStreamsWhoseClientsDroppedThemAtTheNextWriteAndKeepServing() throws Exception {
        List<Socket> dropped = openStreams(STREAMS);
        for (Socket socket : dropped) {
            socket.close();
        }

        feed.append(List.of(entry(0)));

        await().atMost(Duration.ofSeconds(60)).until(() -> metrics.openStreams() == 0);
        assertQuietFor(Duration.ofSeconds(3));
        assertThat(DashboardExposureTest.status(send("/health"))).isEqualTo(200);
        Socket later = send("/api/alerts/stream");
        assertThat(DashboardExposureTest.status(later)).isEqualTo(200);
        assertThat(readUntil(later, ": connected")).contains(": connected");
    }

    @Test
    void shouldStopQuietlyWhenClientsDropTheirStreamsAndTheServerClosesUnderThem() throws Exception {
        List<Socket> dropped = openStreams(STREAMS);
        for (Socket socket : dropped) {
            socket.close();
        }

        feed.close();
        server.close();

        await().atMost(Duration.ofSeconds(60)).until(() -> metrics.openStreams() == 0);
        assertQuietFor(Duration.ofSeconds(3));
    }

    private List<Socket> openStreams(int count) throws IOException {
        List<Socket> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opened.add(send("/api/alerts/stream"));
        }
        for (Socket socket : opened) {
            assertThat(DashboardExposureTest.status(socket)).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics.openStreams() == count);
        return opened;
    }

    /** No more than {@link #QUIET} warnings in all, still so after {@code settle} (a storm only grows). */
    private void assertQuietFor(Duration settle) {
        long until = System.nanoTime() + settle.toNanos();
        await().atMost(settle.plusSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(loud()).as("warnings logged while streams ended").hasSizeLessThanOrEqualTo(QUIET);
            return System.nanoTime() >= until;
        });
    }

    private List<String> loud() {
        synchronized (warnings.list) {
            return warnings.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .filter(e -> SERVING.stream().anyMatch(e.getLoggerName()::startsWith))
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).limit(QUIET + 5L).toList();
        }
    }

    private Socket send(String path) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static AlertFeed.Entry entry(long offset) {
        Alert seed = RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.seed(), Instant.EPOCH).get(0);
        Alert alert = Alert.newBuilder(seed).setId("al-" + offset).build();
        return new AlertFeed.Entry(offset, alert, AvroJson.toJson(alert));
    }

    private static String readUntil(Socket socket, String marker) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!seen.toString().contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }
}
