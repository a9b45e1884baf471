package dev.tandem.partner.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The partner portal's door, {@code /portal/**}: partners sign in by emailed link or password
 * ({@code /portal/login/**} is open), everything else needs a signed-in partner. Its own security
 * context in the session keeps a partner sign-in and a staff sign-in in the same browser apart.
 * CSRF protection and the strict Content-Security-Policy are those of the staff pages.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(5)
    SecurityFilterChain portal(HttpSecurity http, PortalSessions sessions) throws Exception {
        http.securityMatcher("/portal/**")
                .securityContext(context -> context.securityContextRepository(sessions.repository()))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/portal/login", "/portal/login/**").permitAll()
                        .anyRequest().hasAuthority(PortalSessions.ROLE))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
                .logout(logout -> logout.logoutUrl("/portal/logout")
                        .addLogoutHandler(sessions::signOut)
                        .invalidateHttpSession(false)
                        .logoutSuccessUrl("/portal/login?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }
}
