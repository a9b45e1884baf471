package dev.tandem.tracking.web;

import dev.tandem.tracking.internal.ClickRecorder;
import dev.tandem.tracking.internal.LinkCache;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

/**
 * Registers the redirect as the first filter of {@code /r/*}: before Spring Session
 * (Integer.MIN_VALUE + 50), Spring Security (-100) and the HTTP observation filter, so a redirect
 * creates no session, runs no security chain and records no per-request observation. Measured
 * with bench/redirect.sh against a bare Netty server answering the same redirects.
 */
@Configuration(proxyBeanMethods = false)
class RedirectConfiguration {

    @Bean
    FilterRegistrationBean<RedirectFilter> redirectFilter(LinkCache links, ClickRecorder clicks,
            ITemplateEngine templates, LocaleResolver locales) {
        var registration = new FilterRegistrationBean<>(new RedirectFilter(links, clicks,
                new RedirectPages(templates, locales)));
        registration.addUrlPatterns("/r/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("tandemRedirect");
        return registration;
    }
}
