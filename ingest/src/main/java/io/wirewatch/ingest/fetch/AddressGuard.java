package io.wirewatch.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a URL may be fetched: http(s) only, and no address in loopback, private, link-local
 * (cloud metadata), carrier-grade NAT, unique-local, multicast or unspecified ranges, unless the policy trusts
 * the host. Every address the name resolves to is checked. (The client resolves the name again when it
 * connects, so a DNS answer that changes in between is not caught here.)
 */
final class AddressGuard {

    private final FetchPolicy policy;

    AddressGuard(FetchPolicy policy) {
        this.policy = policy;
    }

    /** Why {@code url} must not be fetched, or empty when it may be. */
    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("refused: scheme '" + scheme + "' is not http or https");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("refused: no host in " + url);
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (policy.allowPrivateAddresses() || policy.trustedHosts().contains(lower)
                || policy.trustedHosts().contains(lower + ":" + port)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + bare);
        }
        for (InetAddress address : addresses) {
            String kind = forbiddenKind(address);
            if (kind != null) {
                return Optional.of("refused: " + bare + " resolves to " + address.getHostAddress() + ", a " + kind
                        + " address (allow it with trusted hosts or allowPrivateAddresses)");
            }
        }
        return Optional.empty();
    }

    static @Nullable String forbiddenKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "carrier-grade NAT";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking";
            }
            if (first >= 240) {
                return "reserved";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
        }
        return null;
    }
}
