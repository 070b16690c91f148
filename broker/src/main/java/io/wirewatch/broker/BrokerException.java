package io.wirewatch.broker;

import org.jspecify.annotations.Nullable;

/** The embedded broker could not start, create a topic or stop; the message says where. */
public final class BrokerException extends RuntimeException {
    public BrokerException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
