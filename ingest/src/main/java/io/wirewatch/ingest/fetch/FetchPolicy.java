package io.wirewatch.ingest.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the fetcher behaves. {@code trustedHosts} are host names or literal addresses (optionally {@code :port})
 * that may be fetched even though they are private or loopback (e.g. the bundled demo on 127.0.0.1); with
 * {@code allowPrivateAddresses} every address is allowed. {@code linkDeadline} bounds everything one link of a feed,
 * sitemap or URL list may take (robots.txt, redirects, retries and waits included).
 */
public record FetchPolicy(String userAgent, Duration connectTimeout, Duration requestTimeout, long maxBodyBytes,
                          int maxRedirects, int maxAttempts, Duration backoff, Duration perHostDelay,
                          boolean allowPrivateAddresses, Set<String> trustedHosts, boolean obeyRobots,
                          Duration linkDeadline) {

    public FetchPolicy {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(perHostDelay, "perHostDelay");
        Objects.requireNonNull(linkDeadline, "linkDeadline");
        if (linkDeadline.isNegative() || linkDeadline.isZero()) {
            throw new IllegalArgumentException("linkDeadline must be positive, was " + linkDeadline);
        }
        if (maxBodyBytes < 1 || maxRedirects < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxBodyBytes and maxAttempts must be positive, maxRedirects >= 0");
        }
        trustedHosts = trustedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Safe defaults: 10 MB bodies, 5 redirects, 3 attempts, 1 s between requests to one host, no private
     * addresses, robots.txt obeyed, 45 s for all a page link may take.
     */
    public static FetchPolicy defaults() {
        return new FetchPolicy("wirewatch/0.1 (+https://github.com/wirewatch/wirewatch)", Duration.ofSeconds(10),
                Duration.ofSeconds(30), 10L * 1024 * 1024, 5, 3, Duration.ofMillis(500), Duration.ofSeconds(1),
                false, Set.of(), true, Duration.ofSeconds(45));
    }

    public FetchPolicy withTrustedHosts(Set<String> hosts) {
        return new FetchPolicy(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts,
                backoff, perHostDelay, allowPrivateAddresses, hosts, obeyRobots, linkDeadline);
    }

    public FetchPolicy withMaxBodyBytes(long bytes) {
        return new FetchPolicy(userAgent, connectTimeout, requestTimeout, bytes, maxRedirects, maxAttempts, backoff,
                perHostDelay, allowPrivateAddresses, trustedHosts, obeyRobots, linkDeadline);
    }

    public FetchPolicy withTiming(Duration backoff, Duration perHostDelay) {
        return new FetchPolicy(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts,
                backoff, perHostDelay, allowPrivateAddresses, trustedHosts, obeyRobots, linkDeadline);
    }

    public FetchPolicy withRobots(boolean obey) {
        return new FetchPolicy(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts,
                backoff, perHostDelay, allowPrivateAddresses, trustedHosts, obey, linkDeadline);
    }

    public FetchPolicy withLinkDeadline(Duration deadline) {
        return new FetchPolicy(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, maxAttempts,
                backoff, perHostDelay, allowPrivateAddresses, trustedHosts, obeyRobots, deadline);
    }
}
