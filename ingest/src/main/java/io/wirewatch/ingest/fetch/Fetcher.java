package io.wirewatch.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches URLs politely and safely with {@link HttpClient}: every hop of a redirect chain is checked by the
 * address guard before it is requested; requests to one host are spaced by the policy's delay and never run
 * concurrently; 5xx, 429 and timeouts are retried with exponential backoff up to the policy's attempts, 4xx never;
 * the whole exchange, body included, must end within the policy's request timeout; bodies are decompressed (gzip,
 * deflate) and cut off at the size limit with a clear error. Thread-safe.
 */
public final class Fetcher {

    /** Waits; injected so that tests need not sleep for real. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");
    private static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";

    static {
        allowHostHeader();
    }

    private final FetchPolicy policy;
    private final HttpClient client;
    private final AddressGuard guard;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRequest = new ConcurrentHashMap<>();
    private final Map<String, Robots> robots = new ConcurrentHashMap<>();

    /** How long a robots.txt is kept (RFC 9309: at most a day), and a server error taken as "disallow all". */
    static final Duration ROBOTS_KEPT = Duration.ofHours(24);
    static final Duration ROBOTS_UNREACHABLE_KEPT = Duration.ofMinutes(15);

    /** One origin's robots.txt rules, until when they hold, and why when they are not the file's own. */
    private record Robots(RobotsTxt rules, Instant until, @Nullable String why) {
    }

    public Fetcher(FetchPolicy policy, Clock clock, Sleeper sleeper) {
        this(policy, clock, sleeper, InetAddress::getAllByName);
    }

