package dev.tandem.tracking.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The listener believes forwarded headers exactly where Tomcat's RemoteIpValve does (Spring Boot's default proxies). */
class TrustedProxiesTest {

    private static final String BOOT_DEFAULT = "10.0.0.0/8, 192.168.0.0/16, 169.254.0.0/16, 100.64.0.0/10, fc00::/7, "
            + "172.16.0.0/12, ::1/128, 127.0.0.0/8, fe80::/10";

    private final TrustedProxies proxies = new TrustedProxies(true, BOOT_DEFAULT, null, "X-Forwarded-For",
            "X-Forwarded-Proto", "https");

    private static TrustedProxies.Client resolve(TrustedProxies proxies, String peer,
            java.util.function.Function<String, List<String>> headers) {
        return proxies.resolve(peer, proxies.trusts(peer), headers);
    }

    private static java.util.function.Function<String, List<String>> headers(Map<String, List<String>> values) {
        return name -> values.getOrDefault(name, List.of());
    }

    @Test
    void aPrivateNetworkProxyIsBelievedAndTheFirstOutsideAddressFromTheRightIsTheVisitor() {
        var forwarded = headers(Map.of("X-Forwarded-For", List.of("6.6.6.6, 203.0.113.7", "10.0.0.2"),
                "X-Forwarded-Proto", List.of("https")));

        assertThat(resolve(proxies, "127.0.0.1", forwarded)).isEqualTo(new TrustedProxies.Client("203.0.113.7", true));
        assertThat(resolve(proxies, "0:0:0:0:0:0:0:1", forwarded)).isEqualTo(new TrustedProxies.Client("203.0.113.7", true));
        assertThat(resolve(proxies, "192.168.1.9", headers(Map.of("X-Forwarded-For", List.of("10.1.1.1")))))
                .isEqualTo(new TrustedProxies.Client("10.1.1.1", false));
    }

    @Test
    void anyoneElsesHeadersAreIgnored() {
        var forged = headers(Map.of("X-Forwarded-For", List.of("1.2.3.4"), "X-Forwarded-Proto", List.of("https")));

        assertThat(resolve(proxies, "203.0.113.7", forged)).isEqualTo(new TrustedProxies.Client("203.0.113.7", false));
        assertThat(resolve(new TrustedProxies(false, BOOT_DEFAULT, null, "X-Forwarded-For", "X-Forwarded-Proto", "https"),
                "127.0.0.1", forged)).isEqualTo(new TrustedProxies.Client("127.0.0.1", false));
    }

    @Test
    void httpsMeansEveryHopSaidHttpsAndNamesAreNeverLookedUp() {
        assertThat(resolve(proxies, "127.0.0.1", headers(Map.of("X-Forwarded-Proto", List.of("https, http")))).secure())
                .isFalse();
        assertThat(resolve(proxies, "127.0.0.1", headers(Map.of("X-Forwarded-Proto", List.of("HTTPS")))).secure()).isTrue();
        // a name in the list is taken as the visitor, not resolved to see whether it is a proxy
        assertThat(resolve(proxies, "127.0.0.1", headers(Map.of("X-Forwarded-For", List.of("localhost")))).address())
                .isEqualTo("localhost");
        TrustedProxies byPattern = new TrustedProxies(true, "127\\.0\\.0\\.1", null, "X-Forwarded-For",
                "X-Forwarded-Proto", "https");
        assertThat(resolve(byPattern, "127.0.0.1", headers(Map.of("X-Forwarded-For", List.of("9.9.9.9")))).address())
                .isEqualTo("9.9.9.9");
        assertThat(byPattern.trusts("10.0.0.1")).isFalse();
    }
}
