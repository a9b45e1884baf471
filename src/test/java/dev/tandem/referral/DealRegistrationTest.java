package dev.tandem.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.notification.Email;
import dev.tandem.partner.Partner;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner registers a prospect in the portal; Tandem flags what it overlaps with; a manager decides. */
class DealRegistrationTest extends DealTestBase {

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    static Map<String, String> form(ProgramFixtures.Setup s, String company, String email, String value) {
        Map<String, String> form = new HashMap<>();
        form.put("programId", s.program().id().toString());
        form.put("company", company);
        form.put("contactName", "Hank Scorpio");
        form.put("email", email);
        form.put("expectedValue", value);
        form.put("currency", "");
        form.put("notes", "Met at the fair; wants 40 seats.");
        return form;
    }

    @Test
    void aPartnerRegistersADealInThePortalAndSeesItWaiting() {
        ProgramFixtures.Setup s = programs.program("Acme Deals");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        WebClient browser = portal(s, ana);
        String email = prospect("hank", domain("Globex"));

        assertThat(browser.get("/portal/deals").body()).contains("Register a deal").contains("Acme Deals");
        WebClient.Page posted = browser.post("/portal/deals", form(s, "Globex", "  " + email.toUpperCase() + " ",
                "12,500.00"));

        assertThat(posted.location()).isEqualTo("/portal/deals");
        Map<String, Object> row = jdbc.sql("select * from deal_registration where partner_id = ?")
                .param(ana.id().value()).query().singleRow();
        assertThat(row).containsEntry("company", "Globex").containsEntry("email", email)
                .containsEntry("expected_amount", 1_250_000L).containsEntry("expected_currency", "EUR")
                .containsEntry("status", "submitted").containsEntry("conflict", null);
        String page = browser.get("/portal/deals").body();
        assertThat(page).contains("Your deal is registered").contains("Globex").contains(email)
                .contains("€12,500.00").contains("Waiting for a decision");
        assertThat(audited(s.workspace(), "deal.registered", new DealId((UUID) row.get("id")).toString())).isEqualTo(1);
    }

    @Test
    void expectedValuesAreReadAsPeopleWriteThem() {
        ProgramFixtures.Setup s = programs.program("Acme Amounts");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        Map<String, Long> typed = Map.of("12,500.00", 1_250_000L, "12.500,00", 1_250_000L, "12 500", 1_250_000L,
                "1,5", 150L, "99.90", 9_990L, "2.000.000", 200_000_000L);
        typed.forEach((value, minor) -> {
            DealRegistration deal = deals.register(s.workspace(), ana.id(), new Deals.Registration(
                    s.program().id().toString(), "Co " + value, "", prospect("x", "gmail.com"), value, "", ""));
            assertThat(deal.expectedValue().amount()).as(value).isEqualTo(minor);
            assertThat(deal.expectedValue().currency().getCurrencyCode()).isEqualTo("EUR");
        });
        DealRegistration yen = deals.register(s.workspace(), ana.id(), new Deals.Registration(
                s.program().id().toString(), "Yen Co", "", prospect("y", "gmail.com"), "12,500", "jpy", ""));
        assertThat(yen.expectedValue().amount()).isEqualTo(12_500L);
        assertThat(yen.expectedValue().currency().getCurrencyCode()).isEqualTo("JPY");
    }

    @Test
    void badInputIsShownNextToTheFieldsInThePartnersLanguageAndNothingIsStored() {
        ProgramFixtures.Setup s = programs.program("Acme Errors");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        WebClient browser = portal(s, ana);
        browser.get("/portal/deals");

        Map<String, String> bad = form(s, " ", "not-an-email", "12,5x");
        bad.put("currency", "EURO");
        WebClient.Page english = browser.post("/portal/deals", bad);
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.body()).contains("Company is required").contains("Contact email must be an email address")
                .contains("Currency must be a currency code like EUR").contains("not-an-email");

        Partner bea = programs.approvedPartner(s, "Bea Soto").partner();
        jdbc.sql("update partner set locale = 'es' where id = ?").param(bea.id().value()).update();
        WebClient spanishBrowser = portal(s, bea);
        spanishBrowser.get("/portal/deals");
        bad.put("currency", "");
        WebClient.Page spanish = spanishBrowser.post("/portal/deals", bad);
        assertThat(spanish.status()).isEqualTo(422);
        assertThat(spanish.body()).contains("Valor esperado debe ser un importe como 12.500,00")
                .contains("Empresa es obligatorio");

