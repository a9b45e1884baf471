package dev.tandem.web;

import java.util.Locale;

import dev.tandem.core.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Messages in five languages, the language choice, validation messages that use both, and JSON-only API changes. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        // one bundle for shared texts, plus one per module so that modules never edit the same file
        messages.setBasenames("messages", "i18n/program", "i18n/partner", "i18n/portal", "i18n/notification",
                "i18n/tracking", "i18n/redirect", "i18n/referral", "i18n/intake", "i18n/deal", "i18n/integration",
                "i18n/commission", "i18n/payout", "i18n/payoutdocs", "i18n/insight");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LanguageResolver();
    }

    @Bean
    LocalValidatorFactoryBean validator(MessageSource messageSource) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.setValidationMessageSource(messageSource);
        return validator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Language.fromTag(request.getParameter("lang"))
                        .ifPresent(language -> new LanguageResolver().setLocale(request, response, language.locale()));
                return true;
            }
        });
        registry.addInterceptor(new ApiChangesAnswerJson()).addPathPatterns("/api/v1/**");
    }
}
