package io.wirewatch.alerts.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback stand-in for the enrich service's dyad query server: answers {@code GET /dyads/timeline} with the
 * status and body set, and records the queries it was asked.
 */
public final class FakeDyadQueries implements AutoCloseable {

    /** Two daily windows of RUS->WST around the seed, as the enrich service answers them (fields it sends). */
    public static final String TWO_DAYS = """
            [{"source":"RUS","target":"WST","window":"DAY","windowStart":"2022-01-25T00:00:00Z",
              "windowEnd":"2022-01-26T00:00:00Z","categories":{"CONSULT":1},"signals":1,"stories":1,
              "intensitySum":1.0,"intensityMean":1.0,"conflictShare":0.0,"strongest":null},
             {"source":"RUS","target":"WST","window":"DAY","windowStart":"2022-01-26T00:00:00Z",
              "windowEnd":"2022-01-27T00:00:00Z","categories":{"THREATEN":2},"signals":2,"stories":1,
              "intensitySum":-8.8,"intensityMean":-4.4,"conflictShare":1.0,"strongest":{"category":"THREATEN",
              "cameoCode":null,"intensity":-4.4,"modality":"CONDITIONAL","source":"RUS","target":"WST",
              "speaker":"Sergei Lavrov","evidence":"<img src=x onerror=\\"window.__pwned='chart'\\">retaliatory measures",
              "sentence":"s","start":0,"end":1,"rule":"test"}}]""";

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>(TWO_DAYS);
    private final List<URI> asked = new CopyOnWriteArrayList<>();

    private FakeDyadQueries(HttpServer server) {
        this.server = server;
    }

    public static FakeDyadQueries start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeDyadQueries fake = new FakeDyadQueries(server);
            server.createContext("/dyads/timeline", exchange -> {
                fake.asked.add(exchange.getRequestURI());
                byte[] bytes = fake.body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(fake.status.get(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake dyad query server", e);
        }
    }

    /** The base URI, as {@code EnrichService.queryUri()} gives it. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void answer(int status, String body) {
        this.status.set(status);
        this.body.set(body);
    }

    public List<URI> asked() {
        return List.copyOf(asked);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
