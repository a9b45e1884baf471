package dev.tandem.commission;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commission pages through HTTP as a browser without JavaScript sends them: the plans tab's form,
 * bulk changes with their reason, adjustments, what a viewer sees, and a partner seeing only their own.
 */
class CommissionPagesTest extends CommissionTestBase {

    @Autowired
    StaffAccounts accounts;

    @Autowired
    dev.tandem.partner.Partners partnerService;

    @Test
    void thePlanFormNamesEachProblemNextToItsFieldInSpanishAndStoresNothingThenPublishes() {
        start("Plan form");
        WebClient staff = staff().acceptLanguage("es");
        String base = "/admin/programs/" + setup.program().id() + "/plans";
        assertThat(staff.get(base).body()).contains("Aún no hay plan");

        Map<String, String> form = planForm("150");
        form.put("rules[0].caps.perPartnerMonth", "100,999");
        form.put("rules[1].trigger", "lead");
        form.put("rules[1].reward.type", "flat");
        form.put("rules[1].reward.amount", "abc");
        WebClient.Page refused = staff.post(base, form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Porcentaje debe ser mayor que 0 y como máximo 100")
                .contains("debe ser un importe como 25 o 25,50")
                .contains("value=\"150\"").contains("value=\"abc\"");
        assertThat(versions()).as("nothing stored").isZero();

        form = planForm("10");
        form.put("rules[0].caps.perPartnerMonth", "100");
        form.put("rules[1].trigger", "lead");
        form.put("rules[1].reward.type", "flat");
        form.put("rules[1].reward.amount", "25,50");
        form.put("rules[0].volumeTiers[0].fromSale", "1");
        form.put("rules[0].volumeTiers[0].toSale", "10");
        form.put("rules[0].volumeTiers[0].percent", "10");
        form.put("rules[0].volumeTiers[1].fromSale", "11");
        form.put("rules[0].volumeTiers[1].percent", "15");
        form.put("rules[2].trigger", "partner_recruited");
        form.put("rules[2].reward.type", "flat");
        form.put("rules[2].reward.amount", "70");
        form.put("rules[2].recruitedWhen", "first_sale");
        WebClient.Page published = staff.post(base, form);
        assertThat(published.status()).as(published.body()).isEqualTo(302);
        assertThat(versions()).isEqualTo(1);
        JsonNode plan = api.get("/api/v1/programs/" + setup.program().id() + "/plans").json().get("data").get(0);
        assertThat(plan.get("rules").get(1).get("reward").get("amount").asLong()).as("25,50 EUR in cents").isEqualTo(2550);
        assertThat(plan.get("rules").get(0).get("caps").get("perPartnerMonth").asLong()).isEqualTo(10_000);

        String page = staff.get(base).body();
        assertThat(page).contains("Versión 1 publicada.").contains("En vigor")
                .contains("Venta: 10% · ventas del mes 1-10: 10%, 11+: 15% · como máximo 100,00\u00a0€ al mes")
                .contains("Contacto: 25,50\u00a0€")
                .contains("Socio captado: 70,00\u00a0€ · hace su primera venta");
        assertThat(plan.get("rules").get(2).get("recruitedWhen").asString()).isEqualTo("first_sale");
    }

    @Test
    void rejectingWithoutAReasonSaysSoNextToTheReasonAndChangesNothing() {
        start("Reject page");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Reject");
        plan(setup.program(), "{\"rules\": [{\"trigger\": \"sale\", \"reward\": {\"type\": \"percentage\", \"percent\": \"10\"}}]}");
        String id = madeBy(sale(ana, "cus_r", 10_000, days(1))).get(0).get("id").asString();
        WebClient staff = staff();
        staff.get("/admin/commissions");

        WebClient.Page refused = staff.post("/admin/commissions/bulk", Map.of("ids", id, "action", "reject", "reason", " "));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"bulk-reason-error\"").contains("Reason is required");
        assertThat(commissions.get(setup.workspace(), CommissionId.parse(id)).status()).isEqualTo(CommissionStatus.PENDING);

        WebClient.Page none = staff.post("/admin/commissions/bulk", Map.of("action", "approve", "reason", ""));
        assertThat(none.body()).contains("Choose at least one commission.");

        WebClient.Page rejected = staff.post("/admin/commissions/bulk",
                Map.of("ids", id, "action", "reject", "reason", "Self-referral", "partner", ana.partner().id().toString()));
        assertThat(rejected.status()).isEqualTo(302);
        assertThat(rejected.location()).isEqualTo("/admin/commissions?partner=" + ana.partner().id());
        assertThat(commissions.get(setup.workspace(), CommissionId.parse(id)).status()).isEqualTo(CommissionStatus.REJECTED);
        String detail = staff.get("/admin/commissions/" + id).body();
        assertThat(detail).contains("Self-referral").contains("Pending → Rejected");
        assertBooksBalance();
    }

