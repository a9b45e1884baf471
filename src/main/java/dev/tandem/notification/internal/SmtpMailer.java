package dev.tandem.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

import dev.tandem.notification.Email;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands one email to the SMTP server as text with an HTML alternative. The mail sender is built
 * here rather than by Boot's {@code spring.mail} auto-configuration, so that Tandem's own settings
 * apply and no mail health check puts the whole node out of service when the mail server is down.
 */
@Component
class SmtpMailer {

    private static final String TIMEOUT_MILLIS = "30000";

    private final JavaMailSenderImpl sender;
    private final InternetAddress from;
    private final Clock clock;

    SmtpMailer(SmtpProperties smtp, Clock clock) {
        this.clock = clock;
        this.sender = smtp.configured() ? sender(smtp) : null;
        this.from = smtp.configured() ? from(smtp.from()) : null;
    }

    boolean configured() {
        return sender != null;
    }

    /** @throws MailException when the server cannot be reached or refuses the message */
    void send(Email email) {
        MimeMessage message = sender.createMimeMessage();
        try {
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to(), true));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Content-Language", email.language().tag());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.bodyText(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.bodyHtml(), StandardCharsets.UTF_8.name(), "html");
            // the last alternative is the preferred one: HTML where it can be shown, the text otherwise
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }

    private static JavaMailSenderImpl sender(SmtpProperties smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host().trim());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = new Properties();
        if (smtp.authenticated()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
            properties.put("mail.smtp.auth", "true");
        }
        // required, not just enabled: with STARTTLS on, a server that cannot do it must not get the mail in clear text
        properties.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
        // a hung server must not hold a sender (and its database lock) forever
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        sender.setJavaMailProperties(properties);
        return sender;
    }

    private static InternetAddress from(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("TANDEM_SMTP_FROM is not an email address: " + from, e);
        }
    }
}
