package io.wirewatch.alerts.web;

import io.wirewatch.schema.DyadWindow;
import java.time.Instant;
import java.util.List;

/**
 * The closed dyad windows the alerts service keeps (from {@code news.dyads.escalation}, live and replayed alike), for
 * the dashboard's timelines.
 */
public interface DyadTimelines {

    /** Keeps nothing: every timeline answers that none is kept here. */
    DyadTimelines NONE = (source, target, size, from, to) -> {
        throw new IllegalStateException("this dashboard keeps no dyad windows");
    };

    /**
     * The windows of {@code source->target} of {@code size} (HOUR or DAY) that start in {@code [from, to]}, oldest
     * first.
     *
     * @throws IllegalStateException when the windows cannot be read now (e.g. Kafka Streams is rebalancing)
     */
    List<DyadWindow> windows(String source, String target, String size, Instant from, Instant to);
}