    @Test
    void anAdjustmentIsReadInTheProgramsCurrencyAndEveryProblemIsNamed() {
        start("Adjust page");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Adjust");
        ProgramFixtures.Member outsider = programs.approvedPartner(setup.workspace(),
                programs.anotherProgram(setup.tenant(), "Other"), "Olga Outsider");
        WebClient staff = staff();
        staff.get("/admin/commissions");
        String program = setup.program().id().toString();

        WebClient.Page bad = staff.post("/admin/commissions/adjustments", Map.of("programId", program,
                "partnerId", outsider.partner().id().toString(), "amount", "12.345", "reason", ""));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Amount must be an amount in EUR such as 25.00 or -12.50")
                .contains("Partner is not a partner of this program").contains("Reason is required");
        WebClient.Page zero = staff.post("/admin/commissions/adjustments", Map.of("programId", program,
                "partnerId", ana.partner().id().toString(), "amount", "0", "reason", "Nothing"));
        assertThat(zero.body()).contains("Amount must not be zero");
        WebClient.Page noProgram = staff.post("/admin/commissions/adjustments", Map.of("programId", "",
                "partnerId", ana.partner().id().toString(), "amount", "5", "reason", "x"));
        assertThat(noProgram.body()).contains("Program must be chosen");
        assertThat(commissionsOf(ana)).isEmpty();
        assertThat(commissionsOf(outsider)).isEmpty();

        WebClient.Page made = staff.post("/admin/commissions/adjustments", Map.of("programId", program,
                "partnerId", ana.partner().id().toString(), "amount", "-12,50", "reason", "Double payment in May"));
        assertThat(made.status()).isEqualTo(302);
        assertThat(commissionsOf(ana)).singleElement().satisfies(c -> {
            assertThat(c.get("amount").asLong()).isEqualTo(-1_250);
            assertThat(c.get("kind").asString()).isEqualTo("adjustment");
        });
        assertThat(staff.get(made.location()).body()).contains("Adjustment added.").contains("-€12.50")
                .contains("Double payment in May");
        assertThat(staff.get("/admin/commissions?partner=" + ana.partner().id()).body())
                .contains("Balances of Ana Adjust").contains("-€12.50");
        assertBooksBalance();
    }

