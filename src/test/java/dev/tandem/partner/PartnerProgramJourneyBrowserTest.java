package dev.tandem.partner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tandem.core.Language;
import dev.tandem.notification.Email;
import dev.tandem.notification.Emails;
import dev.tandem.partner.web.PortalSignInLimiter;
import dev.tandem.partner.web.SubmissionRateLimiter;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner lifecycle's "Done when", walked end to end in a real Chromium by the two people it
 * is for: a program manager (in English) who sets a program up, reviews an application and
 * watches onboarding, and an applicant (a Spanish browser) who applies on the public page, signs in
 * to the portal from the approval email, accepts the agreement and finishes onboarding. Nothing is
 * set up behind the pages except the workspace and the manager's account. Every page is also
 * checked for console and script errors (a Content Security Policy violation shows up there).
 * Screenshots go to the folder named by {@code -Dtandem.screenshots=…}, if any.
 */
class PartnerProgramJourneyBrowserTest extends IntegrationTest {

    private static final Pattern PROGRAM_URL = Pattern.compile("/admin/programs/(prg_[0-9A-Za-z]+)$");
    private static final Pattern SIGN_IN_LINK = Pattern.compile("https?://[^/\\s\"]+(/portal/login/[A-Za-z0-9_-]+)");

    private static final String MANAGER_PASSWORD = "a manager's long password";
    private static final String PROGRAM = "Acme Partners";
    private static final String PROPOSAL = "20% of every paid invoice for 12 months, paid monthly.";
    private static final String QUESTION = "¿Dónde nos vas a recomendar?";
    private static final String APPLICANT = "Lucía Fernández";
    private static final String APPLICANT_EMAIL = "lucia@estudio-lucia.test";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    Fixtures fixtures;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Emails emails;
    @Autowired
    SubmissionRateLimiter applicationLimiter;
    @Autowired
    PortalSignInLimiter signInLimiter;

    @BeforeEach
    void freshInstall() {
        resetDatabase();
        applicationLimiter.clear();
        signInLimiter.clear();
    }

