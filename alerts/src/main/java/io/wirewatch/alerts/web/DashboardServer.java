package io.wirewatch.alerts.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.wirewatch.alerts.rules.RuleSet;
import io.wirewatch.schema.AvroJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service's HTTP face (Javalin on Jetty): the dashboard page (an alert's deep link {@code /alerts/{id}}
 * opens it there), {@code GET /api/alerts} and {@code /api/alerts/{id}}, downloads of alerts and stories
 * ({@code /api/alerts/export}, {@code /api/stories/export}, CSV or JSON lines), actor suggestions
 * ({@code /api/actors}),
 * {@code GET /api/alerts/stream} (Server-Sent Events, resumable by {@code Last-Event-ID}), {@code GET /health}
 * and {@code GET /metrics}. Every response carries a Content-Security-Policy; an optional bearer token guards
 * everything but {@code /health}, and is required to serve beyond loopback. A request whose Host header names
 * another server is refused (421). Event streams are capped in all and per client, and run on their own threads.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final String RESOURCES = "/io/wirewatch/alerts/web/";
    private static final Duration PING_EVERY = Duration.ofSeconds(15);
    /** Threads for requests; event streams do not hold them (they run on their own threads). */
    private static final int MAX_THREADS = 64;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{16,}");
    static final String TOKEN_COOKIE = "wirewatch_token";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /**
     * What the server serves and reports.
     *
     * @param streamsState the Kafka Streams state, for /health
     * @param streamsUp    whether Streams is running
     * @param rules        the rules in force, for /health
     * @param rulesError   why the last change to the rules file was refused, or null
     * @param metrics      served at /metrics
     * @param bearerToken  when set, every path but /health needs it: as {@code Authorization: Bearer <token>}, or
     *                     as the cookie a browser gets by opening {@code /?token=<token>} once
     * @param dyads        the closed dyad windows kept, for {@code /api/dyads/timeline}
     * @param stories      the enriched stories kept, for {@code /api/stories}
     * @param clock        the present, for timelines without an end
     * @param streamLimits how many event streams may be open, in all and per client address
     * @param insecureNoToken serve beyond loopback without a bearer token (refused otherwise)
     * @param webhooks     each webhook dispatcher's state (url, state, counts, last error), for /health
     * @param actors       the actor names filters accept besides codes, and /api/actors suggests
     */
    public record Config(String host, int port, AlertFeed feed, Supplier<String> streamsState,
                         BooleanSupplier streamsUp, Supplier<RuleSet> rules, Supplier<@Nullable String> rulesError,
                         AlertMetrics metrics, @Nullable String bearerToken, DyadTimelines dyads,
                         StoryLookup stories, Clock clock, StreamLimits streamLimits, boolean insecureNoToken,
                         Supplier<List<Map<String, Object>>> webhooks, ActorDirectory actors) {

        /** With the default stream limits, and a token required beyond loopback. */
        public Config(String host, int port, AlertFeed feed, Supplier<String> streamsState,
                      BooleanSupplier streamsUp, Supplier<RuleSet> rules, Supplier<@Nullable String> rulesError,
                      AlertMetrics metrics, @Nullable String bearerToken, DyadTimelines dyads,
                      StoryLookup stories, Clock clock) {
            this(host, port, feed, streamsState, streamsUp, rules, rulesError, metrics, bearerToken, dyads,
                    stories, clock, StreamLimits.DEFAULT, false, List::of, ActorDirectory.CODES_ONLY);
        }

        /** Without dyad timelines or stories. */
        public Config(String host, int port, AlertFeed feed, Supplier<String> streamsState, BooleanSupplier streamsUp,
                      Supplier<RuleSet> rules, Supplier<@Nullable String> rulesError, AlertMetrics metrics,
                      @Nullable String bearerToken) {
            this(host, port, feed, streamsState, streamsUp, rules, rulesError, metrics, bearerToken, DyadTimelines.NONE,
                    StoryLookup.NONE, Clock.systemUTC());
        }

        public Config withStreamLimits(StreamLimits limits) {
            return new Config(host, port, feed, streamsState, streamsUp, rules, rulesError, metrics, bearerToken,
                    dyads, stories, clock, limits, insecureNoToken, webhooks, actors);
        }

        /** This config serving beyond loopback without a token when {@code insecure} (--insecure-no-token). */
        public Config withInsecureNoToken(boolean insecure) {
            return new Config(host, port, feed, streamsState, streamsUp, rules, rulesError, metrics, bearerToken,
                    dyads, stories, clock, streamLimits, insecure, webhooks, actors);
        }

        /** This config reporting the webhook dispatchers' states in /health. */
        public Config withWebhooks(Supplier<List<Map<String, Object>>> states) {
            return new Config(host, port, feed, streamsState, streamsUp, rules, rulesError, metrics, bearerToken,
                    dyads, stories, clock, streamLimits, insecureNoToken, states, actors);
        }

        /** This config reading actor names ("Russia", "Lavrov") in filters with {@code directory}. */
        public Config withActors(ActorDirectory directory) {
            return new Config(host, port, feed, streamsState, streamsUp, rules, rulesError, metrics, bearerToken,
                    dyads, stories, clock, streamLimits, insecureNoToken, webhooks, directory);
        }

        public Config {
            Objects.requireNonNull(actors, "actors");
            Objects.requireNonNull(streamLimits, "streamLimits");
            Objects.requireNonNull(webhooks, "webhooks");
            Objects.requireNonNull(dyads, "dyads");
            Objects.requireNonNull(stories, "stories");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(metrics, "metrics");
            if (bearerToken != null && !TOKEN.matcher(bearerToken).matches()) {
                throw new IllegalArgumentException("the bearer token must be at least 16 characters of A-Z a-z 0-9 "
                        + "and . _ ~ + / = -");
            }
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(rulesError, "rulesError");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(streamsState, "streamsState");
            Objects.requireNonNull(streamsUp, "streamsUp");
        }
    }

    /**
     * How many Server-Sent Events streams may be open at once, in all and from one client address; one more is
     * answered 503. Streams run on their own threads, never on the HTTP pool, so /health and the API answer
     * however many are open.
     */
    public record StreamLimits(int total, int perClient) {
        public static final StreamLimits DEFAULT = new StreamLimits(512, 128);

        public StreamLimits {
            if (total < 1 || perClient < 1) {
                throw new IllegalArgumentException("stream limits must be >= 1, were " + total + " and " + perClient);
            }
        }
    }

    private final Javalin app;
    private final URI uri;
    private final ExecutorService streamThreads;

    private DashboardServer(Javalin app, URI uri, ExecutorService streamThreads) {
        this.app = app;
        this.uri = uri;
        this.streamThreads = streamThreads;
    }

    /** Starts serving; returns when the port is bound. */
    public static DashboardServer start(Config config) {
        byte[] page = resource("dashboard.html");
        byte[] script = resource("dashboard.js");
        byte[] style = resource("dashboard.css");
        AlertFeed feed = config.feed();
        if (config.bearerToken() == null && !config.insecureNoToken() && !isLoopback(config.host())) {
            throw new IllegalArgumentException("refusing to serve the dashboard on " + config.host()
                    + ", beyond loopback, without a bearer token: give --token (or WIREWATCH_TOKEN), or"
                    + " --insecure-no-token to serve it to anyone who can reach " + config.host());
        }
        @Nullable Set<String> hostNames = hostNames(config.host());
        StreamSlots slots = new StreamSlots(config.streamLimits());
        AtomicInteger streamThreadCount = new AtomicInteger();
        ExecutorService streamThreads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "alerts-sse-" + streamThreadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8);
            threads.setName("alerts-http");
            javalin.jetty.threadPool = threads;
            javalin.routes.before(ctx -> {
                checkHost(ctx, hostNames);
                ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                if (config.bearerToken() != null) {
                    guard(ctx, config.bearerToken());
                }
            });
            javalin.routes.exception(AccessDenied.class, (e, ctx) -> ctx.status(401)
                    .header("WWW-Authenticate", "Bearer realm=\"wirewatch\"").contentType("application/json")
                    .result(AvroJson.write(JsonNodeFactory.instance.objectNode().put("error", e.getMessage()))));
            javalin.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(config.metrics().scrape()));
            javalin.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
            javalin.routes.get("/dashboard.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(script));
            javalin.routes.get("/dashboard.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(style));
            AlertEndpoints alertEndpoints = new AlertEndpoints(feed, config.actors());
            javalin.routes.get("/api/alerts", alertEndpoints::list);
            javalin.routes.get("/api/alerts/export", alertEndpoints::export);
            javalin.routes.get("/api/actors", alertEndpoints::suggestActors);
            javalin.routes.get("/api/actors/resolve", alertEndpoints::resolveActor);
            javalin.routes.get("/alerts/{id}", ctx -> ctx.redirect("/"
                    + (ctx.queryString() == null ? "" : "?" + ctx.queryString().replaceAll("[\\r\\n#]", ""))
                    + "#alert-" + URLEncoder.encode(AlertEndpoints.alertId(ctx.pathParam("id")), StandardCharsets.UTF_8)));
            javalin.routes.exception(MisdirectedRequest.class, (e, ctx) -> ctx.status(421)
                    .contentType("application/json")
                    .result(AvroJson.write(JsonNodeFactory.instance.objectNode().put("error", e.getMessage()))));
            javalin.routes.get("/api/alerts/stream", ctx -> {
                AlertFilter filter = AlertEndpoints.filter(ctx, config.actors());
                long cursor = resumeCursor(ctx, feed);
                String client = ctx.ip();
                Optional<String> refusal = slots.take(client);
                if (refusal.isPresent()) {
                    LOG.warn("Refusing an event stream to {}: {}", client, refusal.get());
                    ctx.status(503).header("Retry-After", "10").contentType("application/json")
                            .result(AvroJson.write(JsonNodeFactory.instance.objectNode().put("error", refusal.get())));
                    return;
                }
                try {
                    ctx.future(() -> EventStream.start(ctx, streamThreads,
                            stream -> stream(ctx, stream, feed, config.metrics(), filter, cursor),
                            () -> slots.release(client)));
                } catch (RuntimeException e) {
                    slots.release(client);
                    throw e;
                }
            });
            javalin.routes.get("/health", ctx -> health(ctx, config));
            DyadTimelineEndpoint timelines = new DyadTimelineEndpoint(config.dyads(), config.clock());
            javalin.routes.get("/api/dyads/timeline", ctx -> {
                DyadTimelineEndpoint.Answer answer = timelines.timeline(ctx.queryParam("source"),
                        ctx.queryParam("target"), ctx.queryParam("window"), ctx.queryParam("from"),
                        ctx.queryParam("to"));
                ctx.status(answer.status()).contentType("application/json").result(answer.json());
            });
            javalin.routes.get("/api/alerts/{id}", alertEndpoints::one);
            StoryEndpoints stories = new StoryEndpoints(config.stories(), config.actors());
            javalin.routes.get("/api/stories", stories::search);
            javalin.routes.get("/api/stories/export", stories::export);
            javalin.routes.get("/api/stories/{id}", stories::byId);
            // Javalin maps an exception by reading the request and response. On an exchange Jetty has already ended
            // and recycled, that read throws too, and Javalin queues the mapping of the new exception, for ever (issue
            // 13: the event-stream exception storm). EventStream keeps streams off recycled exchanges; this makes
            // sure no other path can start the loop.
            javalin.routes.exception(Exception.class, DashboardServer::unhandled);
            javalin.routes.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400)
                    .contentType("application/json").result(AvroJson.write(JsonNodeFactory.instance.objectNode()
                            .put("error", e.getMessage()))));
        });
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            streamThreads.shutdownNow();
            throw e;
        }
        URI uri = URI.create("http://" + hostForUri(config.host()) + ":" + app.port() + "/");
        LOG.info("Dashboard at {}", uri);
        return new DashboardServer(app, uri, streamThreads);
    }

    public URI uri() {
        return uri;
    }

    public int port() {
        return app.port();
    }

    /**
     * Server-Sent Events: each alert as {@code id: <offset>}, {@code event: alert}, {@code data: <json>}. A client
     * resumes after {@code Last-Event-ID} (header, or {@code lastEventId} query parameter for a first connection);
     * without one it gets the alerts raised from now on. When it resumes from before the oldest alert the feed still
     * holds, an {@code event: gap} comes first. Holds one thread per client while open.
     */
    private static void stream(Context ctx, EventStream stream, AlertFeed feed, AlertMetrics metrics,
                               AlertFilter filter, long start) throws IOException, InterruptedException {
        long cursor = start;
        var response = ctx.res();
        OutputStream out = response.getOutputStream();
        response.setStatus(200);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        metrics.streamOpened();
        try {
            stream.write(out, "retry: 2000\n: connected\n\n");
            long dropped = feed.lastDropped();
            if (cursor < dropped) {
                // the client resumes from before the oldest alert kept: tell it to reload the list over REST
                stream.write(out, "event: gap\ndata: {\"after\":" + cursor + ",\"missedUpTo\":" + dropped + "}\n\n");
            }
            while (!feed.isClosed() && stream.live()) {
                List<AlertFeed.Entry> entries = feed.awaitAfter(cursor, PING_EVERY);
                StringBuilder events = new StringBuilder();
                for (AlertFeed.Entry entry : entries) {
                    cursor = entry.offset();
                    if (filter.test(entry.alert())) {
                        events.append("id: ").append(entry.offset()).append("\nevent: alert\ndata: ")
                                .append(entry.json()).append("\n\n");
                    }
                }
                stream.write(out, events.length() == 0 ? ": ping\n\n" : events.toString());
            }
        } finally {
            metrics.streamClosed();
        }
    }

    /** An exception no other handler maps: a 500 naming the path, or nothing at all on an exchange that has ended. */
    private static void unhandled(Exception e, Context ctx) {
        try {
            ctx.res().getStatus();
            ctx.req().getMethod();
        } catch (RuntimeException recycled) {
            LOG.debug("Dropping {} raised after its exchange ended: {}", e.toString(), recycled.toString());
            return;
        }
        LOG.warn("Unhandled error serving {} {}", ctx.method(), ctx.path(), e);
        ctx.status(500).contentType("application/json").result(AvroJson.write(JsonNodeFactory.instance.objectNode()
                .put("error", "internal error serving " + ctx.path() + ": " + e.getClass().getSimpleName())));
    }

    /** Where a stream starts: after {@code Last-Event-ID} (header, or query parameter), else after the newest. */
    private static long resumeCursor(Context ctx, AlertFeed feed) {
        String resumeFrom = ctx.header("Last-Event-ID");
        if (resumeFrom == null || resumeFrom.isBlank()) {
            resumeFrom = ctx.queryParam("lastEventId");
        }
        return resumeFrom == null || resumeFrom.isBlank() ? feed.lastOffset() : eventId(resumeFrom);
    }

    /**
     * Refuses a request whose Host header names another server: a page on another site whose name was rebound
     * to this address cannot read the dashboard through the victim's browser. A wildcard bind names no host;
     * there any Host passes (and a token is required, see {@link #start}).
     */
    private static void checkHost(Context ctx, @Nullable Set<String> names) {
        if (names == null) {
            return;
        }
        String header = ctx.header("Host");
        String name = header == null ? "" : hostName(header);
        if (!names.contains(name)) {
            throw new MisdirectedRequest("Host '" + header + "' does not name this server (it answers to "
                    + String.join(", ", new TreeSet<>(names)) + ")");
        }
    }

    /** The host part of a Host header, lower case, an IPv6 literal in brackets. */
    static String hostName(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** The names a request may give in its Host header for a server bound to {@code host}; null for any. */
    static @Nullable Set<String> hostNames(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        if (bare.isEmpty() || bare.equals("0.0.0.0") || bare.equals("::") || bare.equals("0:0:0:0:0:0:0:0")) {
            return null;
        }
        Set<String> names = new HashSet<>();
        names.add(bare.contains(":") ? "[" + bare + "]" : bare);
        if (isLoopback(bare)) {
            names.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        }
        return Set.copyOf(names);
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.isBlank()) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A request whose Host header names another server. */
    static final class MisdirectedRequest extends RuntimeException {
        MisdirectedRequest(String message) {
            super(message);
        }
    }

    /**
     * Lets a request through when it carries the token; {@code GET /?token=} with the right token sets the cookie
     * (HttpOnly, SameSite=Strict, and Secure behind TLS) and redirects to the page, so a browser's page, fetches and EventSource carry it.
     */
    private static void guard(Context ctx, String token) {
        if (ctx.path().equals("/health")) {
            return;
        }
        String fromQuery = ctx.queryParam("token");
        if (fromQuery != null && ctx.path().equals("/") && same(fromQuery, token)) {
            // Secure behind TLS (ours, or a proxy's that says so): the browser then never sends it in clear text.
            boolean tls = "https".equalsIgnoreCase(ctx.scheme())
                    || "https".equalsIgnoreCase(String.valueOf(ctx.header("X-Forwarded-Proto")).strip());
            ctx.header("Set-Cookie", TOKEN_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                    + (tls ? "; Secure" : ""));
            ctx.redirect("/");
            ctx.skipRemainingHandlers();
            return;
        }
        String authorization = ctx.header("Authorization");
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : ctx.cookie(TOKEN_COOKIE);
        if (presented == null || !same(presented, token)) {
            throw new AccessDenied(presented == null ? "a bearer token is required"
                    : "the bearer token is not valid");
        }
    }

    private static boolean same(String presented, String token) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** A request without the right token. */
    static final class AccessDenied extends RuntimeException {
        AccessDenied(String message) {
            super(message);
        }
    }

    /** An alert offset; any negative id means "before the first alert", as -1 does. */
    private static long eventId(String text) {
        try {
            return Math.max(-1, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Last-Event-ID must be an alert offset, was '" + text + "'", e);
        }
    }

    private static void health(Context ctx, Config config) {
        boolean consumerOk = config.feed().healthy();
        boolean up = config.streamsUp().getAsBoolean() && consumerOk;
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("status", up ? "UP" : "DOWN");
        node.put("streams", config.streamsState().get());
        ObjectNode consumer = node.putObject("consumer");
        consumer.put("ok", consumerOk);
        consumer.put("alertsRead", config.feed().total());
        consumer.put("lastOffset", config.feed().lastOffset());
        String error = config.feed().lastError();
        if (error != null) {
            consumer.put("error", error);
        }
        ObjectNode rules = node.putObject("rules");
        RuleSet ruleSet = config.rules().get();
        rules.put("origin", ruleSet.origin());
        ArrayNode ids = rules.putArray("rules");
        ruleSet.rules().forEach(rule -> ids.add(rule.id() + " v" + rule.version()));
        String rulesError = config.rulesError().get();
        if (rulesError != null) {
            rules.put("refused", rulesError);
        }
        ArrayNode hooks = node.putArray("webhooks");
        for (Map<String, Object> hook : config.webhooks().get()) {
            ObjectNode entry = hooks.addObject();
            hook.forEach((key, value) -> entry.put(key, String.valueOf(value)));
        }
        ctx.status(up ? 200 : 503).contentType("application/json").result(AvroJson.write(node));
    }

    private static byte[] resource(String name) {
        try (InputStream in = DashboardServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource " + RESOURCES + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard resource " + RESOURCES + name, e);
        }
    }

    private static String hostForUri(String host) {
        if (host.isBlank() || host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Stops serving; open event streams end once the feed is closed. */
    @Override
    public void close() {
        // streams first, so each ends its exchange while Jetty still holds it (EventStream)
        streamThreads.shutdownNow();
        app.stop();
        LOG.info("Dashboard at {} stopped", uri);
    }
}
