package dev.tandem.integration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.testing.Fixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The Stripe page of the admin console: the endpoint to paste, the secret, promotion codes, and what Stripe sent. */
class StripePageTest extends StripeTestBase {

    private static final String PAGE = "/admin/integrations/stripe";

    @Autowired
    StaffAccounts accounts;

    @Test
    void thePageGivesTheEndpointAndSavesTheSecretShowingOnlyItsLastFourCharacters() {
        var s = programs.program("Page");
        WebClient browser = staff(s.tenant().ownerEmail());

        WebClient.Page first = browser.get(PAGE);
        String key = settings.account(s.workspace()).endpointKey();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("/webhooks/stripe/" + key).contains("No signing secret yet")
                .contains("href=\"/admin/integrations/stripe\"");

        String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "") + "Wxyz";
        WebClient.Page saved = browser.post(PAGE + "/secret", Map.of("signingSecret", secret));
        assertThat(saved.location()).isEqualTo(PAGE);

        String after = browser.get(PAGE).body();
        assertThat(after).contains("Signing secret saved.").contains("whsec_…Wxyz").doesNotContain(secret)
                .contains("Replace the secret");
        assertThat(settings.account(s.workspace()).signingSecret()).isEqualTo(secret);
    }

    @Test
    void badInputIsNamedFieldByFieldInTheReadersLanguageAndChangesNothing() {
        Shop shop = shop("Spanish");
        WebClient browser = staff(shop.setup().tenant().ownerEmail()).acceptLanguage("es");
        browser.get(PAGE);

        WebClient.Page badSecret = browser.post(PAGE + "/secret", Map.of("signingSecret", "sk_live_not-a-secret"));
        assertThat(badSecret.status()).isEqualTo(200);
        assertThat(badSecret.body()).contains("Secreto de firma debe empezar por whsec_ y copiarse entero de Stripe")
                .doesNotContain("sk_live_not-a-secret");
        assertThat(settings.account(shop.workspace()).signingSecret()).isEqualTo(shop.secret());

        WebClient.Page badMapping = browser.post(PAGE + "/promotion-codes",
                Map.of("promotionCode", "SPRING10", "code", "NOSUCHCODE"));
        assertThat(badMapping.status()).isEqualTo(200);
        assertThat(badMapping.body())
                .contains("Id del código promocional de Stripe debe ser un id de código promocional de Stripe (promo_…)")
                .contains("Cupón o código de referido de Tandem no corresponde a ningún cupón ni código de referido")
                .contains("value=\"NOSUCHCODE\"");
        assertThat(settings.promotionCodes(shop.workspace())).isEmpty();
    }

    @Test
    void theLatestEventsAreListedWithWhatTheyBecame() {
        Shop shop = shop("Listing");
        Map<String, Object> sale = event("invoice.paid", paidInvoice("in_listed1", "cus_listed", "pi_listed", "manual"));
        Map<String, Object> refund = event("charge.refunded", refundedCharge("ch_unknown1", "pi_unknown1", 100, 100,
                List.<Object[]>of(new Object[] {"re_unknown1", 100})));
        delivered(shop, sale);
        clock.advance(java.time.Duration.ofSeconds(1)); // the test clock stands still; the refund comes later
        delivered(shop, refund);
        String tandemEvent = jdbc.sql("select id from conversion_event where workspace_id = ?")
                .param(shop.workspace().value()).query(java.util.UUID.class).single().toString();

        String page = staff(shop.setup().tenant().ownerEmail()).get(PAGE).body();

        assertThat(page).contains((String) sale.get("id")).contains((String) refund.get("id"))
                .contains("Recorded").contains("Failed").contains("paid for no sale Tandem knows")
                .contains(new dev.tandem.referral.EventId(UUID.fromString(tandemEvent)).toString());
        assertThat(page.indexOf((String) refund.get("id"))).as("newest first").isLessThan(page.indexOf((String) sale.get("id")));
    }

    @Test
    void viewersSeeThePageWithoutItsFormsAndCannotChangeIt() {
        Shop shop = shop("Viewer");
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.test";
        accounts.add(accounts.loadUserByUsername(shop.setup().tenant().ownerEmail()), "Vera Viewer", email, Role.VIEWER,
                Fixtures.PASSWORD);
        WebClient viewer = staff(email);

        WebClient.Page page = viewer.get(PAGE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/webhooks/stripe/" + shop.endpointKey()).doesNotContain("name=\"signingSecret\"");
        assertThat(viewer.post(PAGE + "/secret", Map.of("signingSecret", "whsec_" + "a".repeat(32))).status())
                .isEqualTo(403);
        assertThat(settings.account(shop.workspace()).signingSecret()).isEqualTo(shop.secret());
    }

    private WebClient staff(String email) {
        WebClient browser = browser();
        assertThat(browser.login(email, Fixtures.PASSWORD).location()).endsWith("/admin");
        return browser;
    }
}
