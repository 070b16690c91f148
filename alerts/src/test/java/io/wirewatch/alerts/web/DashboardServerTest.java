package io.wirewatch.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirewatch.alerts.rules.DefaultRules;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.wirewatch.alerts.rules.RuleEngine;
import io.wirewatch.alerts.testing.SseReader;
import io.wirewatch.alerts.testing.Stories;
import io.wirewatch.schema.Alert;
import io.wirewatch.schema.AvroJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer alone (its feed points at no broker): access control, security headers, errors, metrics. */
class DashboardServerTest {

    private static final String TOKEN = "s3cret-token-0123456789";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AlertFeed feed;
    private AlertMetrics metrics;
    private DashboardServer server;

    private DashboardServer start(@Nullable String token) {
        feed = AlertFeed.start("127.0.0.1:1", Map.of(), 10);
        metrics = new AlertMetrics(Clock.systemUTC());
        server = DashboardServer.start(new DashboardServer.Config("127.0.0.1", 0, feed, () -> "NOT_RUNNING",
                () -> false, DefaultRules::ruleSet, () -> null, metrics, token));
        return server;
    }

    @AfterEach
    void stop() {
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

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeThePageWithAContentSecurityPolicyThatForbidsInlineScript() throws Exception {
        start(null);
        HttpResponse<String> page = get("/", Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).doesNotContain("http://", "https://").contains("<script src=\"dashboard.js\"");
        assertThat(get("/dashboard.js", Map.of()).body()).doesNotContain("innerHTML", "eval(");
    }

    @Test
    void shouldRefuseBadQueryParametersWithTheReason() throws Exception {
        start(null);
        HttpResponse<String> limit = get("/api/alerts?limit=lots", Map.of());
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(limit.body()).contains("limit must be a number, was 'lots'");
        HttpResponse<String> severity = get("/api/alerts?minSeverity=SEVERE", Map.of());
        assertThat(severity.statusCode()).isEqualTo(400);
        assertThat(severity.body()).contains("minSeverity must be one of");
        assertThat(get("/api/alerts?limit=5&minSeverity=high&actor=rus", Map.of()).body()).isEqualTo("[]");
    }

    @Test
    void shouldReportDownHealthWhileStreamsIsNotRunning() throws Exception {
        start(null);
        HttpResponse<String> health = get("/health", Map.of());
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"", "\"streams\":\"NOT_RUNNING\"",
                "escalation v3");
    }

    @Test
    void shouldServePrometheusMetrics() throws Exception {
        start(null);
        HttpResponse<String> scrape = get("/metrics", Map.of());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("wirewatch_sse_clients");
    }

    @Test
    void shouldGuardEverythingButHealthWithTheBearerToken() throws Exception {
        start(TOKEN);
        for (String path : new String[] {"/", "/api/alerts", "/api/alerts/stream", "/metrics", "/dashboard.js"}) {
            HttpResponse<String> anonymous = get(path, Map.of("Accept", "text/event-stream"));
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).contains("Bearer realm=\"wirewatch\"");
            assertThat(get(path, Map.of("Authorization", "Bearer wrong-token-0123456789")).statusCode()).as(path)
                    .isEqualTo(401);
        }
        assertThat(get("/api/alerts", Map.of("Authorization", "Bearer " + TOKEN)).statusCode()).isEqualTo(200);
        assertThat(get("/health", Map.of()).statusCode()).isEqualTo(503);
    }

    @Test
    void shouldGiveABrowserACookieForTheTokenOnce() throws Exception {
        start(TOKEN);
        assertThat(get("/?token=wrong-token-0123456789", Map.of()).statusCode()).isEqualTo(401);

        HttpResponse<String> login = get("/?token=" + TOKEN, Map.of());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).contains("/");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(DashboardServer.TOKEN_COOKIE + "=" + TOKEN).contains("HttpOnly", "SameSite=Strict");

        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get("/", Map.of("Cookie", pair)).statusCode()).isEqualTo(200);
        assertThat(get("/api/alerts", Map.of("Cookie", pair)).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldMarkTheTokenCookieSecureBehindATlsProxy() throws Exception {
        start(TOKEN);
        assertThat(get("/?token=" + TOKEN, Map.of()).headers().firstValue("Set-Cookie").orElseThrow())
                .as("plain HTTP on loopback").doesNotContain("Secure");

        String behindProxy = get("/?token=" + TOKEN, Map.of("X-Forwarded-Proto", "https")).headers()
                .firstValue("Set-Cookie").orElseThrow();
        assertThat(behindProxy).endsWith("; Secure");
    }

    @Test
    void shouldRefuseAWeakToken() {
        assertThatThrownBy(() -> new DashboardServer.Config("127.0.0.1", 0, AlertFeed.start("127.0.0.1:1",
                Map.of(), 1), () -> "", () -> false, DefaultRules::ruleSet, () -> null,
                new AlertMetrics(Clock.systemUTC()), "short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 characters");
    }


    @Test
    void shouldResumeAfterLastEventIdAndSignalAGapBeyondWhatTheFeedHolds() throws Exception {
        AlertFeed detached = AlertFeed.detached(2);
        metrics = new AlertMetrics(Clock.systemUTC());
        server = DashboardServer.start(new DashboardServer.Config("127.0.0.1", 0, detached, () -> "RUNNING",
                () -> true, DefaultRules::ruleSet, () -> null, metrics, null));
        try {
            Alert seed = RuleEngine.evaluate(DefaultRules.ruleSet(), Stories.seed(), Instant.EPOCH).get(0);
            List<AlertFeed.Entry> entries = new ArrayList<>();
            for (long offset : new long[] {0, 2, 4, 6}) {
                Alert alert = Alert.newBuilder(seed).setId("al-" + offset).build();
                entries.add(new AlertFeed.Entry(offset, alert, AvroJson.toJson(alert)));
            }
            detached.append(entries);
            URI stream = server.uri().resolve("api/alerts/stream");

            try (SseReader inside = SseReader.open(http, stream, Map.of("Last-Event-ID", "4"));
                 SseReader before = SseReader.open(http, stream, Map.of("Last-Event-ID", "0"));
                 SseReader fresh = SseReader.open(http, URI.create(stream + "?lastEventId=-1"), Map.of())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> inside.events().size() >= 1
                        && before.events().size() >= 3 && fresh.events().size() >= 3);
                assertThat(inside.events()).extracting(SseReader.Event::id).containsExactly("6");
                assertThat(before.events()).extracting(SseReader.Event::event).containsExactly("gap", "alert", "alert");
                assertThat(before.events().get(0).data()).isEqualTo("{\"after\":0,\"missedUpTo\":2}");
                assertThat(before.events()).extracting(SseReader.Event::id).containsExactly(null, "4", "6");
                assertThat(fresh.events()).extracting(SseReader.Event::event).startsWith("gap");
            }
        } finally {
            detached.close();
        }
    }
}
