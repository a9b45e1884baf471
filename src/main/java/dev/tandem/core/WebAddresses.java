package dev.tandem.core;

import java.net.URI;
import java.util.Optional;

/** The one rule for an address people are sent to: absolute http or https, with a host, at most 2,000 characters. */
public final class WebAddresses {

    private WebAddresses() {
    }

    public static Optional<URI> parse(String address) {
        if (address == null || address.isBlank() || address.trim().length() > 2000) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(address.trim());
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public static boolean valid(String address) {
        return parse(address).isPresent();
    }
}
