package dev.tandem.partner;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payout details are checked (IBAN length and mod-97 checksum, BIC form, PayPal email, Stripe
 * account id), stored encrypted, and only ever shown masked — in the portal and in the API.
 */
class PayoutDetailsTest extends PortalScenarioTest {

    static final String IBAN = "ES9121000418450200051332";

    @Autowired
    PayoutDetails payoutDetails;

    @Test
    void ibanChecksumsAndLengthsAreChecked() {
        assertThat(problem(new PayoutDetailsInput.Sepa("Ana", "ES91 2100 0418 4502 0005 1333", "")))
                .containsExactly("iban: checksum does not match");
        assertThat(problem(new PayoutDetailsInput.Sepa("Ana", "ES91 2100 0418 4502 0005 13", "")))
                .containsExactly("iban: must have 24 characters for ES (has 22)");
        assertThat(problem(new PayoutDetailsInput.Sepa("Ana", "US12 3456 7890 1234", "")))
                .containsExactly("iban: is from a country that does not use IBANs");
        assertThat(problem(new PayoutDetailsInput.Sepa("", "hello", "CAIXESBB1")))
                .containsExactly("holderName: is required",
                        "iban: must start with a country code and two check digits, e.g. DE89 3704 0044 0532 0130 00",
                        "bic: must be 8 or 11 letters and digits: bank, country, location, branch");
        assertThat(problem(new PayoutDetailsInput.Sepa("Ana", "es91 2100-0418 4502 0005 1332", "caixesbbxxx"))).isEmpty();
        assertThat(problem(new PayoutDetailsInput.Sepa("Ana", IBAN, "CAIXESBB"))).isEmpty();
        assertThat(problem(new PayoutDetailsInput.PayPal("not-an-email"))).containsExactly("email: must be an email address");
        assertThat(problem(new PayoutDetailsInput.Stripe("cus_123"))).hasSize(1).first().asString().startsWith("accountId:");
        assertThat(problem(null)).containsExactly("type: must be one of sepa, paypal, stripe, manual");
    }

    @Test
    void summariesAreMasked() {
        assertThat(PayoutDetailsRules.summary(new PayoutDetailsInput.Sepa("Ana", IBAN, ""))).isEqualTo("IBAN ES91 •••• 1332");
        assertThat(PayoutDetailsRules.summary(new PayoutDetailsInput.PayPal("ana@example.com")))
                .isEqualTo("PayPal a•••@example.com");
        assertThat(PayoutDetailsRules.summary(new PayoutDetailsInput.Stripe("acct_1Nv0FGQ9RKHgCVdK")))
                .isEqualTo("Stripe acct_••••CVdK");
        assertThat(new PayoutDetailsInput.Sepa("Ana", IBAN, "CAIXESBB").toString()).doesNotContain(IBAN);
    }

    @Test
    void theFormShowsIbanAndBicErrorsNextToTheirFields() {
        Business acme = business("Acme Payout Form");
        String email = email("ana");
        Enrollment enrollment = approvedPartner(acme, email, "Ana");
        WebClient browser = signedIn(acme.workspace(), email);
        browser.get("/portal/payout");

        WebClient.Page invalid = browser.post("/portal/payout", Map.of("method", "sepa", "holderName", "Ana Ruiz",
                "iban", "ES91 2100 0418 4502 0005 1333", "bic", "CAIX", "email", "", "accountId", ""));

        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("Please correct the highlighted fields.")
                .contains("IBAN has a check digit that does not match: please check for a typo")
                .contains("BIC must be 8 or 11 letters and digits (bank, country, location, branch)")
                .contains("value=\"ES91 2100 0418 4502 0005 1333\"");
        assertThat(payoutDetails.summary(acme.workspace(), enrollment.partnerId())).isEmpty();

        WebClient.Page spanish = browser.acceptLanguage("es").post("/portal/payout", Map.of("method", "paypal",
                "email", "nope"));
        assertThat(spanish.body()).as("the partner's own language (English) wins over the browser's")
                .contains("PayPal email must be an email address");
    }

    @Test
    void savedDetailsAreEncryptedAndShownOnlyMasked() {
        Business acme = business("Acme Payout Store");
        String email = email("bea");
        Enrollment enrollment = approvedPartner(acme, email, "Bea");
        WebClient browser = signedIn(acme.workspace(), email);
        browser.get("/portal/payout");

        WebClient.Page saved = browser.post("/portal/payout", Map.of("method", "sepa", "holderName", "Bea Martín",
                "iban", "ES91 2100 0418 4502 0005 1332", "bic", "CAIXESBBXXX", "email", "", "accountId", ""));
        assertThat(saved.location()).isEqualTo("/portal/payout");

        WebClient.Page page = browser.get("/portal/payout");
        assertThat(page.body()).contains("Payout details saved.").contains("IBAN ES91 •••• 1332")
                .doesNotContain(IBAN).doesNotContain("2100 0418").doesNotContain("CAIXESBBXXX").doesNotContain("Bea Martín");

        var row = jdbc.sql("select method, encrypted, summary from payout_details where workspace_id = ? and partner_id = ?")
                .params(acme.workspace().value(), enrollment.partnerId().value()).query().singleRow();
        assertThat(row.get("method")).isEqualTo("sepa");
        assertThat(row.get("summary")).isEqualTo("IBAN ES91 •••• 1332");
        String stored = new String((byte[]) row.get("encrypted"), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(IBAN).doesNotContain("CAIXESBB").doesNotContain("Bea Mart");
        assertThat(jdbc.sql("select count(*) from payout_details p where p::text like ?").param("%" + IBAN + "%")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event a where a::text like ?").param("%" + IBAN + "%")
                .query(Integer.class).single()).as("nor in the audit log").isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where workspace_id = ? and action = 'payout_details.updated'"
                        + " and actor_kind = 'partner'").param(acme.workspace().value()).query(Integer.class).single())
                .isEqualTo(1);