    @Test
    void aViewerSeesCommissionsAndPlansWithoutAnyFormAndCannotChangeThem() {
        start("Viewer pages");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Viewed");
        plan(setup.program(), "{\"rules\": [{\"trigger\": \"sale\", \"reward\": {\"type\": \"percentage\", \"percent\": \"10\"}}]}");
        String id = madeBy(sale(ana, "cus_v", 10_000, days(1))).get(0).get("id").asString();
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@viewer.test";
        accounts.add(accounts.loadUserByUsername(setup.tenant().ownerEmail()), "Vic Viewer", email, Role.VIEWER,
                "a long enough password");
        WebClient viewer = browser();
        assertThat(viewer.login(email, "a long enough password").location()).isEqualTo("/admin");

        String list = viewer.get("/admin/commissions").body();
        assertThat(list).contains("Ana Viewed").contains("€10.00")
                .doesNotContain("/admin/commissions/bulk").doesNotContain("/admin/commissions/adjustments")
                .doesNotContain("type=\"checkbox\"");
        assertThat(viewer.get("/admin/commissions/" + id).body()).contains("Registered plan v1").contains("Pending");
        assertThat(viewer.get("/admin/programs/" + setup.program().id() + "/plans").body()).contains("Sale: 10%")
                .doesNotContain("Publish version");
        assertThat(viewer.get("/admin/commissions/ledger").body()).contains("Everything agrees");

        assertThat(viewer.post("/admin/commissions/bulk", Map.of("ids", id, "action", "approve")).status()).isEqualTo(403);
        assertThat(viewer.post("/admin/commissions/adjustments", Map.of("programId", setup.program().id().toString(),
                "partnerId", ana.partner().id().toString(), "amount", "5", "reason", "x")).status()).isEqualTo(403);
        assertThat(viewer.post("/admin/programs/" + setup.program().id() + "/plans", planForm("5")).status()).isEqualTo(403);
        assertThat(commissions.get(setup.workspace(), CommissionId.parse(id)).status()).isEqualTo(CommissionStatus.PENDING);
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void aPartnerSeesOnlyTheirOwnEarnings() {
        start("Own earnings");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Own");
        ProgramFixtures.Member bea = programs.approvedPartner(setup, "Bea Other");
        plan(setup.program(), "{\"rules\": [{\"trigger\": \"sale\", \"reward\": {\"type\": \"percentage\", \"percent\": \"10\"}}]}");
        sale(ana, "cus_ana", 12_340, days(1));
        String refused = madeBy(sale(ana, "cus_ana2", 5_000, days(1))).get(0).get("id").asString();
        commissions.reject(setup.workspace(), ProgramFixtures.MANAGER, java.util.List.of(CommissionId.parse(refused)),
                "Ordered by your own company");
        sale(bea, "cus_bea", 98_760, days(2));

        WebClient portal = programs.portal(browser(), setup.workspace(), ana.partner());
        WebClient.Page page = portal.get("/portal/earnings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("10% of €123.40 = €12.34").contains("€12.34")
                .doesNotContain("987.60").doesNotContain("€98.76").doesNotContain("Bea Other");
        assertThat(page.body()).contains("/portal/earnings").contains("Own earnings · tier Registered");
        assertThat(page.body()).as("the partner reads why a commission was rejected")
                .contains("<small class=\"reason\">Ordered by your own company</small>");
        // sorted by amount, the largest first: another partner's larger commission never shows up
        assertThat(portal.get("/portal/earnings?sort=amount&dir=desc").body()).contains("€12.34")
                .doesNotContain("98.76");
        assertThat(portal.get("/admin/commissions").status()).as("a partner is no staff member").isIn(302, 403);
    }

    @Test
    void thePortalHomeShowsTheirOwnEarningsByMonth() {
        start("Home earnings");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Home");
        ProgramFixtures.Member bea = programs.approvedPartner(setup, "Bea Elsewhere");
        WebClient before = programs.portal(browser(), setup.workspace(), ana.partner());
        assertThat(before.get("/portal").body()).as("nothing earned yet: the section says how earning starts")
                .contains("Nothing earned in the last twelve months yet").doesNotContain("data-chart=");
        plan(setup.program(), "{\"rules\": [{\"trigger\": \"sale\", \"reward\": {\"type\": \"percentage\", \"percent\": \"10\"}}]}");
        sale(ana, "cus_home", 12_340, days(1));
        sale(bea, "cus_else", 98_760, days(1));

        WebClient portal = programs.portal(browser(), setup.workspace(), ana.partner());
        String home = portal.get("/portal").body();
        assertThat(home).contains("Earnings by month").contains("data-chart=").contains("€12.34")
                .contains("/portal/earnings").contains("/js/earnings.js").doesNotContain("98.76");
        assertThat(home).as("the same bars as the earnings page, twelve months of one currency")
                .containsPattern("data-currency=\"EUR\"");
    }

    @Test
    void staffSeeWhatReferredCustomersWerePromisedAndMarkItGiven() {
        start("Rewards page");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Rewards");
        plan(setup.program(), """
                {"customerReward": "20% off the first invoice", "rules": [
                  {"trigger": "lead", "reward": {"type": "flat", "amount": 500}}]}
                """);
        event("lead", ana, "cus_rw", null, null, days(1));
        WebClient staff = staff();

        WebClient.Page open = staff.get("/admin/commissions/customer-rewards");
        assertThat(open.body()).contains("20% off the first invoice").contains("Ana Rewards").contains("Mark as given");
        String id = open.body().replaceAll("(?s).*data-reward=\"(crw_[^\"]+)\".*", "$1");
        WebClient.Page given = staff.post("/admin/commissions/customer-rewards/" + id + "/honour", Map.of());
        assertThat(given.status()).isEqualTo(302);
        assertThat(staff.get("/admin/commissions/customer-rewards").body()).contains("Nothing to give right now.")
                .doesNotContain("20% off the first invoice");
        assertThat(staff.get("/admin/commissions/customer-rewards?all=1").body()).contains("20% off the first invoice")
                .contains("Given on");
    }

    @Test
    void commissionsAreReadPerTierOnThePageAndThroughTheApi() {
        start("Per tier");
        var gold = programService.addTier(setup.workspace(), ProgramFixtures.MANAGER, setup.program().id(), "Gold", "", "");
        ProgramFixtures.Member reg = programs.approvedPartner(setup, "Rae Registered");
        ProgramFixtures.Member top = programs.approvedPartner(setup, "Tom Gold");
        partnerService.moveTier(setup.workspace(), ProgramFixtures.MANAGER, top.enrollment().id(), gold.id(), "top seller");
        String rules = "{\"rules\": [{\"trigger\": \"sale\", \"reward\": {\"type\": \"percentage\", \"percent\": \"10\"}}]}";
        plan(setup.program(), rules);
        plan(setup.program(), rules.replace("{\"rules\"", "{\"tierId\": \"" + gold.id() + "\", \"rules\""));
        sale(reg, "cus_reg", 10_000, days(1));
        sale(top, "cus_top", 20_000, days(1));

        JsonNode golden = api.get("/api/v1/commissions?tierId=" + gold.id()).json().get("data");
        assertThat(golden.valueStream().map(c -> c.get("partnerId").asString())).containsExactly(top.partner().id().toString());
        String page = staff().get("/admin/commissions?tier=" + gold.id()).body();
        assertThat(page).contains(">Tom Gold</a>").doesNotContain(">Rae Registered</a>").contains("Per tier · Gold");
    }

    @Test
    void explanationsAreShownInTheReadersLanguage() {
        start("Explained");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Explained");
        plan(setup.program(), """
                {"rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}, "caps": {"perCustomer": 800}},
                           {"trigger": "lead", "reward": {"type": "flat", "amount": 2500, "rewardKind": "store_credit"}}]}
                """);
        event("lead", ana, "cus_x", null, null, days(1));
        sale(ana, "cus_x", 10_000, days(2));

        String spanish = staff().acceptLanguage("es").get("/admin/commissions").body();
        assertThat(spanish).contains("Plan Registered v1: 10% de 100,00\u00a0€ = 10,00\u00a0€, limitada a 8,00\u00a0€ (límite por cliente)")
                .contains("Plan Registered v1: 25,00\u00a0€ por un lead");
        String english = staff().get("/admin/commissions").body();
        assertThat(english).contains("Registered plan v1: 10% of €100.00 = €10.00, capped at €8.00 (cap per customer)");
        assertThat(commissionsOf(ana).get(1).get("explanation").asString()).as("the API keeps the stored English")
                .isEqualTo("Registered plan v1: 10% of 100.00 EUR = 10.00 EUR, capped at 8.00 EUR (cap per customer)");
    }

    private WebClient staff() {
        WebClient staff = browser();
        assertThat(staff.login(setup.tenant().ownerEmail(), Fixtures.PASSWORD).location()).isEqualTo("/admin");
        return staff;
    }

    private long versions() {
        return jdbc.sql("select count(*) from commission_plan where program_id = ?").param(setup.program().id().value())
                .query(Long.class).single();
    }

    private static Map<String, String> planForm(String percent) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tierId", "");
        form.put("effectiveFrom", "");
        form.put("holdDays", "30");
        form.put("combine", "highest");
        form.put("rules[0].trigger", "sale");
        form.put("rules[0].reward.type", "percentage");
        form.put("rules[0].reward.percent", percent);
        form.put("rules[0].rewardKind", "cash");
        return form;
    }
}
