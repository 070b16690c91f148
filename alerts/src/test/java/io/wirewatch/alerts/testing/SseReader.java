package io.wirewatch.alerts.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A real Server-Sent Events client for tests: reads an event stream with java.net.http and collects its events. */
public final class SseReader implements AutoCloseable {

    /** One event as received. */
    public record Event(@Nullable String id, @Nullable String event, String data) {
    }

    /** One thread per open stream: reading blocks, and the common pool may have a single thread. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sse-reader");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;
    private volatile @Nullable String contentType;

    private SseReader(HttpClient client, HttpRequest request) {
        this.response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        this.response.thenAcceptAsync(r -> {
            status = r.statusCode();
            contentType = r.headers().firstValue("Content-Type").orElse(null);
            read(r.body());
        }, READERS);
    }

    public static SseReader open(HttpClient client, URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        return new SseReader(client, request.build());
    }

    private void read(Stream<String> lines) {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException e) {
            // the connection closed
        }
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public int status() {
        return status;
    }

    public @Nullable String contentType() {
        return contentType;
    }

    public boolean connected() {
        return status != 0;
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
