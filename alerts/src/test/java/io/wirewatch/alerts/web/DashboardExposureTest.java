package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirewatch.alerts.rules.DefaultRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may reach the dashboard and how many event streams it holds: caps, /health under load, Host, bind. */
class DashboardExposureTest {

    private final List<Socket> sockets = new ArrayList<>();
    private AlertFeed feed;
    private AlertMetrics metrics;
    private DashboardServer server;

    private DashboardServer start(DashboardServer.StreamLimits limits) {
        feed = AlertFeed.detached(10);
        metrics = new AlertMetrics(Clock.systemUTC());
        server = DashboardServer.start(new DashboardServer.Config("127.0.0.1", 0, feed, () -> "RUNNING", () -> true,
                DefaultRules::ruleSet, () -> null, metrics, null).withStreamLimits(limits));
        return server;
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (server != null) {
            server.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    /** Sends a request on a raw socket from {@code from} (any 127/8 address) and leaves it open. */
    private Socket send(String from, String path, String host) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private Socket send(String from, String path) throws IOException {
        return send(from, path, "127.0.0.1:" + server.port());
    }

    /** Waits until the count of open streams has not moved for a second: every stream request was handled. */
    private void awaitSteadyOpenStreams() {
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int now = metrics.openStreams();
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
            }
            return now > 0 && System.nanoTime() - since[0] > 1_000_000_000L;
        });
    }

    /** The status line's code, read within the socket's timeout. */
    static int status(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    private static String rest(Socket socket) throws IOException {
        byte[] buffer = new byte[4096];
        int n = socket.getInputStream().read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepHealthAnsweringWhileFiveHundredTwentyClientsHoldEventStreams() throws Exception {
        start(DashboardServer.StreamLimits.DEFAULT);
        for (int i = 0; i < 520; i++) {
            send("127.0.0." + (2 + i % 200), "/api/alerts/stream");
        }
        awaitSteadyOpenStreams();

        Socket health = send("127.0.0.1", "/health");

        assertThat(status(health)).isEqualTo(200);
    }

    @Test
    void shouldRefuseAStreamBeyondTheCapForOneClientWith503() throws Exception {
        start(new DashboardServer.StreamLimits(10, 2));
        assertThat(status(send("127.0.0.2", "/api/alerts/stream"))).isEqualTo(200);
        assertThat(status(send("127.0.0.2", "/api/alerts/stream"))).isEqualTo(200);

        Socket third = send("127.0.0.2", "/api/alerts/stream");

        assertThat(status(third)).isEqualTo(503);
        assertThat(rest(third)).contains("Retry-After", "2 event streams", "127.0.0.2");
        assertThat(status(send("127.0.0.3", "/api/alerts/stream"))).isEqualTo(200);
    }

    @Test
    void shouldRefuseAStreamBeyondTheCapForAllClientsWith503AndFreeTheSlotWhenOneCloses() throws Exception {
        start(new DashboardServer.StreamLimits(2, 2));
        Socket first = send("127.0.0.2", "/api/alerts/stream");
        assertThat(status(first)).isEqualTo(200);
        assertThat(status(send("127.0.0.3", "/api/alerts/stream"))).isEqualTo(200);

        assertThat(status(send("127.0.0.4", "/api/alerts/stream"))).isEqualTo(503);

        first.close();
        // the server sees the client gone at its next write (a ping within 15 s), then frees the slot
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions().untilAsserted(() ->
                assertThat(status(send("127.0.0.4", "/api/alerts/stream"))).isEqualTo(200));
    }

    @Test
    void shouldRefuseAHostHeaderThatDoesNotNameTheServer() throws Exception {
        start(DashboardServer.StreamLimits.DEFAULT);
        int port = server.port();

        Socket rebound = send("127.0.0.1", "/api/alerts", "attacker.example:" + port);

        assertThat(status(rebound)).isEqualTo(421);
        assertThat(rest(rebound)).contains("attacker.example");
        assertThat(status(send("127.0.0.1", "/api/alerts", "localhost:" + port))).isEqualTo(200);
        assertThat(status(send("127.0.0.1", "/api/alerts", "127.0.0.1:" + port))).isEqualTo(200);
    }

    @Test
    void shouldNotSendAGapEventForANegativeLastEventIdWhenNothingWasDropped() throws Exception {
        start(DashboardServer.StreamLimits.DEFAULT);
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
        socket.setSoTimeout(3000);
        socket.getOutputStream().write(("GET /api/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nLast-Event-ID: -5\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(status(socket)).isEqualTo(200);
        StringBuilder events = new StringBuilder();
        while (!events.toString().contains(": connected")) {
            events.append(rest(socket));
        }
        socket.setSoTimeout(1000);
        try {
            events.append(rest(socket));
        } catch (java.net.SocketTimeoutException quiet) {
            // nothing more: no gap event
        }
        assertThat(events.toString()).doesNotContain("event: gap");
    }

    @Test
    void shouldShowEachWebhookDispatchersStateInHealth() throws Exception {
        feed = AlertFeed.detached(10);
        metrics = new AlertMetrics(Clock.systemUTC());
        server = DashboardServer.start(new DashboardServer.Config("127.0.0.1", 0, feed, () -> "RUNNING", () -> true,
                DefaultRules::ruleSet, () -> null, metrics, null).withWebhooks(() -> List.of(java.util.Map.of(
                        "url", "http://127.0.0.1:9/hook", "state", "RESTARTING", "restarts", 3))));

        Socket health = send("127.0.0.1", "/health");

        assertThat(status(health)).isEqualTo(200);
        StringBuilder body = new StringBuilder();
        while (!body.toString().strip().endsWith("}")) {
            body.append(rest(health));
        }
        assertThat(body).contains("\"webhooks\"", "http://127.0.0.1:9/hook", "RESTARTING", "\"restarts\":\"3\"");
    }

    @Test
    void shouldRefuseToServeBeyondLoopbackWithoutATokenUnlessToldToBeInsecure() {
        feed = AlertFeed.detached(10);
        metrics = new AlertMetrics(Clock.systemUTC());
        DashboardServer.Config open = new DashboardServer.Config("0.0.0.0", 0, feed, () -> "RUNNING", () -> true,
                DefaultRules::ruleSet, () -> null, metrics, (@Nullable String) null);

        assertThatThrownBy(() -> server = DashboardServer.start(open))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0.0.0")
                .hasMessageContaining("--token")
                .hasMessageContaining("--insecure-no-token");
        assertThat(server).isNull();
    }
}