    @Test
    void aManagerLaunchesAProgramAndASpanishApplicantBecomesAnOnboardedPartner() {
        Fixtures.Tenant acme = fixtures.tenant("Acme");
        WorkspaceId workspace = acme.ids().workspaceId();
        String managerEmail = "marta.manager@acme.test";
        accounts.add(accounts.loadUserByUsername(acme.ownerEmail()), "Marta Manager", managerEmail, Role.MANAGER,
                MANAGER_PASSWORD);

        // 1. the manager sets the program up
        Page manager = open(new Browser.NewContextOptions().setViewportSize(1280, 900));
        manager.navigate("/login");
        manager.getByLabel("Email").fill(managerEmail);
        manager.getByLabel("Password").fill(MANAGER_PASSWORD);
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(manager).hasURL(Pattern.compile("/admin(\\?continue)?$"));
        assertThat(heading(manager)).hasText("Welcome, Marta Manager");

        mainNavigation(manager).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Programs")).click();
        assertThat(heading(manager)).hasText("Programs");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New program")).click();
        assertThat(heading(manager)).hasText("New program");
        manager.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(PROGRAM);
        manager.getByLabel("Referral").check();
        manager.getByLabel("Currency").selectOption("EUR");
        manager.getByLabel("Description").fill("For agencies and freelancers who recommend Acme invoicing.");
        manager.getByLabel("What partners earn, in one sentence").fill(PROPOSAL);
        manager.getByLabel("Default destination").fill("https://acme.example/");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create program")).click();

        assertThat(manager).hasURL(PROGRAM_URL);
        String programId = programIdOf(manager.url());
        assertThat(manager.getByRole(AriaRole.STATUS)).containsText("Program created.");
        assertThat(manager.locator("h1")).containsText(PROGRAM);
        assertThat(manager.locator("dl.facts").first()).containsText("EUR");
        assertThat(manager.locator("#commissionSummary")).hasValue(PROPOSAL);
        assertThat(manager.locator("#defaultDestination")).hasValue("https://acme.example/");
        String applicationPath = manager.locator("dl.facts code").first().textContent().strip();
        assertThat(applicationPath).matches("/p/[a-z0-9-]+");
        String slug = applicationPath.substring("/p/".length());
        assertThat(manager.locator("#setup ~ ul.steps a[href='" + applicationPath + "']")).isVisible();

        Locator tierForm = formWithButton(manager, "Add tier");
        tierForm.getByLabel("Name").fill("Gold");
        tierForm.getByLabel("Goals").fill("10 customers a year");
        tierForm.getByLabel("Perks").fill("Co-marketing and a dedicated contact");
        tierForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add tier")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).hasText("Tier added.");
        Locator tierRows = manager.locator("tr[data-tier]");
        assertThat(tierRows).hasCount(2);
        assertThat(tierRows.nth(0)).containsText("Registered");
        assertThat(tierRows.nth(0)).containsText("Default");
        assertThat(tierRows.nth(1)).containsText("Gold");
        assertThat(tierRows.nth(1)).containsText("10 customers a year");
        chromium.screenshot(manager, "journey-program.png");

        programTabs(manager).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Agreement").setExact(true)).click();
        assertThat(manager).hasURL(url("/admin/programs/" + programId + "/agreement"));
        assertThat(manager.getByText("No agreement published yet. Write the terms below and publish them.")).isVisible();
        manager.getByLabel("Applies to").selectOption(new SelectOption().setLabel("All partners of the program"));
        manager.getByLabel("Title").fill("Acme partner agreement");
        manager.getByLabel("Terms").fill("## Commission\n\nYou earn **20%** of every paid invoice for 12 months.\n\n"
                + "## Payment\n\nWe pay monthly, in EUR.");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).containsText("Version 1 published.");
        Locator inForce = manager.locator("table").first().locator("tbody tr");
        assertThat(inForce).hasCount(1);
        assertThat(inForce).containsText("All partners of the program");
        assertThat(inForce).containsText("v1");
        assertThat(inForce).containsText("Acme partner agreement");

        programTabs(manager).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Application form").setExact(true)).click();
        assertThat(manager).hasURL(url("/admin/programs/" + programId + "/form"));
        manager.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill(QUESTION);
        manager.getByLabel("Choice").check();
        manager.getByLabel("Options", new Page.GetByLabelOptions().setExact(true)).fill("Boletín\nRedes sociales\nEventos");
        manager.getByLabel("Applicants must answer this question").check();
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add question")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).hasText("Question added to the application form.");
        Locator question = manager.locator("tr[data-question]");
        assertThat(question).hasCount(1);
        assertThat(question).containsText(QUESTION);
        assertThat(question).containsText("Choice");
        assertThat(question).containsText("(Boletín / Redes sociales / Eventos)");
        assertThat(question.locator("td").nth(2)).hasText("Yes");

        manager.getByLabel("Judged on").selectOption(new SelectOption().setLabel("Question: " + QUESTION));
        manager.getByLabel("Fits when it is").fill("Boletín");
        manager.getByLabel("Weight", new Page.GetByLabelOptions().setExact(true)).fill("4");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add criterion")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).hasText("Criterion added to the ideal partner profile.");
        Locator criterion = manager.locator("tr[data-criterion]");
        assertThat(criterion).hasCount(1);
        assertThat(criterion).containsText("Question: " + QUESTION);
        assertThat(criterion).containsText("Boletín");
        assertThat(criterion.locator("td").nth(2)).hasText("4");

