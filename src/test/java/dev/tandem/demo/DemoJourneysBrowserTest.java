package dev.tandem.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import dev.tandem.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's journeys 2–5 walked on the demo, as a newcomer walks them after {@code --demo}: only through
 * the pages, as the demo owner (English) and a new partner with a Spanish browser. The one thing sent
 * behind the pages is the sale, through the API as an integrator would, with a key made on the API keys
 * page. Emails are read where a laptop without a mail server keeps them: the Outbox.
 * <ol start="2">
 * <li>the owner creates a program with a Gold tier, an agreement, an application question, an onboarding
 * step and a commission plan;</li>
 * <li>a Spanish applicant applies, the owner approves her into Gold, she signs in by the link in the
 * approval email (opened from the Outbox), accepts the agreement and finishes onboarding;</li>
 * <li>she copies her link, a visitor follows it and leaves their details on her referral page, the sale
 * comes through the API, and she sees the customer and the commission in her portal, in euros the
 * Spanish way;</li>
 * <li>the owner approves her commission and a demo partner's, runs a payout of the demo program, marks a
 * payout paid and downloads its statement; that demo partner signs in by email (the link read in the
 * Outbox, as the "check your inbox" page says) and downloads the same statement from the portal.</li>
 * </ol>
 * Journey 1 (first-run setup and sign-in) needs a Tandem without a workspace, which the demo is not: it is
 * walked by {@code dev.tandem.web.AdminJourneyBrowserTest}. Like {@link DemoSeedTest}, this test has a
 * database of its own. Screenshots at each step; any console error fails it (the {@link Chromium} extension).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoJourneysBrowserTest {

    private static final Path DATA_DIR = createDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PROGRAM_URL = Pattern.compile("/admin/programs/(prg_[0-9A-Za-z]+)$");
    private static final Pattern CLICK = Pattern.compile("[?&]tnd_click=([A-Za-z0-9_-]+)");

    private static final String PROGRAM = "Northwind Resellers";
    private static final String SHOP = "https://resellers.northwind.example/";
    private static final String QUESTION = "¿A qué clientes recomendarías Northwind?";
    private static final String APPLICANT = "Carmen Vidal";
    private static final String APPLICANT_EMAIL = "carmen@vidal-asesores.test";
    private static final String LEAD_EMAIL = "rosa@panaderia-rosa.test";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("tandem.demo", () -> "true");
        registry.add("tandem.payout.scheduled-runs", () -> "false");
        registry.add("tandem.database.url", () -> "");
        registry.add("tandem.database.data-dir", DATA_DIR::toString);
        registry.add("tandem.database.clean-data-dir", () -> "true");
        registry.add("tandem.bootstrap.email", () -> "");
    }

    @Test
    void theDemoOwnerAndANewSpanishPartnerWalkJourneysTwoToFive() throws IOException, InterruptedException {
        Page owner = open("en-US");
        owner.navigate("/login");
        owner.getByLabel("Email").fill(DemoSeeder.OWNER_EMAIL);
        owner.getByLabel("Password").fill(DemoSeeder.OWNER_PASSWORD);
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(heading(owner)).hasText("Welcome, Dana Demo");

        String programId = journeyTwoCreatesTheProgram(owner);
        Page partner = open("es-ES");
        String slug = journeyThreeOnboardsASpanishPartner(owner, partner, programId);
        journeyFourCreditsASaleToHer(owner, partner, programId, slug);
        journeyFivePaysOut(owner);
    }

    private String journeyTwoCreatesTheProgram(Page owner) {
        nav(owner, "Programs");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New program")).click();
        owner.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(PROGRAM);
        owner.getByLabel("Referral").check();
        owner.getByLabel("Currency").selectOption("EUR");
        owner.getByLabel("Description").fill("For accountants and consultants who resell Northwind.");
        owner.getByLabel("What partners earn, in one sentence").fill("20% of every sale, 30% for Gold resellers.");
        owner.getByLabel("Default destination").fill(SHOP);
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create program")).click();
        assertThat(owner).hasURL(PROGRAM_URL);
        Matcher id = PROGRAM_URL.matcher(owner.url());
        assertThat(id.find()).isTrue();
        String programId = id.group(1);
        assertThat(owner.getByRole(AriaRole.STATUS)).containsText("Program created.");
        assertThat(owner.locator("h1")).containsText(PROGRAM);

        Locator tierForm = owner.locator("form").filter(new Locator.FilterOptions().setHas(
                owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add tier"))));
        tierForm.getByLabel("Name").fill("Gold");
        tierForm.getByLabel("Goals").fill("10 customers a year");
        tierForm.getByLabel("Perks").fill("30% commission");
        tierForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add tier")).click();
        assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Tier added.");
        assertThat(owner.locator("tr[data-tier]")).hasCount(2);
        assertThat(owner.locator("tr[data-tier]").nth(1)).containsText("Gold");
        chromium.screenshot(owner, "demo-journeys/2-1-program.png");

        tab(owner, "Agreement");
        owner.getByLabel("Applies to").selectOption(new SelectOption().setLabel("All partners of the program"));
        owner.getByLabel("Title").fill("Northwind reseller agreement");
        owner.getByLabel("Terms").fill("## Commission\n\nYou earn **30%** of every sale as a Gold reseller.");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(owner.getByRole(AriaRole.STATUS)).containsText("Version 1 published.");
        chromium.screenshot(owner, "demo-journeys/2-2-agreement.png");

        tab(owner, "Application form");
        owner.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill(QUESTION);
        owner.getByLabel("Choice").check();
        owner.getByLabel("Options", new Page.GetByLabelOptions().setExact(true)).fill("Pymes\nAutónomos");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add question")).click();
        assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Question added to the application form.");
        assertThat(owner.locator("tr[data-question]")).containsText(QUESTION);
        chromium.screenshot(owner, "demo-journeys/2-3-form.png");

        tab(owner, "Onboarding");
        owner.getByLabel("Kind").selectOption(new SelectOption().setLabel("Accept the agreement"));
        owner.getByLabel("Title").fill("Accept the reseller agreement");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add step")).click();
        assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Step added.");
        owner.getByLabel("Kind").selectOption(new SelectOption().setLabel("Read a page"));
        owner.getByLabel("Title").fill("Read the reseller guide");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add step")).click();
        assertThat(owner.locator("table.onboarding-steps tbody tr")).hasCount(2);

        owner.navigate("/admin/programs/" + programId + "/plans");
        owner.locator("#f-tierId").selectOption(new SelectOption().setLabel("Gold"));
        owner.locator("#f-holdDays").fill("14");
        owner.locator("#f-rules-0-reward-percent").fill("30");
        owner.locator("form.plan-form button[type=submit]").click();
        assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Version 1 published.");
        assertThat(owner.locator("tr[data-state=inForce]")).containsText("30%");
        chromium.screenshot(owner, "demo-journeys/2-4-plan.png");
        return programId;
    }

    private String journeyThreeOnboardsASpanishPartner(Page owner, Page partner, String programId) {
        owner.navigate("/admin/programs/" + programId);
        String applicationPath = owner.locator("dl.facts code").first().textContent().strip();
        String slug = applicationPath.substring("/p/".length());

        partner.navigate(applicationPath);
        assertThat(partner.locator("html")).hasAttribute("lang", "es");
        assertThat(heading(partner)).hasText("Hazte partner de " + PROGRAM);
        partner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Solicitar ahora")).click();
        partner.getByLabel("Tu nombre").fill(APPLICANT);
        partner.getByLabel("Correo electrónico").fill(APPLICANT_EMAIL);
        partner.getByLabel("Empresa").fill("Vidal Asesores");
        partner.getByLabel("¿Cómo piensas recomendarnos a clientes?").fill("Asesoro a 200 pymes de Valencia.");
        partner.getByLabel("Primera referencia").fill("Rosa, Panadería Rosa");
        partner.getByLabel(QUESTION).selectOption("Pymes");
        partner.getByLabel("Acepto las condiciones del programa").check();
        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar mi solicitud")).click();
        assertThat(heading(partner)).hasText("Gracias por tu solicitud");
        chromium.screenshot(partner, "demo-journeys/3-1-applied-es.png");

        nav(owner, "Partners");
        owner.locator("tr[data-program='" + programId + "']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("1 waiting for review")).click();
        Locator application = owner.locator("article.application");
        assertThat(application).hasCount(1);
        assertThat(application).containsText(APPLICANT_EMAIL);
        application.getByLabel("Approve into tier").selectOption(new SelectOption().setLabel("Gold"));
        application.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Approved " + APPLICANT + ". No mail server is set up, so"
                + " their email with a link to the partner portal waits in the Outbox.");
        chromium.screenshot(owner, "demo-journeys/3-2-approved.png");

        // no mail server on a laptop: the approval email, with its sign-in link, waits in the Outbox
        nav(owner, "Outbox");
        owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Bienvenido a " + PROGRAM + ": tu solicitud ha sido aprobada")).click();
        Locator signIn = owner.locator("ul.email-links a").filter(new Locator.FilterOptions().setHasText("/portal/login/"));
        assertThat(signIn).hasCount(1);
        chromium.screenshot(owner, "demo-journeys/3-3-outbox.png");
        String link = signIn.getAttribute("href");

        partner.navigate(link.substring(link.indexOf("/portal/login/")));
        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Iniciar sesión")).click();
        assertThat(heading(partner)).hasText("Hola, " + APPLICANT);
        Locator home = partner.locator("table.programs tbody tr").filter(new Locator.FilterOptions().setHasText(PROGRAM));
        assertThat(home.locator("td").nth(1)).hasText("Gold");
        assertThat(home.locator("td").nth(2)).hasText("Aprobado");
        assertThat(home.locator("td").nth(3)).hasText("Por aceptar: versión 1");
        chromium.screenshot(partner, "demo-journeys/3-4-portal-es.png");

        partner.locator("#pending-agreements").getByRole(AriaRole.LINK).first().click();
        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acepto la versión 1")).click();
        assertThat(partner.getByRole(AriaRole.STATUS)).containsText("Gracias: tu aceptación ha quedado registrada.");

        partner.locator("nav a[href='/portal/onboarding']").click();
        Locator checklist = partner.locator("article.checklist");
        assertThat(checklist.locator(".progress-count")).hasText("1 de 2 pasos hechos");
        checklist.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Marcar como hecho")).click();
        assertThat(partner.getByRole(AriaRole.STATUS)).hasText("Paso hecho. ¡Muy bien!");
        assertThat(checklist.locator(".progress-count")).hasText("2 de 2 pasos hechos");
        chromium.screenshot(partner, "demo-journeys/3-5-onboarded-es.png");
        return slug;
    }

    private void journeyFourCreditsASaleToHer(Page owner, Page partner, String programId, String slug)
            throws IOException, InterruptedException {
        partner.locator("nav a[href='/portal/links']").click();
        Locator block = partner.locator("article.program-links[data-program='" + programId + "']");
        String linkUrl = block.locator(".link-card input[readonly]").first().inputValue();
        String pageUrl = block.locator(".referral-page input[readonly]").inputValue();
        assertThat(linkUrl).contains("/r/");
        assertThat(pageUrl).contains("/p/" + slug + "/");
        chromium.screenshot(partner, "demo-journeys/4-1-links-es.png");

        // a visitor follows her link; the shop it leads to does not exist, so the visitor's browser takes the
        // redirect without loading the shop (same cookies as the page: the tnd_click cookie stays with it)
        Page visitor = open("en-US");
        String clickId = follow(visitor, linkUrl.substring(linkUrl.indexOf("/r/")));

        visitor.navigate(pageUrl.substring(pageUrl.indexOf("/p/")));
        visitor.locator("#name").fill("Rosa Martín");
        visitor.locator("#email").fill(LEAD_EMAIL);
        visitor.locator("#company").fill("Panadería Rosa");
        visitor.waitForTimeout(2_500); // the form refuses what is filled faster than a person could
        visitor.locator("form button[type=submit]").click();
        assertThat(visitor).hasURL(Pattern.compile("/thanks$"));
        chromium.screenshot(visitor, "demo-journeys/4-2-lead-thanks.png");

        nav(owner, "API keys");
        owner.locator("#name").fill("Demo journeys");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        String key = owner.locator("#new-secret").textContent().strip();
        assertThat(key).startsWith("tnd_sk_");
        assertThat(owner.locator("#try-key")).hasText(Pattern.compile("^curl -H \"Authorization: Bearer " + key
                + "\" http://\\S+/api/v1/workspace$"));
        chromium.screenshot(owner, "demo-journeys/4-2b-api-key.png");

        HttpResponse<String> sale = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id": "inv-demo-1", "type": "sale", "amount": 49900, "currency": "EUR", "clickId": "%s",
                         "customer": {"externalId": "cus_rosa", "email": "%s", "name": "Rosa Martín"}}
                        """.formatted(clickId, LEAD_EMAIL))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(sale.body());
        assertThat(answer.get("referral").get("status").asString()).isEqualTo("customer");
        assertThat(answer.get("commissions")).hasSize(1);

        partner.locator("nav a[href='/portal/referrals']").click();
        Locator referral = partner.locator("tr[data-referral]").filter(new Locator.FilterOptions().setHasText("Rosa"));
        assertThat(referral).hasCount(1);
        assertThat(referral).containsText("Cliente");
        chromium.screenshot(partner, "demo-journeys/4-3-referral-es.png");

        partner.locator("nav a[href='/portal/earnings']").click();
        assertThat(partner.locator(".balance[data-currency=EUR] .amount.pending")).hasText("149,70 €");
        assertThat(partner.locator("tr[data-commission]").first()).containsText("149,70 €");
        chromium.screenshot(partner, "demo-journeys/4-4-earnings-es.png");
    }

    private void journeyFivePaysOut(Page owner) {
        nav(owner, "Commissions");
        Locator hers = owner.locator("tr[data-commission]").filter(new Locator.FilterOptions().setHasText(APPLICANT));
        assertThat(hers).hasCount(1);
        assertThat(hers).containsText("€149.70");
        assertThat(hers).containsText("Pending");
        hers.locator("input[type=checkbox]").check();
        Locator demoPending = owner.locator("tr[data-commission]").filter(new Locator.FilterOptions().setHasText("Pending"))
                .filter(new Locator.FilterOptions().setHasNotText(APPLICANT)).first();
        String demoCommission = demoPending.getAttribute("data-commission");
        demoPending.locator("input[type=checkbox]").check();
        owner.locator("button[name=action][value=approve]").click();
        assertThat(owner.getByRole(AriaRole.STATUS)).hasText("Approved: 2.");
        assertThat(owner.locator("tr[data-commission='" + demoCommission + "']")).containsText("Approved");
        assertThat(hers).containsText("Approved");
        chromium.screenshot(owner, "demo-journeys/5-1-approved.png");

        nav(owner, "Payouts");
        owner.locator("#programId").selectOption(new SelectOption().setLabel(DemoSetup.PARTNERS_PROGRAM));
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a payout run")).click();
        owner.waitForURL("**/admin/payouts/runs/run_*");
        Locator drafts = owner.locator("tr[data-payout]");
        assertThat(drafts.first().locator(".status")).hasText("Draft");
        chromium.screenshot(owner, "demo-journeys/5-2-run-draft.png");

        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve every draft")).click();
        assertThat(owner.getByRole(AriaRole.STATUS)).containsText("Every draft payout is approved");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the approved payouts")).click();
        Locator bank = owner.locator("tr[data-payout]").filter(new Locator.FilterOptions()
                .setHas(owner.getByLabel("Bank reference"))).first();
        String payout = bank.getAttribute("data-payout");
        Locator paid = owner.locator("tr[data-payout='" + payout + "']");
        paid.getByLabel("Bank reference").fill("NW-JOURNEY-1");
        paid.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark paid")).click();
        assertThat(paid.locator(".status")).hasText("Paid");
        assertThat(paid).containsText("Reference NW-JOURNEY-1");
        chromium.screenshot(owner, "demo-journeys/5-3-run-paid.png");

        assertPdf(owner.waitForDownload(
                paid.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Statement (PDF)"))::click));

        // the demo partner paid signs in as any demo partner can: by email, the link read in the Outbox
        String row = paid.locator("td").first().textContent().strip();
        DemoPeople.Person person = DemoPeople.ALL.stream().filter(p -> p.name().equals(row)).findFirst()
                .orElseThrow(() -> new AssertionError("no demo partner named " + row));
        Page demoPartner = open("en-US");
        demoPartner.navigate("/portal/login");
        demoPartner.getByLabel("Email").fill(person.email());
        demoPartner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(heading(demoPartner)).hasText("Check your inbox");
        assertThat(demoPartner.locator("p.alert")).containsText("Outbox (/admin/outbox)");
        chromium.screenshot(demoPartner, "demo-journeys/5-4-check-inbox.png");

        nav(owner, "Outbox");
        owner.locator("tr[data-email]").filter(new Locator.FilterOptions().setHasText(person.email())).first()
                .getByRole(AriaRole.LINK).click();
        String link = owner.locator("ul.email-links a").filter(new Locator.FilterOptions().setHasText("/portal/login/"))
                .getAttribute("href");
        demoPartner.navigate(link.substring(link.indexOf("/portal/login/")));
        demoPartner.locator("form button[type=submit]").click();
        demoPartner.waitForURL("**/portal");
        demoPartner.locator("nav a[href='/portal/payouts']").click();
        Locator hersPaid = demoPartner.locator("tr[data-payout='" + payout + "']");
        assertThat(hersPaid).hasAttribute("data-status", "paid");
        chromium.screenshot(demoPartner, "demo-journeys/5-5-portal-payouts.png");
        assertPdf(demoPartner.waitForDownload(hersPaid.locator("a[href$='/statement.pdf']")::click));
    }

    private static void assertPdf(Download download) {
        try {
            byte[] pdf = Files.readAllBytes(download.path());
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // the redirect learns of a link made a moment ago through NOTIFY or a miss lookup
    private static String follow(Page visitor, String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            APIResponse redirect = visitor.context().request().get(path, RequestOptions.create().setMaxRedirects(0));
            String location = redirect.headers().getOrDefault("location", "");
            Matcher click = CLICK.matcher(location);
            if (redirect.status() == 302 && location.startsWith(SHOP) && click.find()) {
                return click.group(1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the link never led to the shop: " + redirect.status() + " " + location);
            }
            visitor.waitForTimeout(200);
        }
    }

    private Page open(String locale) {
        return chromium.open("http://localhost:" + port,
                new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
    }

    private static void nav(Page page, String name) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private static void tab(Page page, String name) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Program sections"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("tandem-demo-journeys-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
