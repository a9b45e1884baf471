package dev.tandem.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server emails leave through, from TANDEM_SMTP_HOST, _PORT, _USERNAME, _PASSWORD, _FROM
 * and _STARTTLS. Without a host nothing is sent and emails are held in the outbox.
 */
@ConfigurationProperties("tandem.smtp")
record SmtpProperties(String host, @DefaultValue("587") int port, String username, String password,
        @DefaultValue("Tandem <no-reply@localhost>") String from, @DefaultValue("true") boolean starttls) {

    boolean configured() {
        return host != null && !host.isBlank();
    }

    boolean authenticated() {
        return username != null && !username.isBlank();
    }
}
