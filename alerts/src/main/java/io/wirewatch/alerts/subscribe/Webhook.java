package io.wirewatch.alerts.subscribe;

import io.wirewatch.alerts.web.AlertFilter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where to POST alerts: the URL, the secret that signs each delivery (HMAC-SHA256), which alerts, and how hard
 * to try.
 *
 * @param secret      signs {@code <timestamp>.<body>} into {@code X-Wirewatch-Signature: sha256=<hex>}; null: unsigned
 * @param maxAttempts attempts per alert before it is given up on (retriable failures only: I/O, 408, 429, 5xx)
 * @param firstDelay  the wait before the second attempt; it doubles after each failure
 */
public record Webhook(URI url, @Nullable String secret, AlertFilter filter, int maxAttempts, Duration firstDelay) {

    public Webhook {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(firstDelay, "firstDelay");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("webhook URL must be http(s)://host/..., was " + url);
        }
        if (secret != null && secret.isBlank()) {
            throw new IllegalArgumentException("webhook " + url + ": the secret is empty; give a non-empty secret"
                    + " (--webhook-secret or WIREWATCH_WEBHOOK_SECRET), or none to send unsigned deliveries");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("webhook " + url + ": maxAttempts must be >= 1, was " + maxAttempts);
        }
    }

    /** Every alert to {@code url}, signed with {@code secret}; 6 attempts, 500 ms doubling. */
    public static Webhook of(URI url, @Nullable String secret) {
        return new Webhook(url, secret, AlertFilter.ALL, 6, Duration.ofMillis(500));
    }

    public Webhook withFilter(AlertFilter filter) {
        return new Webhook(url, secret, filter, maxAttempts, firstDelay);
    }

    public Webhook withRetries(int maxAttempts, Duration firstDelay) {
        return new Webhook(url, secret, filter, maxAttempts, firstDelay);
    }
}