        Map<String, String> tooPrecise = form(s, "Globex", prospect("a", "globex.test"), "10,5555");
        assertThat(browser.post("/portal/deals", tooPrecise).body())
                .contains("Expected value has more decimals than the currency allows");
        assertThat(jdbc.sql("select count(*) from deal_registration where partner_id = ?").param(bea.id().value())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from deal_registration where partner_id = ?").param(ana.id().value())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aProgramThePartnerIsNotApprovedInIsRefused() {
        ProgramFixtures.Setup s = programs.program("Acme Mine");
        ProgramFixtures.Setup other = programs.program("Globex Theirs");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        WebClient browser = portal(s, ana);
        browser.get("/portal/deals");

        Map<String, String> form = form(s, "Globex", prospect("a", "globex.test"), "");
        form.put("programId", other.program().id().toString());
        WebClient.Page page = browser.post("/portal/deals", form);

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("Program is not a program you are an approved partner of")
                .doesNotContain("Globex Theirs");
        assertThat(jdbc.sql("select count(*) from deal_registration where partner_id = ?").param(ana.id().value())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aSecondPartnerRegisteringTheSameEmailIsFlaggedWithTheFirstsNameAndDate() {
        ProgramFixtures.Setup s = programs.program("Acme Race");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        String domain = domain("Initech");
        String email = prospect("peter", domain);
        DealRegistration first = registered(s, ana, "Initech", email);

        WebClient boBrowser = portal(s, bo);
        boBrowser.get("/portal/deals");
        assertThat(boBrowser.post("/portal/deals", form(s, "Initech Inc", email, "")).location())
                .isEqualTo("/portal/deals");
        DealRegistration sameDomain = registered(s, bo, "Initech", prospect("milton", domain));
        DealRegistration publicDomain = registered(s, bo, "Someone", prospect("peter", "gmail.com"));
        DealRegistration anasGmail = registered(s, ana, "Someone else", prospect("joanna", "gmail.com"));

        assertThat(first.conflict()).isNull();
        DealRegistration second = deals.ofPartner(s.workspace(), bo.id()).stream().map(Deals.Row::deal)
                .filter(d -> d.email().equals(email)).findFirst().orElseThrow();
        assertThat(second.conflict().customer()).isNull();
        assertThat(second.conflict().registrations()).singleElement().satisfies(r -> {
            assertThat(r.partnerName()).isEqualTo("Ana Ruiz");
            assertThat(r.dealId()).isEqualTo(first.id());
            assertThat(r.registeredAt()).isEqualTo(first.createdAt());
            assertThat(r.match()).isEqualTo("email");
        });
        assertThat(sameDomain.conflict().registrations()).extracting(DealConflict.Registration::match)
                .containsExactly("domain");
        assertThat(publicDomain.conflict()).as("gmail.com says nothing about the company").isNull();
        assertThat(anasGmail.conflict()).isNull();

        String queue = staff(s).get("/admin/deals").body();
        assertThat(queue).contains("also registered by Ana Ruiz on " + today())
                .contains("same company domain registered by Ana Ruiz on " + today());
        assertThat(boBrowser.get("/portal/deals").body()).as("a partner does not see who else registered")
                .doesNotContain("Ana Ruiz");
    }

    @Test
    void aProspectWhoIsAlreadyACustomerIsFlaggedWithTheirPartnerAndSince() {
        ProgramFixtures.Setup s = programs.program("Acme Known");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        String email = prospect("carla", domain("Umbrella"));
        Intake.Recorded sale = sale(s, email, ana);
        assertThat(sale.referral()).isNotNull();

        DealRegistration deal = registered(s, bo, "Umbrella", email);

        assertThat(deal.conflict().customer().partnerName()).isEqualTo("Ana Ruiz");
        assertThat(deal.conflict().customer().partnerId()).isEqualTo(ana.id());
        assertThat(deal.conflict().customer().referralId()).isEqualTo(sale.referral().id());
        assertThat(deal.conflict().customer().since()).isEqualTo(sale.referral().createdAt());
        String since = sale.referral().createdAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        assertThat(staff(s).get("/admin/deals").body()).contains("already a customer of Ana Ruiz since " + since);
    }

    @Test
    void aManagerAcceptsARegistrationAndThePartnerIsEmailedInTheirLanguage() {
        ProgramFixtures.Setup s = programs.program("Acme Accept");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        jdbc.sql("update partner set locale = 'es' where id = ?").param(ana.id().value()).update();
        DealRegistration deal = registered(s, ana, "Globex", prospect("hank", domain("Globex")));
        WebClient admin = staff(s);

        String queue = admin.get("/admin/deals").body();
        assertThat(queue).contains("Globex").contains("Ana Ruiz").contains("€12,500.00")
                .contains("href=\"/admin/claims\"").contains("href=\"/admin/referrals\"");
        WebClient.Page accepted = admin.post("/admin/deals/" + deal.id() + "/accept", Map.of("reason", "Welcome!"));

        assertThat(accepted.location()).isEqualTo("/admin/deals");
        assertThat(dealStatus(deal.id())).isEqualTo("accepted");
        Map<String, Object> row = jdbc.sql("select decision_reason, decided_by, decided_at from deal_registration"
                + " where id = ?").param(deal.id().value()).query().singleRow();
        assertThat(row).containsEntry("decision_reason", "Welcome!").containsEntry("decided_by", s.tenant().name() + " Owner");
        Email email = lastEmailTo(s.workspace(), ana.email()).orElseThrow();
        assertThat(email.template()).isEqualTo("deal-decided");
        assertThat(email.subject()).contains("Globex").contains("decisión");
        assertThat(email.bodyText()).contains("aceptado").contains("Welcome!").contains("/portal/deals");
        assertThat(audited(s.workspace(), "deal.accepted", deal.id().toString())).isEqualTo(1);
        assertThat(admin.get("/admin/deals").body()).contains("Accepted the registration of Globex by Ana Ruiz");

        WebClient.Page again = admin.post("/admin/deals/" + deal.id() + "/reject", Map.of("reason", "Oops"));
        assertThat(again.location()).isEqualTo("/admin/deals");
        assertThat(admin.get("/admin/deals").body()).contains("The registration of Globex was already decided: Accepted");
        assertThat(dealStatus(deal.id())).isEqualTo("accepted");
    }

    @Test
    void rejectingWithoutAReasonIsAFieldErrorAndChangesNothing() {
        ProgramFixtures.Setup s = programs.program("Acme Reject");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        DealRegistration deal = registered(s, ana, "Globex", prospect("hank", domain("Globex")));
        WebClient admin = staff(s);
        admin.get("/admin/deals");

        WebClient.Page refused = admin.post("/admin/deals/" + deal.id() + "/reject", Map.of("reason", "  "));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Reason is required");
        assertThat(dealStatus(deal.id())).isEqualTo("submitted");
        assertThat(lastEmailTo(s.workspace(), ana.email())).isEmpty();
        assertThat(audited(s.workspace(), "deal.rejected", deal.id().toString())).isZero();

        admin.post("/admin/deals/" + deal.id() + "/reject", Map.of("reason", "Already our customer."));
        assertThat(dealStatus(deal.id())).isEqualTo("rejected");
        assertThat(lastEmailTo(s.workspace(), ana.email()).orElseThrow().bodyText()).contains("rejected")
                .contains("Already our customer.");
        assertThat(portal(s, ana).get("/portal/deals").body()).contains("Rejected").contains("Already our customer.");
    }

    @Test
    void aRegistrationNobodyDecidedWithinTheWindowExpires() {
        ProgramFixtures.Setup s = programs.program("Acme Expiry");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        DealRegistration deal = registered(s, ana, "Globex", prospect("hank", domain("Globex")));
        jdbc.sql("update deal_registration set created_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(31))), deal.id().value())
                .update();

        assertThat(portal(s, ana).get("/portal/deals").body()).contains("Expired");
        assertThat(dealStatus(deal.id())).isEqualTo("expired");
        WebClient admin = staff(s);
        admin.get("/admin/deals");
        admin.post("/admin/deals/" + deal.id() + "/accept", Map.of("reason", ""));
        assertThat(dealStatus(deal.id())).isEqualTo("expired");
    }

    @Test
    void aPartnerSeesOnlyTheirOwnRegistrations() {
        ProgramFixtures.Setup s = programs.program("Acme Private");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        registered(s, ana, "Anas Secret Prospect", prospect("x", domain("Secret")));
        registered(s, bo, "Bos Prospect", prospect("y", domain("Other")));

        String bos = portal(s, bo).get("/portal/deals").body();
        assertThat(bos).contains("Bos Prospect").doesNotContain("Anas Secret Prospect");
        ProgramFixtures.Setup elsewhere = programs.program("Globex Elsewhere");
        Partner cai = programs.approvedPartner(elsewhere, "Cai").partner();
        assertThat(portal(elsewhere, cai).get("/portal/deals").body()).doesNotContain("Prospect");
    }
}
