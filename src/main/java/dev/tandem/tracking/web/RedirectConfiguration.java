package dev.tandem.tracking.web;

import dev.tandem.tracking.internal.ClickRecorder;
import dev.tandem.tracking.internal.LinkCache;
import dev.tandem.web.ListenerRoute;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The redirect on the application's port, as the first filter of {@code /r/*}: before Spring
 * Session (Integer.MIN_VALUE + 50), Spring Security (-100) and the HTTP observation filter, so a
 * redirect creates no session, runs no security chain and records no per-request observation. And,
 * when {@code tandem.redirect.port} is set, the same redirect on a Netty listener of its own, which
 * skips Tomcat's per-request work (31 against 76 µs of CPU per redirect on a quiet machine). Measured with
 * bench/redirect.sh against a bare Netty server answering the same redirects. The listener also answers
 * the {@link ListenerRoute}s of other modules (referral's POST /api/v1/events), on
 * {@code tandem.redirect.workers} threads.
 */
@Configuration(proxyBeanMethods = false)
class RedirectConfiguration {

    /**
     * Threads running the listener's routes (POST /api/v1/events) unless tandem.redirect.workers says. More than
     * Tomcat's 32: an event waiting for its group parks its thread without holding a database connection, and the
     * intake stores all the events waiting at once in one group, so more threads make larger groups. In
     * bench/events.sh, 32 connections on 32 threads made groups of about 9 events, 64 connections on 96 threads
     * groups of about 20: CPU per event 1.36 against 1.06 ms (PostgreSQL's 0.75 against 0.64 ms).
     */
    static final int DEFAULT_WORKERS = 128;

    @Bean
    Redirect redirect(LinkCache links, ClickRecorder clicks, MessageSource messages,
            @Value("${server.servlet.context-path:}") String contextPath) {
        return new Redirect(links, clicks, new RedirectPages(messages, contextPath));
    }

    @Bean
    FilterRegistrationBean<RedirectFilter> redirectFilter(Redirect redirect) {
        var registration = new FilterRegistrationBean<>(new RedirectFilter(redirect));
        registration.addUrlPatterns("/r/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("tandemRedirect");
        return registration;
    }

    @Bean
    @ConditionalOnExpression("'${tandem.redirect.port:}' != ''") // set and not empty (TANDEM_REDIRECT_PORT=)
    RedirectListener redirectListener(Redirect redirect, @Value("${tandem.redirect.port}") int port,
            TomcatServerProperties tomcat, @Value("${server.forward-headers-strategy:none}") String forwardHeaders,
            ObjectProvider<ListenerRoute> routes, @Value("${tandem.redirect.workers:0}") int workers) {
        TomcatServerProperties.Remoteip remoteIp = tomcat.getRemoteip();
        return new RedirectListener(port, redirect, new TrustedProxies("native".equalsIgnoreCase(forwardHeaders),
                remoteIp.getInternalProxies(), remoteIp.getTrustedProxies(),
                orDefault(remoteIp.getRemoteIpHeader(), "X-Forwarded-For"),
                orDefault(remoteIp.getProtocolHeader(), "X-Forwarded-Proto"), remoteIp.getProtocolHeaderHttpsValue()),
                routes.orderedStream().toList(), workers > 0 ? workers : DEFAULT_WORKERS);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
