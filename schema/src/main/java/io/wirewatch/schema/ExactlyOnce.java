package io.wirewatch.schema;

import java.util.Map;

/** The processing guarantee every wirewatch Kafka Streams service runs with, and the refusal to run with less. */
public final class ExactlyOnce {

    /** Kafka Streams' {@code processing.guarantee} setting (StreamsConfig lives outside this module). */
    public static final String GUARANTEE = "processing.guarantee";
    public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";

    private ExactlyOnce() {
    }

    /**
     * Refuses client properties that set any other guarantee: a story is enriched once and an alert raised once,
     * whatever fails, and a {@code -K processing.guarantee=at_least_once} must not quietly undo that.
     *
     * @throws IllegalArgumentException naming the property and the service
     */
    public static void refuseWeaker(Map<String, Object> clientProperties, String service) {
        Object guarantee = clientProperties.get(GUARANTEE);
        if (guarantee != null && !EXACTLY_ONCE_V2.equals(String.valueOf(guarantee).strip())) {
            throw new IllegalArgumentException("refusing " + GUARANTEE + "=" + guarantee + ": " + service + " runs "
                    + EXACTLY_ONCE_V2 + " (each record processed once, whatever fails); drop that client property");
        }
    }
}
