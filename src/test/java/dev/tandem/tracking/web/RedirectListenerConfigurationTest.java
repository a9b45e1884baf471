package dev.tandem.tracking.web;

import dev.tandem.tracking.internal.ClickRecorder;
import dev.tandem.tracking.internal.LinkCache;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The listener is opt-in: with the shipped application.yml only the servlet filter answers /r/. */
class RedirectListenerConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer()) // the real application.yml
            .withUserConfiguration(RedirectConfiguration.class)
            .withBean(LinkCache.class, () -> mock(LinkCache.class))
            .withBean(ClickRecorder.class, () -> mock(ClickRecorder.class))
            .withBean("messageSource", StaticMessageSource.class)
            .withBean(TomcatServerProperties.class);

    @Test
    void offByDefault() {
        context.run(app -> {
            assertThat(app).hasBean("redirectFilter");
            assertThat(app).doesNotHaveBean(RedirectListener.class);
        });
        // an empty TANDEM_REDIRECT_PORT (a compose file's "TANDEM_REDIRECT_PORT=") is no port either
        context.withPropertyValues("tandem.redirect.port=").run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app).doesNotHaveBean(RedirectListener.class);
        });
    }

    @Test
    void onWhenAPortIsSetAndItSaysWhichPortItGot() {
        context.withPropertyValues("tandem.redirect.port=0").run(app -> {
            assertThat(app).hasBean("redirectFilter");
            RedirectListener listener = app.getBean(RedirectListener.class);
            assertThat(listener.isRunning()).isTrue();
            assertThat(listener.port()).isPositive();
        });
    }

    @Test
    void itStopsAcceptingBeforeTheClickWriterFlushes() {
        // SmartLifecycle stops higher phases first: every click the listener answered is queued before the writer's last flush
        context.withPropertyValues("tandem.redirect.port=0").run(app -> assertThat(app.getBean(RedirectListener.class)
                .getPhase()).isGreaterThan(new dev.tandem.tracking.internal.ClickWriter(null, null, null, 1,
                java.time.Duration.ZERO).getPhase()));
    }
}