        programTabs(manager).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Onboarding").setExact(true)).click();
        assertThat(manager).hasURL(url("/admin/programs/" + programId + "/onboarding"));
        assertThat(heading(manager)).hasText("Onboarding: " + PROGRAM);
        assertThat(manager.getByText("No steps yet. Add the first one below.")).isVisible();
        manager.getByLabel("Kind").selectOption(new SelectOption().setLabel("Accept the agreement"));
        manager.getByLabel("Title").fill("Accept the partner agreement");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add step")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).hasText("Step added.");
        manager.getByLabel("Kind").selectOption(new SelectOption().setLabel("Read a page"));
        manager.getByLabel("Title").fill("Read the partner guide");
        manager.getByLabel("Address (optional)").fill("https://acme.example/partners/guide");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add step")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).hasText("Step added.");
        Locator steps = manager.locator("table.onboarding-steps tbody tr");
        assertThat(steps).hasCount(2);
        assertThat(steps.nth(0)).containsText("Accept the partner agreement");
        assertThat(steps.nth(0)).containsText("Tandem, when it happens");
        assertThat(steps.nth(1)).containsText("Read the partner guide");
        assertThat(steps.nth(1)).containsText("The partner");
        assertThat(manager.getByText("No approved partners yet.")).isVisible();

