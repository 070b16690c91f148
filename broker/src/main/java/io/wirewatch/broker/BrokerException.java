package io.wirewatch.broker;

/** The embedded broker could not start, create a topic or stop; the message says where. */
public final class BrokerException extends RuntimeException {
    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
