package dev.tandem.payout;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.tandem.commission.CommissionTestBase;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The payout pages as a manager and a partner use them: start a run, approve, send, mark paid; see and download. */
class PayoutPagesTest extends CommissionTestBase {

    @Autowired
    StaffAccounts accounts;

    private ProgramFixtures.Member ana;
    private ProgramFixtures.Member cy;

    private void approvedCommissions(String name) {
        start(name);
        ana = programs.approvedPartner(setup, "Ana Pages");
        cy = programs.approvedPartner(setup, "Cy Pages");
        payoutMethod(ana, "{\"type\": \"sepa\", \"holderName\": \"Ana Pages\", \"iban\": \"ES9121000418450200051332\"}");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(ana, "cus_pa", 100_000, days(1));
        sale(cy, "cus_pc", 20_000, days(1));
        later(Duration.ofDays(16));
    }

    @Test
    void aManagerRunsApprovesSendsAndMarksPaidFromThePages() throws IOException {
        approvedCommissions("Payout pages");
        assertThat(api.put("/api/v1/workspace/payout-account", """
                {"name": "Acme Software GmbH", "country": "DE", "vatId": "DE123456789"}""").status()).isEqualTo(200);
        assertThat(api.put("/api/v1/partners/" + ana.partner().id() + "/billing", """
                {"legalName": "Ana Pages SL", "address": "Calle Mayor 1, Madrid", "country": "ES", "vatId": "ESB12345678"}""")
                .status()).isEqualTo(200);
        WebClient manager = staff(setup.tenant().ownerEmail());

        assertThat(manager.get("/admin/payouts").body()).contains("No payout run yet").contains("Start a payout run");
        WebClient.Page started = manager.post("/admin/payouts/runs", Map.of("programId", setup.program().id().toString(),
                "currency", ""));
        assertThat(started.location()).startsWith("/admin/payouts/runs/run_");
        String run = manager.get(started.location()).body();
        assertThat(run).contains("The run is ready").contains("Ana Pages").contains("€100.00").contains("Draft")
                .contains("IBAN ES91 •••• 1332").contains("Cy Pages").contains("No payout details yet")
                .contains("Files appear once payouts are approved");
        String payoutId = between(run, "data-payout=\"", "\"");

        manager.post(started.location() + "/approve", Map.of());
        assertThat(manager.get(started.location()).body()).contains("Every draft payout is approved").contains("Approved")
                .contains("Set your paying bank account");
        manager.post(started.location() + "/send", Map.of());
        assertThat(manager.get(started.location()).body()).contains("On its way");
        manager.post("/admin/payouts/" + payoutId + "/mark-paid", Map.of("reference", "BANK-778"));
        String paid = manager.get(started.location()).body();
        assertThat(paid).contains("Payout marked paid").contains("data-status=\"paid\"").contains("Reference BANK-778")
                .as("an EU business partner gets a numbered self-billing invoice").contains("Invoice SB-2026-000001");
        assertBooksBalance();

        WebClient.Download pdf = manager.download("/admin/payouts/" + payoutId + "/statement.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(payoutId).contains("Ana Pages")
                    .contains("€100.00");
        }
        WebClient.Download invoice = manager.download("/admin/payouts/" + payoutId + "/invoice.pdf");
        try (var document = Loader.loadPDF(invoice.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("SB-2026-000001").contains("ESB12345678")
                    .contains("DE123456789").contains("Reverse charge").contains("Self-billing");
        }
        WebClient.Download archive = manager.download(started.location() + "/statements.zip");
        java.util.List<String> entries = new java.util.ArrayList<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(archive.body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).containsExactly(payoutId + "-statement.pdf", payoutId + "-invoice-SB-2026-000001.pdf");
    }

    @Test
    void refusalsAreInTheManagersLanguageAndViewersCannotAct() {
        approvedCommissions("Payout refusals");
        WebClient spanish = staff(setup.tenant().ownerEmail()).acceptLanguage("es");
        spanish.get("/admin/payouts");
        spanish.post("/admin/payouts/runs", Map.of("programId", setup.program().id().toString(), "currency", "EUROS"));
        assertThat(spanish.get("/admin/payouts").body()).contains(message("es", "payout.field.currency"));

        spanish.get("/admin/payouts/settings");
        spanish.post("/admin/payouts/settings/account", Map.of("name", "Acme", "iban", "ES91 2100 0418 4502 0005 1333",
                "bic", "", "address", "", "country", "XX", "vatId", ""));
        String settings = spanish.get("/admin/payouts/settings").body();
        assertThat(settings).contains("IBAN").contains(message("es", "portal.payout.error.ibanChecksum"))
                .contains(message("es", "payout.error.country"));
        assertThat(api.get("/api/v1/workspace/payout-account").json().get("name").asString()).as("nothing was stored")
                .isEmpty();

        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.test";
        accounts.add(accounts.loadUserByUsername(setup.tenant().ownerEmail()), "Vi Viewer", email, Role.VIEWER,
                Fixtures.PASSWORD);
        WebClient viewer = staff(email);
        assertThat(viewer.get("/admin/payouts").body()).doesNotContain("Start a payout run");
        assertThat(viewer.post("/admin/payouts/runs", Map.of("programId", setup.program().id().toString())).status())
                .isEqualTo(403);
    }

    @Test
    void aPartnerSeesWhyTheirMoneyWaitsAndDownloadsOnlyTheirOwnStatements() {
        approvedCommissions("Portal payouts");
        JsonRun run = new JsonRun(run(setup.program()));
        WebClient cyBrowser = programs.portal(browser(), setup.workspace(), cy.partner());
        String page = cyBrowser.get("/portal/payouts").body();
        assertThat(page).contains("€20.00 is waiting").contains("Add your payout details").contains("href=\"/portal/payout\"");
        assertThat(cyBrowser.download("/portal/payouts/" + run.payoutOf(ana) + "/statement.pdf").status())
                .as("another partner's statement is unknown").isEqualTo(404);

        payOutAna(run);
        WebClient anaBrowser = programs.portal(browser(), setup.workspace(), ana.partner());
        String anas = anaBrowser.get("/portal/payouts").body();
        assertThat(anas).contains("€100.00").contains("Paid").contains("/portal/payouts/" + run.payoutOf(ana) + "/statement.pdf");
        assertThat(anaBrowser.download("/portal/payouts/" + run.payoutOf(ana) + "/statement.pdf").contentType())
                .isEqualTo("application/pdf");

        anaBrowser.post("/portal/payouts/billing", Map.of("legalName", "", "address", "", "country", "Spain",
                "vatId", "ESB12345678"));
        assertThat(anaBrowser.get("/portal/payouts").body()).contains("Legal name is required")
                .contains("Country (two letters, e.g. ES) must be a two-letter country code");
    }

    private void payOutAna(JsonRun run) {
        String id = run.payoutOf(ana);
        assertThat(api.post("/api/v1/payouts/" + id + "/approve", "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/payouts/" + id + "/mark-paid", "{}").status()).isEqualTo(200);
    }

    private record JsonRun(tools.jackson.databind.JsonNode json) {
        String payoutOf(ProgramFixtures.Member m) {
            return payoutTo(json, m).get("id").asString();
        }
    }

    private WebClient staff(String email) {
        WebClient browser = browser();
        assertThat(browser.login(email, Fixtures.PASSWORD).location()).endsWith("/admin");
        return browser;
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    private String message(String language, String key) {
        return messages.getMessage(key, null, java.util.Locale.forLanguageTag(language));
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from) + from.length();
        return text.substring(start, text.indexOf(to, start));
    }
}