        // 2. a Spanish-speaking applicant applies on the public page
        Page applicant = open(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("es-ES"));
        applicant.navigate("/p/" + slug);
        assertThat(applicant.locator("html")).hasAttribute("lang", "es");
        assertThat(heading(applicant)).hasText("Hazte partner de " + PROGRAM);
        assertThat(applicant.getByText("Programa de partners", new Page.GetByTextOptions().setExact(true))).isVisible();
        Locator proposal = applicant.locator(".proposal");
        assertThat(proposal.getByRole(AriaRole.HEADING)).hasText("Lo que ganas");
        assertThat(proposal.locator(".offer")).hasText(PROPOSAL);
        // seen without scrolling
        assertThat(proposal.locator(".offer")).isInViewport();
        assertThat(proposal.boundingBox().y).as("the proposal comes before the form")
                .isLessThan(applicant.locator("form").boundingBox().y);
        assertThat(applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Solicitar ahora"))).isVisible();
        chromium.screenshot(applicant, "journey-apply-es.png");

        applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Solicitar ahora")).click();
        applicant.getByLabel("Tu nombre").fill(APPLICANT);
        applicant.getByLabel("Correo electrónico").fill(APPLICANT_EMAIL);
        applicant.getByLabel("Empresa").fill("Estudio Lucía");
        applicant.getByLabel("¿Cómo piensas recomendarnos a clientes?")
                .fill("Escribo un boletín para 3.000 autónomos y lo recomendaré allí.");
        applicant.getByLabel("Primera referencia").fill("Jorge Gil, jorge@clientes.test");
        applicant.getByLabel(QUESTION).selectOption("Boletín");
        applicant.getByLabel("Acepto las condiciones del programa").check();
        applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar mi solicitud")).click();

        assertThat(applicant).hasURL(url("/p/" + slug + "/thanks"));
        assertThat(applicant.locator("html")).hasAttribute("lang", "es");
        assertThat(heading(applicant)).hasText("Gracias por tu solicitud");
        assertThat(applicant.getByRole(AriaRole.STATUS)).hasText("Hemos recibido tu solicitud a " + PROGRAM
                + ". Te llegará una confirmación por correo.");
        assertThat(applicant.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Qué pasa ahora"))).isVisible();
        Email received = latestEmail(workspace, APPLICANT_EMAIL);
        assertThat(received.language()).isEqualTo(Language.ES);
        assertThat(received.subject()).isEqualTo("Hemos recibido tu solicitud a " + PROGRAM);
        chromium.screenshot(applicant, "journey-thanks-es.png");

        // 3. the manager reviews the application and approves it into Gold
        mainNavigation(manager).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Partners")).click();
        Locator programRow = manager.locator("tr[data-program='" + programId + "']");
        programRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("1 waiting for review")).click();
        assertThat(manager).hasURL(url("/admin/programs/" + programId + "/applications"));
        assertThat(heading(manager)).hasText("Applications to " + PROGRAM);
        Locator application = manager.locator("article.application");
        assertThat(application).hasCount(1);
        assertThat(application.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2)))
                .hasText(APPLICANT + " Fit 100/100");
        assertThat(application).containsText(APPLICANT_EMAIL);
        assertThat(application).containsText("Estudio Lucía");
        Locator reasons = application.locator("ul.reasons li");
        assertThat(reasons).hasCount(1);
        assertThat(reasons.first()).hasClass(Pattern.compile("\\bmatched\\b"));
        assertThat(reasons.first()).hasText("✓ " + QUESTION + ": “Boletín” hoped for: Boletín · weight 4");
        assertThat(application.locator("dl")).containsText(QUESTION);
        assertThat(application.locator("dl dd")).hasText("Boletín");
        assertThat(application).containsText("Escribo un boletín para 3.000 autónomos");
        assertThat(application).containsText("Jorge Gil, jorge@clientes.test");
        chromium.screenshot(manager, "journey-queue.png");

        application.getByLabel("Approve into tier").selectOption(new SelectOption().setLabel("Gold"));
        application.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        assertThat(manager.getByRole(AriaRole.STATUS))
                .hasText("Approved " + APPLICANT + ". No mail server is set up, so their email with a link to the partner portal"
                        + " waits in the Outbox.");
        assertThat(manager.locator("article.application")).hasCount(0);
        assertThat(manager.getByText("No applications are waiting for review.")).isVisible();

        mainNavigation(manager).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Partners")).click();
        Locator partnerRow = manager.locator("tbody tr", new Page.LocatorOptions().setHasText(APPLICANT_EMAIL));
        assertThat(partnerRow).containsText(APPLICANT);
        assertThat(partnerRow).containsText("Approved");
        assertThat(partnerRow).containsText("Gold");
        assertThat(manager.locator("tr[data-program='" + programId + "']")).containsText("0 waiting for review");

        // 4. the approval email, in Spanish, signs the partner in to the portal
        Email approved = latestEmail(workspace, APPLICANT_EMAIL);
        assertThat(approved.template()).isEqualTo("application-approved");
        assertThat(approved.language()).isEqualTo(Language.ES);
        assertThat(approved.subject()).isEqualTo("Bienvenido a " + PROGRAM + ": tu solicitud ha sido aprobada");
        assertThat(approved.bodyText()).contains("Hola, " + APPLICANT + ":")
                .contains("Buenas noticias: ya eres partner de " + PROGRAM + ".");
        assertThat(approved.bodyHtml()).contains("Abrir el portal de partners").contains("/portal/login/");
        Matcher link = SIGN_IN_LINK.matcher(approved.bodyText());
        assertThat(link.find()).as("a sign-in link in %s", approved.bodyText()).isTrue();

        applicant.navigate(link.group(1));
        assertThat(applicant.locator("html")).hasAttribute("lang", "es");
        assertThat(heading(applicant)).hasText("Entrar en el portal de partners");
        assertThat(applicant.getByText("Pulsa el botón para entrar. Después, el enlace deja de funcionar.")).isVisible();
        applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Iniciar sesión")).click();

        assertThat(applicant).hasURL(url("/portal"));
        assertThat(applicant.locator("html")).hasAttribute("lang", "es");
        assertThat(heading(applicant)).hasText("Hola, " + APPLICANT);
        Locator banner = applicant.locator("#pending-agreements");
        assertThat(banner).isVisible();
        assertThat(banner.getByRole(AriaRole.HEADING)).hasText("Tienes un acuerdo pendiente de aceptar");
        Locator home = applicant.locator("table.programs tbody tr");
        assertThat(home).hasCount(1);
        assertThat(home.locator("td").nth(0)).hasText(PROGRAM);
        assertThat(home.locator("td").nth(1)).hasText("Gold");
        assertThat(home.locator("td").nth(2)).hasText("Aprobado");
        assertThat(home.locator("td").nth(3)).hasText("Por aceptar: versión 1");
        assertThat(home.locator("td").nth(4)).hasText("0 de 2 pasos hechos");
        chromium.screenshot(applicant, "journey-portal-pending-es.png");

        banner.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Lee y acepta el acuerdo de " + PROGRAM + " (versión 1)")).click();
        assertThat(heading(applicant)).hasText("Acuerdo: " + PROGRAM);
        assertThat(applicant.locator(".agreement-text > h2")).hasText("Acme partner agreement");
        assertThat(applicant.locator(".agreement-text strong")).hasText("20%");
        applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acepto la versión 1")).click();
        assertThat(applicant.getByRole(AriaRole.STATUS)).containsText("Gracias: tu aceptación ha quedado registrada.");
        assertThat(applicant.locator("#pending-agreements")).hasCount(0);
        assertThat(applicant.getByText("Has aceptado esta versión.")).isVisible();

        Locator portalNav = applicant.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Portal de partners"));
        portalNav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Primeros pasos")).click();
        assertThat(heading(applicant)).hasText("Primeros pasos");
        Locator checklist = applicant.locator("article.checklist");
        assertThat(checklist).hasCount(1);
        assertThat(checklist.locator(".progress-count")).hasText("1 de 2 pasos hechos");
        Locator todo = checklist.locator("li.todo");
        assertThat(checklist.locator("li.done")).containsText("Accept the partner agreement");
        assertThat(todo).hasCount(1);
        assertThat(todo.getByRole(AriaRole.LINK)).hasText("Read the partner guide");
        assertThat(todo.getByRole(AriaRole.LINK)).hasAttribute("href", "https://acme.example/partners/guide");
        todo.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Marcar como hecho")).click();
        assertThat(applicant.getByRole(AriaRole.STATUS)).hasText("Paso hecho. ¡Muy bien!");
        assertThat(checklist.locator(".progress-count")).hasText("2 de 2 pasos hechos");
        assertThat(checklist.locator("li.done")).hasCount(2);
        assertThat(checklist.getByRole(AriaRole.BUTTON)).hasCount(0);
        chromium.screenshot(applicant, "journey-portal-onboarding-es.png");

        portalNav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inicio")).click();
        assertThat(applicant).hasURL(url("/portal"));
        assertThat(applicant.locator("#pending-agreements")).hasCount(0);
        assertThat(home.locator("td").nth(3)).hasText("Aceptado (versión 1)");
        assertThat(home.locator("td").nth(4)).hasText("2 de 2 pasos hechos");

        // the manager's onboarding board shows the partner as complete
        mainNavigation(manager).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Programs")).click();
        manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(PROGRAM).setExact(true)).click();
        programTabs(manager).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Onboarding").setExact(true)).click();
        assertThat(manager).hasURL(url("/admin/programs/" + programId + "/onboarding"));
        assertThat(manager.getByText("1 of 1 approved partners have done every step.")).isVisible();
        Locator board = manager.locator("table.onboarding-board tbody tr");
        assertThat(board).hasCount(1);
        assertThat(board).hasAttribute("data-partner", APPLICANT_EMAIL);
        assertThat(board.locator("td").nth(0)).containsText(APPLICANT);
        assertThat(board.locator(".progress-count")).hasText("2 / 2");
        assertThat(board.locator(".stuck-on")).hasText("Finished");
        assertThat(board.locator("td").nth(3)).hasText("✓");
        assertThat(board.locator("td").nth(4)).hasText("✓");
        assertThat(manager.locator("table.onboarding-steps .stuck-count")).hasText(new String[] {"0", "0"});
        chromium.screenshot(manager, "journey-onboarding-board.png");
    }

    private Page open(Browser.NewContextOptions options) {
        return chromium.open("http://localhost:" + port, options);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String programIdOf(String url) {
        Matcher id = PROGRAM_URL.matcher(url);
        assertThat(id.find()).as("a program's address: %s", url).isTrue();
        return id.group(1);
    }

    private Email latestEmail(WorkspaceId workspace, String address) {
        return emails.latestTo(workspace, address).orElseThrow(() -> new AssertionError("no email to " + address));
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static Locator mainNavigation(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions()
                // the menu's name is in the reader's language too
                .setName(java.util.regex.Pattern.compile("^(Main|Principal|Principale|Hovedmeny)$")));
    }

    private static Locator programTabs(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Program sections"));
    }

    private static Locator formWithButton(Page page, String button) {
        return page.locator("form").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button))));
    }

}
