package io.wirewatch.app;

/** What {@code wirewatch broker} prints once it serves requests, for whoever starts it as a process. */
public final class BrokerReady {

    /** Followed by host:port. */
    public static final String LINE = "broker ready at ";

    private BrokerReady() {
    }
}
