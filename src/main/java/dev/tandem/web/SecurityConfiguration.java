package dev.tandem.web;

import dev.tandem.workspace.ApiKeys;
import dev.tandem.workspace.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. {@code /api/v1/**}: API keys as Bearer tokens, no session, no CSRF, problem details
 * for 401 and 403. Everything else: staff sign in with a password, get a session cookie, and every
 * form carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, IdempotencyStore idempotency) throws Exception {
        http.securityMatcher("/api/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                // after authorisation: only a caller allowed to POST gets its answer kept or replayed
                .addFilterAfter(new IdempotencyFilter(idempotency), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // the JavaScript snippet's door: a publishable key in the body, checked by its controller
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyAuthority("SCOPE_read", "SCOPE_write")
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasAnyAuthority("SCOPE_read", "SCOPE_write")
                        .anyRequest().hasAuthority("SCOPE_write"))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ProblemResponses.write(response, 401,
                                ProblemResponses.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, 403,
                                ProblemResponses.FORBIDDEN)));
        return http.build();
    }

    /** Last: everything no module's own chain (e.g. the partner portal's) claimed first. */
    @Bean
    @Order(10)
    SecurityFilterChain web(HttpSecurity http, StaffLoginLimiter loginLimiter) throws Exception {
        String owner = Role.OWNER.authority().substring(5);
        String admin = Role.ADMIN.authority().substring(5);
        String manager = Role.MANAGER.authority().substring(5);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/setup", "/login", "/error", "/p/**", "/r/**", "/css/**", "/js/**", "/img/**",
                                "/webjars/**", "/favicon.ico", "/favicon.svg", "/api/docs", "/api/docs/**", "/v3/api-docs/**",
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/admin/team/**", "/admin/api-keys/**", "/admin/audit/**",
                                "/admin/settings/**", "/admin/outbox/**")
                        .hasAnyRole(owner, admin)
                        // viewers look: every change in the console is a POST, and only their own account is theirs
                        .requestMatchers(HttpMethod.POST, "/admin/account/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/admin/**").hasAnyRole(owner, admin, manager)
                        .requestMatchers("/admin/programs/new").hasAnyRole(owner, admin, manager)
                        .anyRequest().authenticated())
                .addFilterBefore(loginLimiter, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /** Not a servlet filter of its own: it runs inside the staff chain only. */
    @Bean
    StaffLoginLimiter staffLoginLimiter(java.time.Clock clock) {
        return new StaffLoginLimiter(clock);
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<StaffLoginLimiter> staffLoginLimiterRegistration(
            StaffLoginLimiter limiter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(limiter);
        registration.setEnabled(false);
        return registration;
    }
}