    /** A fetcher resolving host names with {@code resolver} (tests: names that need no DNS). */
    Fetcher(FetchPolicy policy, Clock clock, Sleeper sleeper, AddressGuard.Resolver resolver) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.guard = new AddressGuard(policy, resolver);
        requireHostHeader();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Lets requests carry their own Host header, which connecting to a checked address needs. The JDK's client
     * reads {@code jdk.httpclient.allowRestrictedHeaders} once, when its internals load: the command line sets
     * it first thing, and this is the fallback for embedders. Safe to call more than once.
     */
    public static void allowHostHeader() {
        String allowed = System.getProperty(RESTRICTED_HEADERS, "");
        if (!Arrays.asList(allowed.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("host")) {
            System.setProperty(RESTRICTED_HEADERS, allowed.isBlank() ? "host" : allowed + ",host");
        }
    }

    /** Whether this JVM's HTTP client accepts a Host header; if not, the fetcher refuses to start. */
    private static void requireHostHeader() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "probe");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the JDK HTTP client refuses a Host header, so the fetcher cannot connect"
                    + " to the address it checked: start the JVM with -D" + RESTRICTED_HEADERS + "=host", e);
        }
    }

    /** A fetcher on the system clock that really sleeps. */
    public static Fetcher of(FetchPolicy policy) {
        return new Fetcher(policy, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    public FetchPolicy policy() {
        return policy;
    }

    /** Fetches {@code url}, sending {@code validators} for a conditional GET. */
    public FetchResult fetch(URI url, Validators validators) {
        return fetch(url, validators, null);
    }

    /**
     * Fetches {@code url} as {@link #fetch(URI, Validators)} does, all of it (robots.txt, waits, redirects, retries)
     * within the policy's {@code linkDeadline}: a host that hangs costs one link that long, no more.
     */
    public FetchResult fetchWithinDeadline(URI url, Validators validators) {
        return fetch(url, validators, System.nanoTime() + policy.linkDeadline().toNanos());
    }

    private FetchResult fetch(URI url, Validators validators, @Nullable Long deadline) {
        URI current = url;
        for (int hop = 0; hop <= policy.maxRedirects(); hop++) {
            AddressGuard.Verdict verdict = guard.admit(current);
            if (verdict instanceof AddressGuard.Verdict.Refused refused) {
                LOG.warn("not fetching {}: {}", current, refused.reason());
                return new FetchResult.Failed(current, -1, refused.reason(), false);
            }
            InetAddress address = ((AddressGuard.Verdict.Allowed) verdict).address();
            Robots rules = policy.obeyRobots() ? robotsFor(current, address, deadline) : null;
            if (rules != null && !rules.rules().allows(pathAndQuery(current))) {
                String reason = rules.why() == null ? "disallowed by robots.txt (--ignore-robots for sites you own)"
                        : "disallowed: " + rules.why() + ", taken as disallow all for now";
                LOG.info("not fetching {}: {}", current, reason);
                return new FetchResult.Failed(current, -1, reason, rules.why() != null);
            }
            Attempt attempt = withRetries(current, address, validators, deadline);
            if (attempt.result() != null) {
                return attempt.result();
            }
            URI next = attempt.redirect();
            if (next == null) {
                return new FetchResult.Failed(current, -1, "redirect without a location", false);
            }
            current = next;
        }
        return new FetchResult.Failed(current, -1, "more than " + policy.maxRedirects() + " redirects", false);
    }

    /**
     * The robots.txt rules of {@code url}'s origin, fetched again when older than a day. As RFC 9309 says, a
     * 4xx (no robots.txt) allows everything, and a server error or no answer disallows everything: for
     * {@link #ROBOTS_UNREACHABLE_KEPT}, then it is asked again.
     */
    private Robots robotsFor(URI url, InetAddress address, @Nullable Long deadline) {
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
        Instant now = clock.instant();
        Robots known = robots.get(origin);
        if (known != null && now.isBefore(known.until())) {
            return known;
        }
        URI robotsUrl = URI.create(origin + "/robots.txt");
        Attempt attempt = once(robotsUrl, address, Validators.NONE, deadline);
        Robots fresh;
        if (attempt.result() instanceof FetchResult.Fetched fetched) {
            fresh = new Robots(RobotsTxt.parse(fetched.body(), policy.userAgent()), now.plus(ROBOTS_KEPT), null);
        } else if (attempt.result() instanceof FetchResult.Failed failed && failed.retriable()) {
            String why = failed.status() > 0 ? "HTTP " + failed.status() : failed.reason();
            LOG.warn("{} unreachable ({}): not fetching from {} for {} min", robotsUrl, why, origin,
                    ROBOTS_UNREACHABLE_KEPT.toMinutes());
            fresh = new Robots(RobotsTxt.DISALLOW_ALL, now.plus(ROBOTS_UNREACHABLE_KEPT),
                    "robots.txt unreachable (" + why + ")");
        } else {
            // 4xx, a redirect or a permanent failure: no robots.txt, everything allowed
            fresh = new Robots(RobotsTxt.ALLOW_ALL, now.plus(ROBOTS_KEPT), null);
        }
        robots.put(origin, fresh);
        return fresh;
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private record Attempt(@Nullable FetchResult result, @Nullable URI redirect) {
    }

    private Attempt withRetries(URI url, InetAddress address, Validators validators, @Nullable Long deadline) {
        Attempt last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            last = once(url, address, validators, deadline);
            if (!(last.result() instanceof FetchResult.Failed failed) || !failed.retriable()
                    || attempt == policy.maxAttempts()) {
                return last;
            }
            Duration wait = policy.backoff().multipliedBy(1L << (attempt - 1));
            if (deadline != null && System.nanoTime() + wait.toNanos() >= deadline) {
                return last;
            }
            LOG.info("{} failed ({}), attempt {} of {}, retrying in {} ms", url, failed.reason(), attempt,
                    policy.maxAttempts(), wait.toMillis());
            if (!sleep(wait)) {
                return new Attempt(new FetchResult.Failed(url, -1, "interrupted", false), null);
            }
        }
        return Objects.requireNonNull(last);
    }

    /**
     * One exchange with {@code url} at {@code address}, the address the guard checked. Plain http connects to
     * that address and names the host in the Host header; https connects by name, because the certificate is
     * checked against the name: an answer that changed since the check cannot complete the handshake.
     */
    private Attempt once(URI url, InetAddress address, Validators validators, @Nullable Long deadline) {
        Duration timeout = policy.requestTimeout();
        if (deadline != null) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.toMillis() < 1) {
                return new Attempt(linkDeadlinePassed(url), null);
            }
            timeout = left.compareTo(timeout) < 0 ? left : timeout;
        }
        boolean pinned = "http".equalsIgnoreCase(url.getScheme());
        HttpRequest.Builder request = HttpRequest.newBuilder(pinned ? atAddress(url, address) : url)
                .timeout(timeout)
                .header("User-Agent", policy.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        if (pinned) {
            request.header("Host", url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort());
        }
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        String host = url.getHost().toLowerCase(Locale.ROOT) + ":" + url.getPort();
        Object lock = hostLocks.computeIfAbsent(host, h -> new Object());
        synchronized (lock) {
            if (!politeWait(host)) {
                return new Attempt(new FetchResult.Failed(url, -1, "interrupted", false), null);
            }
            if (deadline != null && deadline - System.nanoTime() < 1_000_000) {
                return new Attempt(linkDeadlinePassed(url), null);
            }
            BoundedBody body = new BoundedBody(policy.maxBodyBytes() + 1);
            CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), body);
            Duration limit = deadline == null ? timeout
                    : Duration.ofNanos(Math.min(timeout.toNanos(), deadline - System.nanoTime()));
            try {
                HttpResponse<byte[]> response = pending.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
                return handle(url, response);
            } catch (TimeoutException e) {
                pending.cancel(true);
                body.abort();
                return new Attempt(new FetchResult.Failed(url, -1, "timed out: no complete response within the deadline of "
                        + limit.toMillis() + " ms: cut off after " + body.received() + " body bytes", true), null);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof HttpTimeoutException) {
                    return new Attempt(new FetchResult.Failed(url, -1, "timed out: " + cause.getMessage(), true),
                            null);
                }
                return new Attempt(new FetchResult.Failed(url, -1, "cannot connect: " + cause, true), null);
            } catch (InterruptedException e) {
                pending.cancel(true);
                body.abort();
                Thread.currentThread().interrupt();
                return new Attempt(new FetchResult.Failed(url, -1, "interrupted", false), null);
            } finally {
                lastRequest.put(host, clock.instant());
            }
        }
    }

    private FetchResult.Failed linkDeadlinePassed(URI url) {
        return new FetchResult.Failed(url, -1, "timed out: no page within the per-link deadline of "
                + policy.linkDeadline().toSeconds() + " s", true);
    }

    /** {@code url} with its host replaced by the literal {@code address}. */
    private static URI atAddress(URI url, InetAddress address) {
        String literal = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        String port = url.getPort() == -1 ? "" : ":" + url.getPort();
        return URI.create(url.getScheme() + "://" + literal + port + pathAndQuery(url));
    }

    private Attempt handle(URI url, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 304) {
            return new Attempt(new FetchResult.NotModified(url), null);
        }
        if (status >= 300 && status < 400) {
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                return new Attempt(null, null);
            }
            try {
                return new Attempt(null, url.resolve(location.get()));
            } catch (IllegalArgumentException e) {
                return new Attempt(new FetchResult.Failed(url, status, "malformed redirect Location '"
                        + location.get() + "': " + e.getMessage(), false), null);
            }
        }
        if (status == 429 || status >= 500) {
            return new Attempt(new FetchResult.Failed(url, status, "HTTP " + status, true), null);
        }
        if (status >= 400 || status < 200) {
            return new Attempt(new FetchResult.Failed(url, status, "HTTP " + status, false), null);
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
        byte[] bytes;
        try {
            bytes = decode(response.body(), encoding);
        } catch (IOException e) {
            return new Attempt(new FetchResult.Failed(url, status, "corrupt " + encoding + " body: " + e.getMessage(),
                    false), null);
        }
        if (bytes.length > policy.maxBodyBytes()) {
            return new Attempt(new FetchResult.Failed(url, status, "body larger than " + policy.maxBodyBytes()
                    + " bytes: cut off", false), null);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String charset = null;
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            charset = m.find() ? m.group(1) : null;
        }
        Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
        return new Attempt(new FetchResult.Fetched(url, status, bytes, contentType, charset, validators), null);
    }

    /** Inflates a gzip or deflate body, reading at most one byte more than the size limit. */
    private byte[] decode(byte[] raw, String encoding) throws IOException {
        if (!encoding.contains("gzip") && !encoding.contains("deflate")) {
            return raw;
        }
        try (InputStream in = encoding.contains("gzip") ? new GZIPInputStream(new ByteArrayInputStream(raw))
                : new InflaterInputStream(new ByteArrayInputStream(raw))) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, policy.maxBodyBytes() + 1));
        }
    }

    /**
     * Collects a 2xx body up to {@code limit} bytes, then stops reading (the caller sees a body at the limit and
     * refuses it); other statuses' bodies are discarded. {@link #abort()} stops the read at a deadline.
     */
    private static final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {
        private final long limit;
        private final AtomicLong received = new AtomicLong();
        private volatile Flow.@Nullable Subscription subscription;
        private volatile boolean aborted;

        BoundedBody(long limit) {
            this.limit = limit;
        }

        long received() {
            return received.get();
        }

        void abort() {
            aborted = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            if (info.statusCode() < 200 || info.statusCode() >= 300) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            ByteArrayOutputStream collected = new ByteArrayOutputStream();
            CompletableFuture<byte[]> result = new CompletableFuture<>();
            return new HttpResponse.BodySubscriber<>() {
                @Override
                public CompletionStage<byte[]> getBody() {
                    return result;
                }

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    if (aborted) {
                        s.cancel();
                    } else {
                        s.request(Long.MAX_VALUE);
                    }
                }

                @Override
                public void onNext(List<ByteBuffer> buffers) {
                    for (ByteBuffer buffer : buffers) {
                        int take = (int) Math.min(buffer.remaining(), limit - collected.size());
                        byte[] chunk = new byte[take];
                        buffer.get(chunk);
                        collected.write(chunk, 0, take);
                        received.addAndGet(take);
                    }
                    if (collected.size() >= limit || aborted) {
                        Objects.requireNonNull(subscription).cancel();
                        result.complete(collected.toByteArray());
                    }
                }

                @Override
                public void onError(Throwable error) {
                    result.completeExceptionally(error);
                }

                @Override
                public void onComplete() {
                    result.complete(collected.toByteArray());
                }
            };
        }
    }

    private boolean politeWait(String host) {
        Instant last = lastRequest.get(host);
        if (last == null) {
            return true;
        }
        Duration since = Duration.between(last, clock.instant());
        Duration wait = policy.perHostDelay().minus(since);
        return wait.isNegative() || wait.isZero() || sleep(wait);
    }

    private boolean sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
