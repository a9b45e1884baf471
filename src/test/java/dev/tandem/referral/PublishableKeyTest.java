package dev.tandem.referral;

import java.util.List;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishable keys of the snippet: what a new key looks like, its origins, revoking, and the admin page that shows the snippet. */
class PublishableKeyTest extends SnippetTestBase {

    @Test
    void aNewKeyIsRandomAndAllowedFromTheProgramsOwnSitesOverHttps() {
        ProgramFixtures.Setup s = fixtures.program("Keys Acme");

        PublishableKey key = publishableKeys.create(s.workspace(), ProgramFixtures.MANAGER, s.program().id());
        PublishableKey another = publishableKeys.create(s.workspace(), ProgramFixtures.MANAGER, s.program().id());

        assertThat(key.key()).matches("tnd_pk_[A-Za-z0-9]{32}").isNotEqualTo(another.key());
        assertThat(key.allowedOrigins()).containsExactly("https://acme.test", "https://shop.acme.test");
        assertThat(key.active()).isTrue();
        assertThat(publishableKeys.findActive(key.key())).contains(key);
        assertThat(jdbc.sql("select count(*) from audit_event where workspace_id = ? and action = 'publishable_key.created'")
                .param(s.workspace().value()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void originsAreNormalisedAndAnythingButAnOriginIsRefusedLeavingThemUnchanged() {
        ProgramFixtures.Setup s = fixtures.program("Origins Acme");
        PublishableKey key = publishableKeys.create(s.workspace(), ProgramFixtures.MANAGER, s.program().id());

        PublishableKey changed = publishableKeys.setAllowedOrigins(s.workspace(), ProgramFixtures.MANAGER, key.id(),
                List.of("https://WWW.Acme.test/", "http://localhost:8081", "https://www.acme.test:443", " "));

        assertThat(changed.allowedOrigins()).containsExactly("https://www.acme.test", "http://localhost:8081");
        assertThat(changed.allows("http://localhost:8081")).isTrue();
        assertThat(changed.allows("http://localhost:8082")).isFalse();
        assertThat(changed.allows("https://acme.test")).isFalse();
        for (String bad : List.of("https://acme.test/contact", "*.acme.test", "ftp://acme.test", "https://*.acme.test",
                "https://user@acme.test")) {
            assertThatThrownBy(() -> publishableKeys.setAllowedOrigins(s.workspace(), ProgramFixtures.MANAGER, key.id(),
                    List.of(bad))).as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThat(publishableKeys.get(s.workspace(), key.id()).allowedOrigins())
                .containsExactly("https://www.acme.test", "http://localhost:8081");
    }

    @Test
    void aRevokedKeyIsFoundNoMore() {
        ProgramFixtures.Setup s = fixtures.program("Revoked Acme");
        PublishableKey key = publishableKeys.create(s.workspace(), ProgramFixtures.MANAGER, s.program().id());
        String origin = "https://revoked-" + key.id().value() + ".test";
        publishableKeys.setAllowedOrigins(s.workspace(), ProgramFixtures.MANAGER, key.id(), List.of(origin));
        assertThat(publishableKeys.anyActiveKeyAllows(origin)).isTrue();

        publishableKeys.revoke(s.workspace(), ProgramFixtures.MANAGER, key.id());
        publishableKeys.revoke(s.workspace(), ProgramFixtures.MANAGER, key.id());

        assertThat(publishableKeys.findActive(key.key())).isEmpty();
        assertThat(publishableKeys.get(s.workspace(), key.id()).active()).isFalse();
        assertThat(publishableKeys.anyActiveKeyAllows(origin)).as("a preflight from its origin").isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where workspace_id = ? and action = 'publishable_key.revoked'")
                .param(s.workspace().value()).query(Long.class).single()).as("revoking twice is one fact").isEqualTo(1);
    }

    @Test
    void aManagerCreatesAKeyCopiesTheSnippetSetsOriginsAndRevokesItOnTheSnippetPage() {
        ProgramFixtures.Setup s = fixtures.program("Page Acme");
        WebClient staff = browser();
        staff.login(s.tenant().ownerEmail(), Fixtures.PASSWORD);
        String path = "/admin/programs/" + s.program().id() + "/snippet";
        assertThat(staff.get("/admin/programs/" + s.program().id()).body()).as("the overview links here")
                .contains("href=\"" + path + "\"");

        WebClient.Page empty = staff.get(path);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("No publishable key yet")
                .contains("/p/" + s.program().slug() + "/REFERRAL-CODE");

        WebClient.Page created = staff.post(path + "/keys", Map.of());
        assertThat(created.location()).isEqualTo(path);
        PublishableKey key = publishableKeys.list(s.workspace(), s.program().id()).get(0);
        WebClient.Page shown = staff.get(path);
        assertThat(shown.body()).contains("Publishable key created.").contains(key.key())
                .contains("&lt;script src=&quot;http://localhost:8080/js/tandem.js&quot; data-key=&quot;" + key.key()
                        + "&quot; async&gt;&lt;/script&gt;")
                .contains("tandem.lead({email:")
                .contains("https://acme.test\nhttps://shop.acme.test");

        WebClient.Page refused = staff.post(path + "/keys/" + key.id() + "/origins", Map.of("origins", "https://acme.test/contact"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("must be origins such as https://www.example.com, without a path")
                .contains("https://acme.test/contact</textarea>");
        assertThat(publishableKeys.get(s.workspace(), key.id()).allowedOrigins()).containsExactly("https://acme.test",
                "https://shop.acme.test");

        staff.get(path);
        assertThat(staff.post(path + "/keys/" + key.id() + "/origins", Map.of("origins", "https://www.acme.test\nhttps://acme.test"))
                .location()).isEqualTo(path);
        assertThat(publishableKeys.get(s.workspace(), key.id()).allowedOrigins())
                .containsExactly("https://www.acme.test", "https://acme.test");

        staff.get(path);
        assertThat(staff.post(path + "/keys/" + key.id() + "/revoke", Map.of()).location()).isEqualTo(path);
        assertThat(publishableKeys.get(s.workspace(), key.id()).active()).isFalse();
        assertThat(staff.get(path).body()).contains("Publishable key revoked.").contains("Revoked keys");
    }

    @Test
    void anotherWorkspacesKeyOrProgramIsNotFound() {
        ProgramFixtures.Setup mine = fixtures.program("Mine Acme");
        ProgramFixtures.Setup theirs = fixtures.program("Theirs Acme");
        PublishableKey theirKey = publishableKeys.create(theirs.workspace(), ProgramFixtures.MANAGER, theirs.program().id());
        WebClient staff = browser();
        staff.login(mine.tenant().ownerEmail(), Fixtures.PASSWORD);

        assertThat(staff.get("/admin/programs/" + theirs.program().id() + "/snippet").status()).isEqualTo(404);
        staff.get("/admin/programs/" + mine.program().id() + "/snippet");
        assertThat(staff.post("/admin/programs/" + mine.program().id() + "/snippet/keys/" + theirKey.id() + "/revoke",
                Map.of()).status()).isEqualTo(404);
        assertThat(publishableKeys.findActive(theirKey.key())).isPresent();
    }
}
