package dev.tandem.tracking.web;

import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.catalina.util.NetMaskSet;

/**
 * What Tomcat's RemoteIpValve does for the application's port ({@code server.forward-headers-strategy:
 * native}), done for the redirect listener: X-Forwarded-For and X-Forwarded-Proto are believed only
 * when the connection comes from an internal (by default private-network or loopback) or trusted
 * proxy, with the same {@code server.tomcat.remoteip.*} settings, so a visitor cannot fake the
 * address their click is hashed with nor the https that makes the click cookie Secure.
 */
final class TrustedProxies {

    /** The visitor as the redirect sees them. */
    record Client(String address, boolean secure) {
    }

    private final boolean enabled;
    private final Matcher internal;
    private final Matcher trusted;
    private final String remoteIpHeader;
    private final String protocolHeader;
    private final String httpsValue;

    /**
     * @param enabled         false: every header is ignored (no native forward-headers strategy)
     * @param internalProxies CIDR list or regular expression, as server.tomcat.remoteip.internal-proxies
     * @param trustedProxies  likewise, or null
     */
    TrustedProxies(boolean enabled, String internalProxies, String trustedProxies, String remoteIpHeader,
            String protocolHeader, String httpsValue) {
        this.enabled = enabled;
        this.internal = Matcher.of(internalProxies);
        this.trusted = Matcher.of(trustedProxies);
        this.remoteIpHeader = remoteIpHeader;
        this.protocolHeader = protocolHeader;
        this.httpsValue = httpsValue;
    }

    /**
     * Whether a connection's headers are to be believed at all: asked once per connection, not per request.
     *
     * @param peer the address the connection comes from
     */
    boolean trusts(String peer) {
        return enabled && (internal.matches(peer) || trusted.matches(peer));
    }

    /**
     * @param peer    the address the connection comes from
     * @param trusted what {@link #trusts} said of it
     * @param headers all values of a request header, by name
     */
    Client resolve(String peer, boolean trusted, Function<String, List<String>> headers) {
        if (!trusted) {
            return new Client(peer, false);
        }
        String address = peer;
        List<String> forwarded = headers.apply(remoteIpHeader);
        if (!forwarded.isEmpty()) {
            // right to left, as RemoteIpValve: the first address that is no proxy of ours is the visitor
            String[] hops = String.join(",", forwarded).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                if (hop.isEmpty()) {
                    continue;
                }
                address = hop;
                if (!internal.matches(hop) && !this.trusted.matches(hop)) {
                    break;
                }
            }
        }
        List<String> protocol = headers.apply(protocolHeader);
        return new Client(address, !protocol.isEmpty() && secure(protocol.get(0)));
    }

    // as RemoteIpValve: "https", or a list of values that are all "https"
    private boolean secure(String value) {
        for (String part : value.split(",")) {
            if (!httpsValue.equalsIgnoreCase(part.trim())) {
                return false;
            }
        }
        return true;
    }

    /** A proxy list as RemoteIpValve reads it: CIDR blocks when it parses as such, else a regular expression. */
    private interface Matcher {
        boolean matches(String address);

        static Matcher of(String setting) {
            if (setting == null || setting.isBlank()) {
                return address -> false;
            }
            NetMaskSet cidr = new NetMaskSet();
            if (cidr.addAll(setting).isEmpty()) {
                return address -> isAddressLiteral(address) && contains(cidr, address);
            }
            Pattern pattern = Pattern.compile(setting);
            return address -> pattern.matcher(address).matches();
        }

        private static boolean contains(NetMaskSet cidr, String address) {
            try {
                return cidr.contains(address);
            } catch (UnknownHostException e) {
                return false;
            }
        }

        // an IPv4 or IPv6 literal, never a name: InetAddress would look a name up in the DNS, on the event loop
        private static boolean isAddressLiteral(String address) {
            if (address.indexOf(':') >= 0) {
                return true; // parsed as IPv6 or refused, never looked up
            }
            String[] parts = address.split("\\.", -1);
            if (parts.length != 4) {
                return false;
            }
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return false;
                }
            }
            return true;
        }
    }
}
