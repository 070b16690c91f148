package io.wirewatch.alerts.web;

import io.javalin.http.Context;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Server-Sent Events stream of {@code /api/alerts/stream} and its end. The stream runs on its own thread inside
 * the servlet's async cycle; Javalin resumes its request pipeline (error and after handlers, request log, async
 * completion) on whatever thread completes the future handed to {@code ctx.future}, and reads the request and
 * response while doing so. When Jetty has ended the exchange first (the client went away, the server is stopping),
 * it has recycled both: every read throws, and Javalin's exception mapping, which reads them too, throws again and is
 * queued again, for ever (millions of "Response does not exist (likely recycled)" warnings and one spinning thread
 * per stream). So exactly one side ends the exchange: the stream, by completing the future while the exchange is
 * live, or Jetty, after which the stream stops at its next wake-up and the future is never completed (it is
 * collected with the request). Any write failure ends the stream.
 */
final class EventStream implements AsyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    /** How long Jetty's error callback waits for Javalin to finish a pipeline the stream already resumed. */
    private static final long RESUMING_WAIT_MS = 5_000;

    private final AtomicBoolean settled = new AtomicBoolean();
    private final CountDownLatch resumed = new CountDownLatch(1);
    private final CompletableFuture<Void> handed = new CompletableFuture<>();
    private final String client;
    private volatile boolean exchangeEnded;

    private EventStream(String client) {
        this.client = client;
    }

    /** What writes the events; returns when the feed closes, the thread is interrupted or a write fails. */
    @FunctionalInterface
    interface Body {
        void run(EventStream stream) throws IOException, InterruptedException;
    }

    /**
     * Starts {@code body} on {@code threads} within the async cycle Javalin has started for {@code ctx}; call it
     * from the {@code ctx.future} supplier. {@code onEnd} runs once the body returns, however it ends.
     */
    static CompletableFuture<Void> start(Context ctx, Executor threads, Body body, Runnable onEnd) {
        EventStream stream = new EventStream(ctx.ip());
        try {
            ctx.req().getAsyncContext().addListener(stream);
            threads.execute(() -> run(stream, body, onEnd));
        } catch (RuntimeException e) {
            // not started (the server is stopping): nothing will end it, so end it here
            onEnd.run();
            throw e;
        }
        return stream.handed;
    }

    private static void run(EventStream stream, Body body, Runnable onEnd) {
        try {
            body.run(stream);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("Event stream to {} ended: {}", stream.client, e.toString());
        } catch (RuntimeException e) {
            // a write to an exchange Jetty has recycled can fail with anything: the stream is over either way
            if (stream.live()) {
                LOG.warn("Event stream to {} failed", stream.client, e);
            } else {
                LOG.debug("Event stream to {} ended: {}", stream.client, e.toString());
            }
        } finally {
            try {
                onEnd.run();
            } finally {
                stream.resume();
            }
        }
    }

    /** False once Jetty has ended the exchange: the body stops at its next wake-up. */
    boolean live() {
        return !exchangeEnded;
    }

    /** Writes and flushes {@code text}; an exchange Jetty has ended is a closed stream. */
    void write(OutputStream out, String text) throws IOException {
        if (exchangeEnded) {
            throw new IOException("the exchange with " + client + " was ended by the server");
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Hands the exchange back to Javalin, unless Jetty ended it first. */
    private void resume() {
        if (settled.compareAndSet(false, true)) {
            try {
                handed.complete(null);
            } finally {
                resumed.countDown();
            }
        }
    }

    /** Jetty ends the exchange: if the stream has not resumed Javalin's pipeline it never will. */
    private void endedByServer(AsyncEvent event, boolean waitForPipeline) {
        exchangeEnded = true;
        if (settled.compareAndSet(false, true)) {
            LOG.debug("Event stream to {} ended by the server: {}", client, String.valueOf(event.getThrowable()));
            return;
        }
        if (waitForPipeline) {
            // the stream is resuming Javalin's pipeline on its thread right now: let it finish before Jetty recycles
            try {
                if (!resumed.await(RESUMING_WAIT_MS, TimeUnit.MILLISECONDS)) {
                    LOG.warn("Event stream to {}: Javalin's pipeline still running {} ms after the exchange ended",
                            client, RESUMING_WAIT_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void onError(AsyncEvent event) {
        endedByServer(event, true);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        endedByServer(event, true);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // may run on the stream's own thread, inside the pipeline it resumed: never wait here
        endedByServer(event, false);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the cycle is Javalin's, started once
    }
}
