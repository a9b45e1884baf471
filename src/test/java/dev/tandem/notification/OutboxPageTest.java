package dev.tandem.notification;

import dev.tandem.core.Language;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff read their workspace's emails at /admin/outbox; only owners and admins, and never another workspace's. */
class OutboxPageTest extends IntegrationTest {

    @Autowired
    Emails emails;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StaffAccounts accounts;

    @Test
    void anOwnerReadsTheWorkspacesEmailsAndEachOneAsThePartnerGetsIt() {
        Fixtures.Tenant alpha = fixtures.tenant("Alpha Outbox");
        EmailId id = emails.send(alpha.ids().workspaceId(), "ana@alpha.test", Language.PT, "magic-link",
                EmailsTest.magicLink("Ana", "Alpha Partners"));
        WebClient owner = signedIn(alpha.ownerEmail());

        WebClient.Page list = owner.get("/admin/outbox");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("No SMTP server is configured (TANDEM_SMTP_HOST)")
                .contains("ana@alpha.test")
                .contains("Seu link de acesso a Alpha Partners")
                .contains("Português")
                .contains("Held")
                .contains("href=\"/admin/outbox/" + id + "\"")
                .contains("href=\"/admin/outbox\"");

        WebClient.Page detail = owner.get("/admin/outbox/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body())
                .contains("<h1>Seu link de acesso a Alpha Partners</h1>")
                .contains("<iframe sandbox=\"\"")
                // the HTML body travels escaped inside the srcdoc attribute, never as markup of the page
                .contains("srcdoc=\"&lt;!DOCTYPE html&gt;")
                .contains("Use este link para entrar em Alpha Partners.")
                .contains(EmailsTest.LINK)
                .contains("<pre");
    }

    @Test
    void anotherWorkspacesOwnerNeitherListsNorOpensTheEmail() {
        Fixtures.Tenant alpha = fixtures.tenant("Alpha Private");
        Fixtures.Tenant bravo = fixtures.tenant("Bravo Private");
        EmailId id = emails.send(alpha.ids().workspaceId(), "bob@alpha.test", Language.EN, "magic-link",
                EmailsTest.magicLink("Bob", "Alpha Secret Program"));
        WebClient owner = signedIn(bravo.ownerEmail());

        WebClient.Page list = owner.get("/admin/outbox");
        WebClient.Page detail = owner.get("/admin/outbox/" + id);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("bob@alpha.test").doesNotContain("Alpha").doesNotContain(id.toString());
        assertThat(detail.status()).isEqualTo(404);
        assertThat(detail.body()).doesNotContain("bob@alpha.test").doesNotContain("Alpha Secret Program");
    }

    @Test
    void aManagerIsNotAllowedIntoTheOutbox() {
        Fixtures.Tenant alpha = fixtures.tenant("Alpha Manager");
        EmailId id = emails.send(alpha.ids().workspaceId(), "cai@alpha.test", Language.EN, "magic-link",
                EmailsTest.magicLink("Cai", "Alpha"));
        String manager = "manager-" + id.value().toString().substring(0, 8) + "@alpha-manager.test";
        accounts.add(accounts.loadUserByUsername(alpha.ownerEmail()), "Mia Manager", manager, Role.MANAGER,
                Fixtures.PASSWORD);
        WebClient mia = signedIn(manager);

        assertThat(mia.get("/admin/outbox").status()).isEqualTo(403);
        assertThat(mia.get("/admin/outbox/" + id).status()).isEqualTo(403);
        assertThat(mia.get("/admin").body()).doesNotContain("href=\"/admin/outbox\"");
    }

    @Test
    void theOutboxShowsFiftyEmailsAPageNewestFirst() {
        Fixtures.Tenant alpha = fixtures.tenant("Alpha Paging");
        for (int i = 1; i <= 51; i++) {
            emails.send(alpha.ids().workspaceId(), "p" + i + "@alpha.test", Language.EN, "magic-link",
                    EmailsTest.magicLink("P" + i, "Alpha"));
        }
        WebClient owner = signedIn(alpha.ownerEmail());

        WebClient.Page first = owner.get("/admin/outbox");
        assertThat(first.body()).contains("p51@alpha.test").contains("p2@alpha.test").doesNotContain("p1@alpha.test")
                .contains("Showing 1–50 of 51", ">Next<");
        assertThat(first.body().indexOf("p51@alpha.test")).isLessThan(first.body().indexOf("p50@alpha.test"));
        String older = first.body().replaceAll("(?s).*rel=\"next\" href=\"(/admin/outbox\\?[^\"]*page=2)\".*", "$1")
                .replace("&amp;", "&");

        WebClient.Page second = owner.get(older);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("p1@alpha.test").doesNotContain("p2@alpha.test")
                .contains("Showing 51–51 of 51", ">Previous<").doesNotContain(">Next<");
    }

    private WebClient signedIn(String email) {
        WebClient browser = browser();
        assertThat(browser.login(email, Fixtures.PASSWORD).location()).endsWith("/admin");
        return browser;
    }
}
