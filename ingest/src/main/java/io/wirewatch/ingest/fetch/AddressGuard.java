package io.wirewatch.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a URL may be fetched: http(s) only, and no address in loopback, private, link-local
 * (cloud metadata), carrier-grade NAT, unique-local, multicast or unspecified ranges, unless the policy trusts
 * the host. The name is resolved once, every address it resolves to is checked, and the verdict names the
 * address to connect to, so that a DNS answer that changes after the check cannot redirect the connection.
 */
final class AddressGuard {

    /** Resolves a host name; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** May the URL be fetched, and at which address. */
    sealed interface Verdict {
        /** Fetch it by connecting to {@code address}, the one that was checked. */
        record Allowed(InetAddress address) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    private final FetchPolicy policy;
    private final Resolver resolver;

    AddressGuard(FetchPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    AddressGuard(FetchPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** Whether {@code url} may be fetched and, when it may, the checked address to connect to. */
    Verdict admit(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Verdict.Refused("refused: scheme '" + scheme + "' is not http or https");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return new Verdict.Refused("refused: no host in " + url);
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        String lower = bare.toLowerCase(Locale.ROOT);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return new Verdict.Refused("unknown host " + bare);
        }
        if (addresses.length == 0) {
            return new Verdict.Refused("unknown host " + bare + ": no addresses");
        }
        if (policy.allowPrivateAddresses() || policy.trustedHosts().contains(lower)
                || policy.trustedHosts().contains(lower + ":" + port)) {
            return new Verdict.Allowed(addresses[0]);
        }
        for (InetAddress address : addresses) {
            String kind = forbiddenKind(address);
            if (kind != null) {
                return new Verdict.Refused("refused: " + bare + " resolves to " + address.getHostAddress() + ", a "
                        + kind + " address (fetch it anyway with --trust-host " + lower + ")");
            }
        }
        return new Verdict.Allowed(addresses[0]);
    }

    /**
     * The kind of range that makes {@code address} forbidden, or null. An IPv6 address that carries an IPv4
     * address (IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo
     * {@code 2001::/32}) is judged by the IPv4 address it carries, since that is where its packets end up.
     */
    static @Nullable String forbiddenKind(InetAddress address) {
        if (address instanceof Inet6Address) {
            for (Inet4Address embedded : embeddedIpv4(address.getAddress())) {
                String kind = forbiddenKind(embedded);
                if (kind != null) {
                    return kind + " (" + embedded.getHostAddress() + " inside " + address.getHostAddress() + ")";
                }
            }
        }
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

    /** The IPv4 addresses an IPv6 address carries, by the transition mechanisms that route to them. */
    private static List<Inet4Address> embeddedIpv4(byte[] b) {
        List<Inet4Address> embedded = new ArrayList<>();
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        for (int i = 0; mapped && i < 10; i++) {
            mapped = b[i] == 0;
        }
        // ::1 and :: are loopback and unspecified in their own right, not 0.0.0.1 and 0.0.0.0
        if (zeroPrefix && b[12] != 0 || nat64 || mapped) {
            embedded.add(ipv4(b[12], b[13], b[14], b[15]));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            embedded.add(ipv4(b[2], b[3], b[4], b[5]));
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            embedded.add(ipv4(b[4], b[5], b[6], b[7]));
            embedded.add(ipv4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]));
        }
        return embedded;
    }

    private static Inet4Address ipv4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }
}
