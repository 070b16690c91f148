package io.wirewatch.alerts.web;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts open event streams, in all and per client address, against their caps. Thread-safe. */
final class StreamSlots {

    private final DashboardServer.StreamLimits limits;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();

    StreamSlots(DashboardServer.StreamLimits limits) {
        this.limits = limits;
    }

    /** Takes a slot for {@code client}, or says why none is free; a slot taken must be {@link #release}d. */
    Optional<String> take(String client) {
        if (open.incrementAndGet() > limits.total()) {
            open.decrementAndGet();
            return Optional.of("the dashboard already serves " + limits.total() + " event streams, its limit");
        }
        boolean[] full = {false};
        perClient.compute(client, (c, n) -> {
            int count = n == null ? 0 : n;
            if (count >= limits.perClient()) {
                full[0] = true;
                return count;
            }
            return count + 1;
        });
        if (full[0]) {
            open.decrementAndGet();
            return Optional.of("client " + client + " already holds " + limits.perClient()
                    + " event streams, the limit for one client");
        }
        return Optional.empty();
    }

    void release(String client) {
        perClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
    }
}
