package dev.tandem.payout;

import java.time.Duration;
import java.util.Optional;

import dev.tandem.commission.CommissionTestBase;
import dev.tandem.core.Language;
import dev.tandem.notification.Email;
import dev.tandem.notification.Emails;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.Partners;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What partners and the team are told about payouts, read from the outbox as they would read it:
 * a paid payout in the partner's own language with the amount and the bank's reference, a failed one
 * with the reason (to the partner and to the staff who must look at it), and a held balance only when
 * the partner can do something about it.
 */
class PayoutEmailsTest extends CommissionTestBase {

    @Autowired
    Emails emails;

    @Autowired
    Partners partners;

    @Test
    void aPaidPayoutIsAnnouncedInThePartnersLanguageWithTheAmountAndReference() {
        start("Emails paid");
        ProgramFixtures.Member lucia = partnerIn(Language.ES, "Lucía Pagada");
        payoutMethod(lucia, "{\"type\": \"sepa\", \"holderName\": \"Lucía Pagada\", \"iban\": \"ES9121000418450200051332\"}");
        earn(lucia, 100_000);

        JsonNode paid = payOut(lucia);

        Email email = latestTo(lucia).orElseThrow();
        assertThat(email.template()).isEqualTo("payout-paid");
        assertThat(email.language()).isEqualTo(Language.ES);
        assertThat(email.subject()).isEqualTo("Emails paid: te hemos pagado 100,00\u00a0€");
        assertThat(email.bodyText()).contains("Hola, Lucía Pagada:")
                .contains("Te hemos pagado 100,00\u00a0€ por tu trabajo con Emails paid.")
                .contains("Transferencia bancaria SEPA").contains("IBAN ES91 •••• 1332")
                .contains("Referencia: " + paid.get("reference").asString())
                .contains("http://localhost:8080/portal/payouts");
        assertThat(paid.get("reference").asString()).startsWith("bank-pay_");
        assertThat(email.bodyHtml()).contains("href=\"http://localhost:8080/portal/payouts\"");
    }

    @Test
    void aFailedPayoutTellsThePartnerTheMoneyComesBackAndTellsTheTeamWhereToLook() {
        start("Emails failed");
        ProgramFixtures.Member bo = programs.approvedPartner(setup, "Bo Failed");
        payoutMethod(bo, "{\"type\": \"manual\"}");
        earn(bo, 50_000);
        JsonNode run = run(setup.program());
        String runId = run.get("id").asString();
        ok(api.post("/api/v1/payout-runs/" + runId + "/approve", "{}"));
        ok(api.post("/api/v1/payout-runs/" + runId + "/send", "{}"));

        ok(api.post("/api/v1/payouts/" + payoutTo(run, bo).get("id").asString() + "/mark-failed",
                "{\"reason\": \"the bank returned it: account closed\"}"));

        Email toPartner = latestTo(bo).orElseThrow();
        assertThat(toPartner.template()).isEqualTo("payout-failed");
        assertThat(toPartner.subject()).isEqualTo("Emails failed: your payout of €50.00 did not go through");
        assertThat(toPartner.bodyText()).contains("Your payout of €50.00 from Emails failed could not be made.")
                .contains("the bank returned it: account closed")
                .contains("Your balance is payable again and goes into the next payout")
                .contains("/portal/payouts");
        Email toOwner = emails.latestTo(setup.workspace(), setup.tenant().ownerEmail()).orElseThrow();
        assertThat(toOwner.template()).isEqualTo("payout-failed-staff");
        assertThat(toOwner.language()).as("the workspace's language").isEqualTo(Language.EN);
        assertThat(toOwner.subject()).isEqualTo("Emails failed: the payout to Bo Failed failed");
        assertThat(toOwner.bodyText()).contains("The payout of €50.00 to Bo Failed in Emails failed failed.")
                .contains("the bank returned it: account closed")
                .contains("http://localhost:8080/admin/payouts/runs/" + runId)
                .contains("you are on the team that runs Emails failed").doesNotContain("you are a partner");
    }

    @Test
    void aHeldBalanceIsAnnouncedOnlyWhenThePartnerCanReleaseIt() {
        start("Emails held");
        ok(api.put("/api/v1/programs/" + setup.program().id() + "/payout-schedule", """
                {"frequency": "manual", "requireApproval": true, "minimums": {"EUR": 2000}}"""));
        ProgramFixtures.Member cy = programs.approvedPartner(setup, "Cy Nodetails");
        ProgramFixtures.Member di = programs.approvedPartner(setup, "Di Small");
        payoutMethod(di, "{\"type\": \"manual\"}");
        ProgramFixtures.Member ed = programs.approvedPartner(setup, "Ed Paid");
        payoutMethod(ed, "{\"type\": \"manual\"}");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(cy, "cus_c", 30_000, days(1));
        sale(di, "cus_d", 10_000, days(1));
        sale(ed, "cus_e", 50_000, days(1));
        later(Duration.ofDays(16));

        JsonNode run = run(setup.program());

        assertThat(run.get("held").valueStream().map(h -> h.get("reason").asString()))
                .containsExactlyInAnyOrder("no_payout_details", "below_minimum");
        Email toCy = latestTo(cy).orElseThrow();
        assertThat(toCy.template()).isEqualTo("payout-held");
        assertThat(toCy.subject()).isEqualTo("Emails held: your balance of €30.00 is waiting for you");
        assertThat(toCy.bodyText()).contains("add your payout details in the partner portal")
                .contains("http://localhost:8080/portal/payouts");
        assertThat(latestTo(di).map(Email::template)).as("below the minimum: nothing for Di to do")
                .isNotEqualTo(Optional.of("payout-held"));
        assertThat(latestTo(ed).map(Email::template)).as("a payout waiting for approval is no news yet")
                .isNotEqualTo(Optional.of("payout-held")).isNotEqualTo(Optional.of("payout-paid"));
    }

    private ProgramFixtures.Member partnerIn(Language language, String name) {
        String email = "lucia." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@partners.test";
        Partner partner = partners.findOrCreate(setup.workspace(), new Partners.NewPartner(email, name, "", name, "",
                Partner.Profile.empty(), language, null));
        Enrollment enrollment = partners.enroll(setup.workspace(), ProgramFixtures.MANAGER, setup.program().id(),
                partner.id(), null, EnrollmentStatus.APPROVED, "");
        return new ProgramFixtures.Member(partner, enrollment);
    }

    /** A sale earning 10% of {@code amount}, approved after the hold period. */
    private void earn(ProgramFixtures.Member partner, long amount) {
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(partner, "cus_" + partner.partner().id().toString().substring(4, 10), amount, days(1));
        later(Duration.ofDays(16));
    }

    private Optional<Email> latestTo(ProgramFixtures.Member partner) {
        return emails.latestTo(setup.workspace(), partner.partner().email());
    }
}
