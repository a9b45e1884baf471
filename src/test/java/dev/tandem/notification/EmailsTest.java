package dev.tandem.notification;

import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without SMTP (the embedded default): emails are rendered in the partner's language and held in the outbox. */
class EmailsTest extends IntegrationTest {

    static final String LINK = "https://acme.test/portal/sign-in?token=abc123";

    @Autowired
    Emails emails;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aMagicLinkInSpanishIsWrittenOnceInSpanishWithTheLink() {
        WorkspaceId acme = fixtures.tenant("Acme Spanish").ids().workspaceId();

        EmailId id = emails.send(acme, "ana@acme.test", Language.ES, "magic-link", magicLink("Ana", "Acme Partners"));

        assertThat(rowsTo(acme, "ana@acme.test")).isEqualTo(1);
        Email email = emails.latestTo(acme, "ANA@acme.test").orElseThrow();
        assertThat(email.id()).isEqualTo(id);
        assertThat(email.language()).isEqualTo(Language.ES);
        assertThat(email.template()).isEqualTo("magic-link");
        assertThat(email.subject()).isEqualTo("Tu enlace de acceso a Acme Partners");
        assertThat(email.bodyHtml())
                .contains("<html lang=\"es\"")
                .contains("<title>Tu enlace de acceso a Acme Partners</title>")
                .contains("Hola, Ana:")
                .contains("Usa este enlace para acceder a Acme Partners.")
                .contains("href=\"https://acme.test/portal/sign-in?token=abc123\"")
                .contains("caduca en 15 minutos")
                .contains("Recibes este correo porque eres partner de Acme Partners");
        assertThat(email.bodyText())
                .startsWith("Hola, Ana:")
                .contains("\n" + LINK + "\n")
                .contains("El enlace solo sirve una vez y caduca en 15 minutos.")
                .contains("Recibes este correo porque eres partner de Acme Partners")
                .doesNotContain("<").doesNotContain("&amp;");
    }

    @Test
    void anEmailSentInATransactionThatRollsBackNeverExists() {
        WorkspaceId acme = fixtures.tenant("Acme Rollback").ids().workspaceId();

        transactions.executeWithoutResult(status -> {
            emails.send(acme, "bea@acme.test", Language.EN, "magic-link", magicLink("Bea", "Acme"));
            assertThat(rowsTo(acme, "bea@acme.test")).as("visible inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(rowsTo(acme, "bea@acme.test")).isZero();
        assertThat(emails.latestTo(acme, "bea@acme.test")).isEmpty();
    }

    @Test
    void withoutSmtpAnEmailIsHeldAndNeverAttempted() {
        WorkspaceId acme = fixtures.tenant("Acme Held").ids().workspaceId();

        emails.send(acme, "cai@acme.test", Language.IT, "magic-link", magicLink("Cai", "Acme"));

        Email email = emails.latestTo(acme, "cai@acme.test").orElseThrow();
        assertThat(emails.smtpConfigured()).isFalse();
        assertThat(email.status()).isEqualTo(EmailStatus.HELD);
        assertThat(email.attempts()).isZero();
        assertThat(email.nextAttemptAt()).isNull();
        assertThat(email.sentAt()).isNull();
        assertThat(email.subject()).isEqualTo("Il tuo link di accesso a Acme");
    }

    @Test
    void theBrandIsTheWorkspacesNameWhenTheCallerGivesNone() {
        WorkspaceId acme = fixtures.tenant("Acme Brand").ids().workspaceId();

        emails.send(acme, "dag@acme.test", Language.NB, "magic-link",
                Map.of("partnerName", "Dag", "link", LINK, "minutes", 15));

        Email email = emails.latestTo(acme, "dag@acme.test").orElseThrow();
        assertThat(email.subject()).isEqualTo("Innloggingslenken din for Acme Brand");
        assertThat(email.bodyText()).contains("Du får denne e-posten fordi du er partner hos Acme Brand");
    }

    @Test
    void valuesFromPartnersAreEscapedInTheHtmlAndKeptAsWrittenInTheText() {
        WorkspaceId acme = fixtures.tenant("Acme Escape").ids().workspaceId();

        emails.send(acme, "eve@acme.test", Language.EN, "magic-link",
                magicLink("<b>Eve</b> & Co", "Acme \"Partners\""));

        Email email = emails.latestTo(acme, "eve@acme.test").orElseThrow();
        assertThat(email.bodyHtml()).contains("Hi &lt;b&gt;Eve&lt;/b&gt; &amp; Co,").doesNotContain("<b>Eve");
        assertThat(email.bodyText()).startsWith("Hi <b>Eve</b> & Co,");
        assertThat(email.subject()).isEqualTo("Your sign-in link for Acme \"Partners\"");
    }

    @Test
    void aSubjectCannotBeSplitIntoTwoHeaderLines() {
        WorkspaceId acme = fixtures.tenant("Acme Header").ids().workspaceId();

        emails.send(acme, "fay@acme.test", Language.EN, "magic-link", magicLink("Fay", "Acme\r\nBcc: all@evil.test"));

        assertThat(emails.latestTo(acme, "fay@acme.test").orElseThrow().subject())
                .isEqualTo("Your sign-in link for Acme Bcc: all@evil.test");
    }

    @Test
    void anAddressThatIsNotOneEmailAddressIsRefusedNamingTheField() {
        WorkspaceId acme = fixtures.tenant("Acme Address").ids().workspaceId();

        for (String bad : new String[] {"", "not-an-address", "Ana <ana@acme.test>", "a@acme.test, b@acme.test"}) {
            assertThatThrownBy(() -> emails.send(acme, bad, Language.EN, "magic-link", magicLink("Ana", "Acme")))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems().get(0).field()).isEqualTo("to"));
        }
        assertThat(jdbc.sql("select count(*) from email_outbox where workspace_id = ?").param(acme.value())
                .query(Long.class).single()).isZero();
    }

    static Map<String, Object> magicLink(String partnerName, String brand) {
        return Map.of("partnerName", partnerName, "link", LINK, "minutes", 15, Emails.BRAND, brand);
    }

    private long rowsTo(WorkspaceId workspace, String to) {
        return jdbc.sql("select count(*) from email_outbox where workspace_id = ? and to_address = ?")
                .params(workspace.value(), to).query(Long.class).single();
    }
}
