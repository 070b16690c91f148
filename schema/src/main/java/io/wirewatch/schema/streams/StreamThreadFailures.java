package io.wirewatch.schema.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when a stream thread dies of an error no handler took (records that throw go to the dead letters
 * and never get here): replace the thread, since most such errors pass (a broker away too long); but when threads
 * keep dying — {@link #MAX_FAILURES} within {@link #WINDOW} — the same record or fault is killing them, and
 * replacing them again would be a silent crash loop: shut the client down, so the service ends with the error
 * and its supervisor sees it.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);
    public static final int MAX_FAILURES = 3;
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private final String service;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    /** @param service names the service in the log, e.g. "Enrichment" */
    public StreamThreadFailures(String service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable error) {
        Instant now = clock.instant();
        recent.addLast(now);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
            recent.removeFirst();
        }
        if (recent.size() >= MAX_FAILURES) {
            LOG.error("{} stream threads failed {} times within {}; stopping the service instead of replacing"
                    + " the thread again", service, recent.size(), WINDOW, error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("{} stream thread failed ({} of at most {} within {}); replacing it", service, recent.size(),
                MAX_FAILURES - 1, WINDOW, error);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
