package io.wirewatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback (the only address these tests ever contact). */
class FetcherTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger flaky = new AtomicInteger();
    private final List<Duration> sleeps = new ArrayList<>();
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/story", ex -> {
            requests.incrementAndGet();
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=windows-1252");
            send(ex, 200, "<html><body><p>Caf\u00e9 story</p></body></html>".getBytes(StandardCharsets.ISO_8859_1));
        });
        server.createContext("/gzip", ex -> {
            requests.incrementAndGet();
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (OutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write("compressed story text".getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, zipped.toByteArray());
        });
        server.createContext("/flaky", ex -> {
            requests.incrementAndGet();
            if (flaky.incrementAndGet() <= 2) {
                send(ex, 503, "busy".getBytes(StandardCharsets.UTF_8));
            } else {
                send(ex, 200, "finally".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/missing", ex -> {
            requests.incrementAndGet();
            send(ex, 404, "no".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/to-private", ex -> {
            requests.incrementAndGet();
            ex.getResponseHeaders().add("Location", "http://10.1.2.3/internal");
            send(ex, 302, new byte[0]);
        });
        server.createContext("/to-localhost", ex -> {
            requests.incrementAndGet();
            ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/story");
            send(ex, 301, new byte[0]);
        });
        server.createContext("/relative", ex -> {
            requests.incrementAndGet();
            ex.getResponseHeaders().add("Location", "/story");
            send(ex, 302, new byte[0]);
        });
        server.createContext("/huge", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, 50L * 1024 * 1024);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 50 * 16; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientWentAway) {
                // the fetcher stops reading at its limit
            }
        });
        server.createContext("/drip", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, 20);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 20; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException clientWentAway) {
                // the fetcher gave up at its deadline
            }
        });
        server.createContext("/bad-location", ex -> {
            requests.incrementAndGet();
            ex.getResponseHeaders().add("Location", "http://exa mple.com/%%zz");
            send(ex, 302, new byte[0]);
        });
        server.createContext("/host", ex -> {
            requests.incrementAndGet();
            send(ex, 200, ex.getRequestHeaders().getFirst("Host").getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/robots.txt", ex -> send(ex, 200, ("User-agent: *\nDisallow: /story\n\n"
                + "User-agent: wirewatch\nDisallow: /missing\n").getBytes(StandardCharsets.UTF_8)));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    private Fetcher fetcher(FetchPolicy policy) {
        return new Fetcher(policy, Clock.systemUTC(), sleeps::add);
    }

    private FetchPolicy trustingLoopback() {
        return FetchPolicy.defaults().withTrustedHosts(Set.of("127.0.0.1"))
                .withTiming(Duration.ofMillis(100), Duration.ZERO);
    }

    @Test
    void shouldFetchAPageAndCostOnly304WhenUnchanged() {
        Fetcher fetcher = fetcher(trustingLoopback());
        FetchResult first = fetcher.fetch(URI.create(base + "/story"), Validators.NONE);
        assertThat(first).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(new String(f.body(), StandardCharsets.ISO_8859_1)).contains("Caf\u00e9 story");
            assertThat(f.charset()).isEqualTo("windows-1252");
            assertThat(f.validators().etag()).isEqualTo("\"v1\"");
        });
        FetchResult again = fetcher.fetch(URI.create(base + "/story"), ((FetchResult.Fetched) first).validators());
        assertThat(again).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void shouldDecompressGzip() {
        FetchResult result = fetcher(trustingLoopback()).fetch(URI.create(base + "/gzip"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f ->
                assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("compressed story text"));
    }

    @Test
    void shouldRetryServerErrorsWithGrowingBackoff() {
        FetchResult result = fetcher(trustingLoopback()).fetch(URI.create(base + "/flaky"), Validators.NONE);
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(requests.get()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void shouldNotRetryClientErrors() {
        FetchResult result = fetcher(trustingLoopback().withRobots(false)).fetch(URI.create(base + "/missing"), Validators.NONE);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.status()).isEqualTo(404);
            assertThat(f.retriable()).isFalse();
        });
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void shouldRefuseLoopbackAndOtherSchemesByDefault() {
        Fetcher fetcher = fetcher(FetchPolicy.defaults());
        assertThat(fetcher.fetch(URI.create(base + "/story"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason()).contains("loopback"));
        assertThat(fetcher.fetch(URI.create("file:///etc/passwd"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason()).contains("scheme"));
        assertThat(requests.get()).isZero();
    }

    @Test
    void shouldRefuseARedirectToAPrivateAddress() {
        Fetcher fetcher = fetcher(trustingLoopback());
        assertThat(fetcher.fetch(URI.create(base + "/to-private"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                    assertThat(f.url()).isEqualTo(URI.create("http://10.1.2.3/internal"));
                    assertThat(f.reason()).contains("private");
                    assertThat(f.retriable()).isFalse();
                });
        // "localhost" is not the trusted literal: after the redirect it resolves to loopback and is refused
        assertThat(fetcher.fetch(URI.create(base + "/to-localhost"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason()).contains("loopback"));
    }

    @Test
    void shouldFollowARelativeRedirect() {
        assertThat(fetcher(trustingLoopback()).fetch(URI.create(base + "/relative"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Fetched.class,
                        f -> assertThat(f.url()).isEqualTo(URI.create(base + "/story")));
    }

    @Test
    void shouldObeyTheRobotsGroupThatNamesUs() {
        Fetcher fetcher = fetcher(trustingLoopback());
        assertThat(fetcher.fetch(URI.create(base + "/missing"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                    assertThat(f.reason()).contains("robots.txt");
                    assertThat(f.status()).isEqualTo(-1);
                });
        assertThat(requests.get()).isZero();
        // the * group disallows /story, but a group names wirewatch, so only that group applies
        assertThat(fetcher.fetch(URI.create(base + "/story"), Validators.NONE)).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void shouldCutOffA50MegabyteBodyWithAClearError() {
        FetchPolicy policy = trustingLoopback().withMaxBodyBytes(1024 * 1024);
        assertThat(fetcher(policy).fetch(URI.create(base + "/huge"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                    assertThat(f.reason()).contains("larger than 1048576 bytes");
                    assertThat(f.retriable()).isFalse();
                });
    }

    private FetchPolicy oneAttempt(FetchPolicy p, Duration requestTimeout) {
        return new FetchPolicy(p.userAgent(), p.connectTimeout(), requestTimeout, p.maxBodyBytes(), p.maxRedirects(),
                1, p.backoff(), p.perHostDelay(), p.allowPrivateAddresses(), p.trustedHosts(), p.obeyRobots(),
                p.linkDeadline());
    }

    @Test
    void shouldCutABodyDrippingOneBytePerSecondAtTheDeadline() {
        FetchPolicy policy = oneAttempt(trustingLoopback().withRobots(false), Duration.ofSeconds(2));
        long start = System.nanoTime();

        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(15),
                () -> fetcher(policy).fetch(URI.create(base + "/drip"), Validators.NONE));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.reason()).contains("deadline", "2000 ms");
            assertThat(f.url()).isEqualTo(URI.create(base + "/drip"));
        });
        assertThat(took).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void shouldFailAMalformedRedirectLocationWithItsReason() {
        FetchResult result = fetcher(trustingLoopback().withRobots(false))
                .fetch(URI.create(base + "/bad-location"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.reason()).contains("malformed redirect Location", "http://exa mple.com/%%zz");
            assertThat(f.status()).isEqualTo(302);
            assertThat(f.retriable()).isFalse();
        });
    }
    @Test
    void shouldConnectToTheAddressTheGuardResolvedWithoutResolvingAgain() {
        AtomicInteger lookups = new AtomicInteger();
        AddressGuard.Resolver resolver = host -> {
            lookups.incrementAndGet();
            if (!host.equals("pinned.test")) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        };
        FetchPolicy policy = FetchPolicy.defaults().withTrustedHosts(Set.of("pinned.test")).withRobots(false)
                .withTiming(Duration.ofMillis(100), Duration.ZERO);
        Fetcher fetcher = new Fetcher(policy, Clock.systemUTC(), sleeps::add, resolver);
        int port = server.getAddress().getPort();

        FetchResult result = fetcher.fetch(URI.create("http://pinned.test:" + port + "/host"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> {
            assertThat(f.url()).isEqualTo(URI.create("http://pinned.test:" + port + "/host"));
            assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("pinned.test:" + port);
        });
        assertThat(lookups).hasValue(1);
    }

    /** A clock a test moves by hand. */
    private static final class MovableClock extends Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void shouldTakeARobotsServerErrorAsDisallowForAWhileThenAskAgain() throws Exception {
        AtomicInteger robotsAsked = new AtomicInteger();
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/robots.txt", ex -> send(ex, robotsAsked.incrementAndGet() == 1 ? 503 : 200,
                "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8)));
        other.createContext("/page", ex -> send(ex, 200, "page".getBytes(StandardCharsets.UTF_8)));
        other.start();
        try {
            MovableClock clock = new MovableClock();
            FetchPolicy policy = oneAttempt(trustingLoopback(), Duration.ofSeconds(5));
            Fetcher fetcher = new Fetcher(policy, clock, sleeps::add);
            URI page = URI.create("http://127.0.0.1:" + other.getAddress().getPort() + "/page");

            assertThat(fetcher.fetch(page, Validators.NONE)).isInstanceOfSatisfying(FetchResult.Failed.class,
                    f -> assertThat(f.reason()).contains("robots.txt", "HTTP 503"));
            clock.advance(Duration.ofMinutes(1));
            assertThat(fetcher.fetch(page, Validators.NONE)).isInstanceOf(FetchResult.Failed.class);
            assertThat(robotsAsked).hasValue(1);

            clock.advance(Duration.ofMinutes(30));
            assertThat(fetcher.fetch(page, Validators.NONE)).isInstanceOf(FetchResult.Fetched.class);
            assertThat(robotsAsked).hasValue(2);

            clock.advance(Duration.ofHours(25));
            fetcher.fetch(page, Validators.NONE);
            assertThat(robotsAsked).as("a robots.txt is kept a day at most").hasValue(3);
        } finally {
            other.stop(0);
        }
    }
}
