package io.wirewatch.enrich.dyad;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wirewatch.schema.AvroJson;
import io.wirewatch.schema.DyadWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries of the dyad window stores over HTTP, so a dashboard can draw a dyad's timeline.
 * {@code GET /dyads/timeline?source=RUS&target=USA&window=DAY&from=...&to=...} answers a JSON array of windows.
 * When the application runs as several instances, each store partition lives on one of them: this server asks
 * Kafka Streams which instance holds the dyad and forwards the request there ({@code application.server} must
 * name this server's host:port).
 */
public final class DyadQueryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DyadQueryServer.class);
    private static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    private final KafkaStreams streams;
    private final HttpServer server;
    private final HostInfo self;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DyadQueryServer(KafkaStreams streams, HttpServer server, HostInfo self) {
        this.streams = streams;
        this.server = server;
        this.self = self;
    }

    /** Starts serving on {@code host:port} (port 0 picks one); {@link #hostInfo()} tells which. */
    public static DyadQueryServer start(KafkaStreams streams, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            DyadQueryServer queries = new DyadQueryServer(streams, server,
                    new HostInfo(host, server.getAddress().getPort()));
            server.createContext("/dyads/timeline", queries::timeline);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "dyad-queries");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            LOG.info("Dyad queries served at http://{}:{}/dyads/timeline", host, queries.self.port());
            return queries;
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve dyad queries on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** Binds a port before Kafka Streams starts, so {@code application.server} can name it. */
    public static int reservePort(String host) {
        try (var socket = new java.net.ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + host, e);
        }
    }

    public HostInfo hostInfo() {
        return self;
    }

    private void timeline(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = parse(exchange.getRequestURI());
            String source = required(query, "source").toUpperCase(Locale.ROOT);
            String target = required(query, "target").toUpperCase(Locale.ROOT);
            String window = query.getOrDefault("window", "DAY").toUpperCase(Locale.ROOT);
            String store = switch (window) {
                case "DAY" -> DyadTopology.DAILY_STORE;
                case "HOUR" -> DyadTopology.HOURLY_STORE;
                default -> throw new IllegalArgumentException("window must be DAY or HOUR, was " + window);
            };
            Instant to = query.containsKey("to") ? Instant.parse(query.get("to")) : Instant.now();
            Instant from = query.containsKey("from") ? Instant.parse(query.get("from")) : to.minus(DEFAULT_SPAN);
            String key = DyadWindows.key(source, target);
            KeyQueryMetadata owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
            HostInfo active = owner == null ? null : owner.activeHost();
            if (active != null && !active.equals(self) && active.port() > 0 && !query.containsKey("local")) {
                forward(exchange, active);
                return;
            }
            ArrayNode windows = JsonNodeFactory.instance.arrayNode();
            ReadOnlyWindowStore<String, DyadWindow> windowStore = streams.store(
                    StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, DyadWindow>windowStore()));
            try (WindowStoreIterator<DyadWindow> found = windowStore.fetch(key, from, to)) {
                while (found.hasNext()) {
                    var entry = found.next();
                    Instant start = Instant.ofEpochMilli(entry.key);
                    Instant end = start.plus("DAY".equals(window) ? Duration.ofDays(1) : Duration.ofHours(1));
                    windows.add(AvroJson.toTree(DyadWindows.bounded(entry.value, window, start, end)));
                }
            }
            respond(exchange, 200, AvroJson.write(windows));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            respond(exchange, 400, error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("Dyad query {} failed: {}", exchange.getRequestURI(), e.toString());
            respond(exchange, 503, error("store not queryable now (" + e.getMessage() + "); retry shortly"));
        }
    }

    private void forward(HttpExchange exchange, HostInfo owner) throws IOException {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + exchange.getRequestURI().getPath()
                + "?" + exchange.getRequestURI().getRawQuery() + "&local=true");
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            respond(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, error("interrupted while asking " + owner));
        } catch (IOException e) {
            respond(exchange, 502, error("instance " + owner.host() + ":" + owner.port() + " holding the dyad did not"
                    + " answer: " + e.getMessage()));
        }
    }

    private static String error(String message) {
        return AvroJson.write(JsonNodeFactory.instance.objectNode().put("error", message));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing query parameter '" + name + "'");
        }
        return value;
    }

    private static Map<String, String> parse(URI uri) {
        Map<String, String> query = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
