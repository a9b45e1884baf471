package dev.tandem.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tandem.core.Language;
import dev.tandem.notification.internal.EmailDelivery;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.workspace.WorkspaceId;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With SMTP configured: emails reach a real SMTP server (GreenMail, in-process) after the commit, or
 * wait to retry. The only test class with SMTP on: a second such context would sweep this one's rows.
 */
class SmtpDeliveryTest extends IntegrationTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    Emails emails;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EmailDelivery delivery;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("tandem.smtp.host", () -> "127.0.0.1");
        registry.add("tandem.smtp.port", () -> SMTP_PORT);
        registry.add("tandem.smtp.starttls", () -> "false");
        registry.add("tandem.smtp.from", () -> "Acme Partners <partners@acme.test>");
    }

    @Test
    void aCommittedEmailReachesTheServerAsTextWithAnHtmlAlternativeAndARolledBackOneNever() throws Exception {
        WorkspaceId acme = fixtures.tenant("Acme Smtp").ids().workspaceId();
        transactions.executeWithoutResult(status -> {
            emails.send(acme, "gil@acme.test", Language.EN, "magic-link", EmailsTest.magicLink("Gil", "Acme"));
            status.setRollbackOnly();
        });

        EmailId id = transactions.execute(status -> emails.send(acme, "ana@acme.test", Language.ES, "magic-link",
                EmailsTest.magicLink("Ana", "Acme Partners")));

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).as("an email arrived within 10 s").isTrue();
        Email sent = await(() -> emails.get(acme, id), email -> email.status() == EmailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.lastError()).isNull();
        assertThat(sent.nextAttemptAt()).isNull();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("only the committed email, once").hasSize(1);
        assertThat(jdbc.sql("select count(*) from email_outbox where to_address = 'gil@acme.test'").query(Integer.class)
                .single()).as("the rolled-back email was never written, so it can never be sent").isZero();
        MimeMessage message = received[0];
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("ana@acme.test");
        assertThat(message.getFrom()).extracting(Object::toString)
                .containsExactly("Acme Partners <partners@acme.test>");
        assertThat(message.getSubject()).isEqualTo("Tu enlace de acceso a Acme Partners");
        assertThat(message.getHeader("Content-Language")).containsExactly("es");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) text.getContent()).startsWith("Hola, Ana:").contains(EmailsTest.LINK);
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat((String) html.getContent()).contains("Hola, Ana:").contains("href=\"" + EmailsTest.LINK + "\"");
    }

    @Test
    void aSignInLinkLeavesTheStoredCopyOnceTheEmailIsSent() throws Exception {
        WorkspaceId acme = fixtures.tenant("Acme Secret").ids().workspaceId();
        var model = new java.util.HashMap<>(EmailsTest.magicLink("Eva", "Acme"));
        model.put("link", new Emails.Secret(EmailsTest.LINK));
        EmailId id = transactions.execute(status -> emails.send(acme, "eva@acme.test", Language.EN, "magic-link", model));

        Email sent = await(() -> emails.get(acme, id), email -> email.status() == EmailStatus.SENT);
        MimeMessage delivered = null;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals("eva@acme.test")) {
                delivered = message;
            }
        }
        assertThat(delivered).as("delivered to eva").isNotNull();
        assertThat(((MimeMultipart) delivered.getContent()).getBodyPart(0).getContent().toString())
                .as("the partner gets the link").contains(EmailsTest.LINK);
        assertThat(sent.bodyText()).as("the stored copy does not keep it").doesNotContain(EmailsTest.LINK)
                .contains("sign-in link removed");
        assertThat(sent.bodyHtml()).doesNotContain(EmailsTest.LINK);
        assertThat(jdbc.sql("select count(*) from email_outbox where id = ? and (body_html like ? or body_text like ?"
                        + " or redacted_html is not null or redacted_text is not null)")
                .params(id.value(), "%" + EmailsTest.LINK + "%", "%" + EmailsTest.LINK + "%")
                .query(Integer.class).single()).as("no column of the row keeps the link").isZero();
    }

    @Test
    void whenTheServerIsDownTheEmailStaysQueuedForARetryAMinuteLater() {
        WorkspaceId acme = fixtures.tenant("Acme Down").ids().workspaceId();
        smtp.stop();

        Instant before = Instant.now();
        EmailId id = emails.send(acme, "hal@acme.test", Language.EN, "magic-link", EmailsTest.magicLink("Hal", "Acme"));

        Email queued = await(() -> emails.get(acme, id), email -> email.attempts() == 1);
        assertThat(queued.status()).isEqualTo(EmailStatus.QUEUED);
        assertThat(queued.lastError()).isNotBlank();
        assertThat(queued.sentAt()).isNull();
        assertThat(queued.nextAttemptAt()).isBetween(before.plus(Duration.ofSeconds(55)),
                Instant.now().plus(Duration.ofSeconds(65)));
    }

    @Test
    void anEmailIsNotRetriedBeforeItsTimeAndGivesUpAfterTheTenthAttempt() {
        WorkspaceId acme = fixtures.tenant("Acme Retries").ids().workspaceId();
        smtp.stop();
        EmailId id = emails.send(acme, "ivo@acme.test", Language.EN, "magic-link", EmailsTest.magicLink("Ivo", "Acme"));
        await(() -> emails.get(acme, id), email -> email.attempts() == 1);

        delivery.sweep();
        assertThat(emails.get(acme, id).attempts()).as("not due for another minute").isEqualTo(1);

        jdbc.sql("update email_outbox set attempts = 9, next_attempt_at = now() - interval '1 second'"
                + " where workspace_id = ? and id = ?").params(acme.value(), id.value()).update();
        delivery.sweep();

        Email failed = emails.get(acme, id);
        assertThat(failed.status()).isEqualTo(EmailStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(Emails.MAX_ATTEMPTS);
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.lastError()).isNotBlank();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T value = read.get();
        while (!condition.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = read.get();
        }
        assertThat(condition).as("condition met within 10 s, last seen %s", value).accepts(value);
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