        assertThat(payoutDetails.reveal(acme.workspace(), enrollment.partnerId()))
                .contains(new PayoutDetailsInput.Sepa("Bea Martín", IBAN, "CAIXESBBXXX"));

        var notice = emails.latestTo(acme.workspace(), email).orElseThrow();
        assertThat(notice.template()).as("the partner is told, in case it was not them").isEqualTo("account-changed");
        assertThat(notice.bodyText()).contains("The account your commissions are paid to was changed")
                .contains("IBAN ES91 •••• 1332").doesNotContain(IBAN);
    }

    @Test
    void theApiValidatesAndAnswersOnlyTheMaskedSummary() {
        Business acme = business("Acme Payout API");
        Enrollment enrollment = approvedPartner(acme, email("cai"), "Cai");
        String path = "/api/v1/partners/" + enrollment.partnerId() + "/payout-method";
        ApiClient api = api(acme.tenant().apiKey());

        ApiClient.Answer invalid = api.send("PUT", path,
                "{\"type\": \"sepa\", \"holderName\": \"Cai\", \"iban\": \"ES9121000418450200051333\", \"bic\": \"CAIXESBB\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        JsonNode error = invalid.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("iban");
        assertThat(error.get("message").asString()).isEqualTo("checksum does not match");

        ApiClient.Answer badBic = api.send("PUT", path,
                "{\"type\": \"sepa\", \"holderName\": \"Cai\", \"iban\": \"" + IBAN + "\", \"bic\": \"CAIXES\"}");
        assertThat(badBic.status()).isEqualTo(422);
        assertThat(badBic.json().get("errors").get(0).get("field").asString()).isEqualTo("bic");

        ApiClient.Answer unknownType = api.send("PUT", path, "{\"type\": \"cheque\"}");
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.json().get("errors").get(0).get("field").asString()).isEqualTo("type");

        ApiClient.Answer sepa = api.send("PUT", path,
                "{\"type\": \"sepa\", \"holderName\": \"Cai\", \"iban\": \"" + IBAN + "\", \"bic\": \"CAIXESBB\"}");
        assertThat(sepa.status()).isEqualTo(200);
        assertThat(sepa.body()).doesNotContain(IBAN).doesNotContain("CAIXESBB");
        assertThat(sepa.json().get("type").asString()).isEqualTo("sepa");
        assertThat(sepa.json().get("summary").asString()).isEqualTo("IBAN ES91 •••• 1332");
        assertThat(sepa.json().get("partnerId").asString()).isEqualTo(enrollment.partnerId().toString());

        ApiClient.Answer paypal = api.send("PUT", path, "{\"type\": \"paypal\", \"email\": \"cai@example.com\"}");
        assertThat(paypal.json().get("summary").asString()).isEqualTo("PayPal c•••@example.com");
        ApiClient.Answer stripe = api.send("PUT", path, "{\"type\": \"stripe\", \"accountId\": \"acct_1Nv0FGQ9RKHgCVdK\"}");
        assertThat(stripe.json().get("summary").asString()).isEqualTo("Stripe acct_••••CVdK");
        ApiClient.Answer manual = api.send("PUT", path, "{\"type\": \"manual\"}");
        assertThat(manual.json().get("type").asString()).isEqualTo("manual");
        assertThat(api.get(path).json().get("type").asString()).isEqualTo("manual");

        Business other = business("Other Payout API");
        assertThat(api(other.tenant().apiKey()).send("PUT", path, "{\"type\": \"manual\"}").status())
                .as("another workspace's partner").isEqualTo(404);
        assertThat(api(null).send("PUT", path, "{\"type\": \"manual\"}").status()).isEqualTo(401);
    }

    @Test
    void savingThroughTheServiceReplacesTheMethod() {
        Business acme = business("Acme Payout Replace");
        Enrollment enrollment = approvedPartner(acme, email("dan"), "Dan");
        payoutDetails.save(acme.workspace(), Actor.system(), enrollment.partnerId(),
                new PayoutDetailsInput.PayPal("Dan@Example.com"));
        assertThat(payoutDetails.reveal(acme.workspace(), enrollment.partnerId()))
                .contains(new PayoutDetailsInput.PayPal("dan@example.com"));
        payoutDetails.save(acme.workspace(), Actor.system(), enrollment.partnerId(), new PayoutDetailsInput.Manual());
        assertThat(payoutDetails.summary(acme.workspace(), enrollment.partnerId()).orElseThrow().method()).isEqualTo("manual");
    }

    private static List<String> problem(PayoutDetailsInput input) {
        try {
            PayoutDetailsRules.checked(input);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
    }
}
