package dev.tandem.integration.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The door of inbound webhooks, {@code /webhooks/**}: no sign-in, no session and no CSRF token,
 * because the caller is Stripe's server, not a browser. What keeps strangers out is the
 * unguessable endpoint key in the path and the signature every delivery must carry, both checked
 * by the controller. Its own chain, as the portal has, so the staff chain knows nothing of it.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

    @Bean
    @Order(4)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
