package dev.tandem.program;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramPagesTest extends IntegrationTest {

    private static final Pattern PROGRAM_ID = Pattern.compile("/admin/programs/(prg_[A-Za-z0-9]+)");

    @Autowired
    Fixtures fixtures;

    @Autowired
    StaffAccounts accounts;

    private Fixtures.Tenant acme;
    private WebClient owner;

    @BeforeEach
    void workspaceWithSignedInOwner() {
        acme = fixtures.tenant("Acme");
        owner = signedIn(acme.ownerEmail(), Fixtures.PASSWORD);
    }

    @Test
    void aNewWorkspaceSeesAnEmptyListThatSaysWhatToDo() {
        WebClient.Page list = owner.get("/admin/programs");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("No programs yet. Create your first one with")
                .contains("action=\"/admin/programs/new\"")
                .contains("href=\"/admin/programs\"");
    }

    @Test
    void aProgramIsCreatedThroughThePageOnceEveryProblemIsShownNextToItsField() {
        assertThat(owner.get("/admin/programs/new").status()).isEqualTo(200);

        WebClient.Page refused = owner.post("/admin/programs", invalidProgram());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(errorOf(refused, "name")).isEqualTo("Name is required");
        assertThat(errorOf(refused, "currency")).isEqualTo("Currency must be a currency code such as EUR");
        assertThat(errorOf(refused, "defaultDestination"))
                .isEqualTo("Default destination must be an http or https address, e.g. https://example.com/");
        assertThat(errorOf(refused, "allowedHosts"))
                .isEqualTo("Other allowed hosts must be host names only, one per line, e.g. shop.example.com");
        assertThat(errorOf(refused, "windowDays")).isEqualTo("Attribution window (days) must be between 1 and 365 days");
        assertThat(errorOf(refused, "slug")).startsWith("Address (optional) must be 3 to 64 lower-case letters");
        assertThat(errorOf(refused, "description")).isNull();
        assertThat(refused.body()).contains("value=\"ftp://x\"").contains("Please correct the highlighted fields.");
        assertThat(programCount()).isZero();

        WebClient.Page created = owner.post("/admin/programs", validProgram("Acme Outdoor Ambassadors"));

        assertThat(created.status()).isEqualTo(302);
        Matcher id = PROGRAM_ID.matcher(created.location());
        assertThat(id.matches()).as("redirect %s", created.location()).isTrue();
        WebClient.Page overview = owner.get(created.location());
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("Program created.").contains("Acme Outdoor Ambassadors")
                .contains("Registered").contains("/p/acme-outdoor-ambassadors");
        assertThat(jdbc.sql("select currency || ' ' || type || ' ' || attribution_window_days || ' '"
                        + " || array_to_string(allowed_hosts, ',') from program where workspace_id = ?")
                .param(acme.ids().workspaceId().value()).query(String.class).single())
                .isEqualTo("NOK affiliate 30 shop.acme.test,docs.acme.test");
        assertThat(tierNames(id.group(1))).containsExactly("Registered*");

        WebClient.Page list = owner.get("/admin/programs");
        assertThat(list.body()).contains("Acme Outdoor Ambassadors").contains("Affiliate").contains("NOK")
                .contains("href=\"/p/acme-outdoor-ambassadors\"").doesNotContain("No programs yet");
    }

    @Test
    void errorsAreShownInTheReadersLanguage() {
        WebClient spanish = signedIn(acme.ownerEmail(), Fixtures.PASSWORD).acceptLanguage("es");
        spanish.get("/admin/programs/new");

        WebClient.Page refused = spanish.post("/admin/programs", invalidProgram());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("<html lang=\"es\"");
        assertThat(errorOf(refused, "currency")).isEqualTo("Moneda debe ser un código de moneda como EUR");
        assertThat(errorOf(refused, "windowDays")).isEqualTo("Ventana de atribución (días) debe estar entre 1 y 365 días");
        assertThat(errorOf(refused, "name")).isEqualTo("Nombre es obligatorio");
        assertThat(programCount()).isZero();
    }

    @Test
    void aSecondTierIsAddedEditedAndMadeTheDefault() {
        String program = createProgram("Tiered");
        owner.get("/admin/programs/" + program);

        WebClient.Page added = owner.post("/admin/programs/" + program + "/tiers",
                Map.of("name", "Gold", "goals", "10 customers a year", "perks", "Co-marketing"));
        assertThat(added.location()).isEqualTo("/admin/programs/" + program + "#tiers");
        assertThat(owner.get(added.location()).body()).contains("Tier added.").contains("10 customers a year");
        WebClient.Page duplicate = owner.post("/admin/programs/" + program + "/tiers",
                Map.of("name", "gold", "goals", "", "perks", ""));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(errorOf(duplicate, "tier-name")).isEqualTo("Name is already the name of another tier of this program");
        String gold = tierId(program, "Gold");

        assertThat(owner.get("/admin/programs/" + program + "/tiers/" + gold).body()).contains("value=\"Gold\"");
        WebClient.Page saved = owner.post("/admin/programs/" + program + "/tiers/" + gold,
                Map.of("name", "Gold", "goals", "12 customers a year", "perks", "Co-marketing, a dedicated contact"));
        assertThat(owner.get(saved.location()).body()).contains("Tier saved.");
        WebClient.Page madeDefault = owner.post("/admin/programs/" + program + "/tiers/" + gold + "/default", Map.of());

        assertThat(madeDefault.location()).isEqualTo("/admin/programs/" + program + "#tiers");
        assertThat(tierNames(program)).containsExactly("Registered", "Gold*");
        assertThat(jdbc.sql("select goals from tier where id = ?").param(TierId.parse(gold).value())
                .query(String.class).single()).isEqualTo("12 customers a year");
        assertThat(owner.get("/admin/programs/" + program).body()).contains("Default tier changed.");
    }

    @Test
    void settingsAndAutoApprovalAreSavedFromTheOverview() {
        String program = createProgram("Settings");
        owner.get("/admin/programs/" + program);

        WebClient.Page badSettings = owner.post("/admin/programs/" + program + "/settings", settings("", "400"));
        assertThat(badSettings.status()).isEqualTo(200);
        assertThat(errorOf(badSettings, "name")).isEqualTo("Name is required");
        assertThat(errorOf(badSettings, "windowDays")).isEqualTo("Attribution window (days) must be between 1 and 365 days");
        assertThat(owner.post("/admin/programs/" + program + "/settings", settings("Renamed", "45")).location())
                .isEqualTo("/admin/programs/" + program);

        WebClient.Page badAutoApproval = owner.post("/admin/programs/" + program + "/auto-approval",
                Map.of("minScore", "101", "domains", "acme.test"));
        assertThat(errorOf(badAutoApproval, "minScore"))
                .isEqualTo("Minimum fit score must be a number from 0 to 100, or empty");
        WebClient.Page badDomain = owner.post("/admin/programs/" + program + "/auto-approval",
                Map.of("minScore", "", "domains", "localhost"));
        assertThat(errorOf(badDomain, "domains"))
                .isEqualTo("Email domains must be email domains only, one per line, e.g. example.com");
        WebClient.Page saved = owner.post("/admin/programs/" + program + "/auto-approval",
                Map.of("minScore", "70", "domains", "acme.test\n@Partners.Example.com"));

        assertThat(saved.location()).isEqualTo("/admin/programs/" + program + "#auto-approval");
        assertThat(jdbc.sql("select name || ' ' || attribution_window_days || ' ' || auto_approve_min_score || ' '"
                        + " || array_to_string(auto_approve_domains, ',') from program where id = ?")
                .param(ProgramId.parse(program).value()).query(String.class).single())
                .isEqualTo("Renamed 45 70 acme.test,partners.example.com");
        assertThat(owner.get("/admin/programs/" + program).body())
                .contains("approved when the fit score is at least 70.")
                .contains("approved when the email is at acme.test, partners.example.com.");
    }

    @Test
    void theFallbackDestinationMustStayOnTheProgramsHosts() {
        String program = createProgram("Fallback");
        owner.get("/admin/programs/" + program);

        WebClient.Page foreign = owner.post("/admin/programs/" + program + "/tracking",
                Map.of("fallbackDestination", "https://elsewhere.test/", "lifetimeBinding", "true"));
        assertThat(errorOf(foreign, "fallbackDestination"))
                .isEqualTo("Fallback destination must be on one of the program's allowed hosts");
        assertThat(jdbc.sql("select fallback_destination is null and lifetime_binding from program where id = ?")
                .param(ProgramId.parse(program).value()).query(Boolean.class).single()).isTrue();

        // an unticked checkbox is simply absent from the form
        WebClient.Page saved = owner.post("/admin/programs/" + program + "/tracking", Map.of("fallbackDestination", ""));
        assertThat(saved.location()).isEqualTo("/admin/programs/" + program + "#tracking");
        assertThat(jdbc.sql("select lifetime_binding from program where id = ?")
                .param(ProgramId.parse(program).value()).query(Boolean.class).single()).isFalse();
        assertThat(owner.get("/admin/programs/" + program).body()).contains("Link and customer settings saved.");
    }

    @Test
    void anAgreementIsPublishedAsANewVersionAndPrintedFromItsOwnPage() {
        String program = createProgram("Agreed");
        WebClient.Page empty = owner.get("/admin/programs/" + program + "/agreement");
        assertThat(empty.body()).contains("No agreement published yet. Write the terms below")
                .contains("## What each side provides").contains("that is version 1");

        WebClient.Page noTitle = owner.post("/admin/programs/" + program + "/agreement",
                Map.of("tierId", "", "title", "", "body", "Some terms"));
        assertThat(errorOf(noTitle, "title")).startsWith("Title is required");

        WebClient.Page published = owner.post("/admin/programs/" + program + "/agreement", Map.of("tierId", "",
                "title", "Partner terms", "body", "## Commission terms\r\n\r\n20% of every sale. <script>alert(1)</script>\r\n"));

        assertThat(published.location()).isEqualTo("/admin/programs/" + program + "/agreement");
        WebClient.Page page = owner.get(published.location());
        assertThat(page.body()).contains("Version 1 published.").contains("Partner terms")
                .contains("that is version 2").contains("20% of every sale.");
        Map<String, Object> stored = jdbc.sql("select id, version, encode(text_sha256, 'hex') as hash from agreement_version"
                + " where program_id = ?").param(ProgramId.parse(program).value()).query().singleRow();
        assertThat(stored).containsEntry("version", 1);
        String hash = (String) stored.get("hash");
        assertThat(page.body()).contains(hash.substring(0, 12));

        String versionId = new AgreementVersionId((UUID) stored.get("id")).toString();
        WebClient.Page printable = owner.get("/admin/programs/" + program + "/agreement/" + versionId);
        assertThat(printable.status()).isEqualTo(200);
        assertThat(printable.body()).contains("<h2>Commission terms</h2>").contains(hash)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains("href=\"/css/print.css\"");
        assertThat(owner.get("/css/print.css").status()).isEqualTo(200);
    }

    @Test
    void aTierCanGetItsOwnAgreement() {
        String program = createProgram("Tier terms");
        owner.get("/admin/programs/" + program);
        owner.post("/admin/programs/" + program + "/tiers", Map.of("name", "Gold", "goals", "", "perks", ""));
        String gold = tierId(program, "Gold");
        owner.get("/admin/programs/" + program + "/agreement");

        owner.post("/admin/programs/" + program + "/agreement", Map.of("tierId", gold, "title", "Gold terms", "body", "Gold only."));

        WebClient.Page page = owner.get("/admin/programs/" + program + "/agreement");
        assertThat(page.body()).contains("Tier Gold only").contains("Gold terms").contains("that is version 1")
                .doesNotContain("No agreement published yet.");
        assertThat(jdbc.sql("select tier_id from agreement_version where program_id = ?")
                .param(ProgramId.parse(program).value()).query(UUID.class).single()).isEqualTo(TierId.parse(gold).value());
    }

    @Test
    void theApplicationFormGetsAChoiceQuestionAndTheIdealProfileACriterion() {
        String program = createProgram("Form");
        WebClient.Page empty = owner.get("/admin/programs/" + program + "/form");
        assertThat(empty.body()).contains("No custom questions yet.").contains("No criteria yet, so every application scores 100.")
                .contains("divided by the total weight");

        WebClient.Page oneOption = owner.post("/admin/programs/" + program + "/form/questions",
                Map.of("label", "Where will you promote us?", "kind", "choice", "options", "Blog"));
        assertThat(errorOf(oneOption, "options")).isEqualTo("Options need at least two different options, one per line");
        assertThat(questionCount(program)).isZero();

        WebClient.Page added = owner.post("/admin/programs/" + program + "/form/questions", Map.of(
                "label", "Where will you promote us?", "kind", "choice", "options", "Blog\r\nNewsletter\r\n", "required", "true"));
        assertThat(added.location()).isEqualTo("/admin/programs/" + program + "/form");
        WebClient.Page form = owner.get(added.location());
        assertThat(form.body()).contains("Question added to the application form.").contains("Blog / Newsletter")
                .contains("Question: Where will you promote us?");
        String question = new QuestionId(jdbc.sql("select id from application_question where program_id = ?")
                .param(ProgramId.parse(program).value()).query(UUID.class).single()).toString();
        assertThat(jdbc.sql("select required and options = '{Blog,Newsletter}' from application_question where program_id = ?")
                .param(ProgramId.parse(program).value()).query(Boolean.class).single()).isTrue();

        WebClient.Page tooHeavy = owner.post("/admin/programs/" + program + "/form/criteria",
                Map.of("attribute", "industry", "expectedValues", "SaaS", "weight", "11"));
        assertThat(errorOf(tooHeavy, "weight")).isEqualTo("Weight must be between 1 and 10");
        assertThat(owner.post("/admin/programs/" + program + "/form/criteria",
                Map.of("attribute", "question:" + question, "expectedValues", "Newsletter", "weight", "7")).location())
                .isEqualTo("/admin/programs/" + program + "/form#profile");
        owner.post("/admin/programs/" + program + "/form/criteria",
                Map.of("attribute", "company_size", "companySizes", "11-50", "expectedValues", "", "weight", "3"));

        assertThat(criteria(program)).containsExactly("question:Newsletter:7", "company_size:11-50:3");
        assertThat(owner.get("/admin/programs/" + program + "/form").body()).contains("Criterion added to the ideal partner profile.");
    }

    @Test
    void removingAQuestionAlsoRemovesTheCriteriaThatJudgedIt() {
        String program = createProgram("Removal");
        owner.get("/admin/programs/" + program + "/form");
        owner.post("/admin/programs/" + program + "/form/questions", Map.of("label", "Do you sell B2B?", "kind", "yes_no"));
        String question = new QuestionId(jdbc.sql("select id from application_question where program_id = ?")
                .param(ProgramId.parse(program).value()).query(UUID.class).single()).toString();
        owner.post("/admin/programs/" + program + "/form/criteria",
                Map.of("attribute", "question:" + question, "expectedValues", "yes", "weight", "5"));
        owner.post("/admin/programs/" + program + "/form/criteria",
                Map.of("attribute", "region", "expectedValues", "Spain", "weight", "2"));

        WebClient.Page removed = owner.post("/admin/programs/" + program + "/form/questions/" + question + "/remove", Map.of());

        assertThat(removed.location()).isEqualTo("/admin/programs/" + program + "/form");
        assertThat(questionCount(program)).isZero();
        assertThat(criteria(program)).containsExactly("region:Spain:2");
    }

    @Test
    void archivingAProgramMarksItInTheList() {
        String program = createProgram("Old program");
        assertThat(owner.get("/admin/programs/" + program).body()).contains("hx-confirm=\"Archive Old program?");

        WebClient.Page archived = owner.post("/admin/programs/" + program + "/archive", Map.of());

        assertThat(archived.location()).isEqualTo("/admin/programs");
        WebClient.Page list = owner.get("/admin/programs");
        assertThat(list.body()).contains("Program archived.").contains("Archived");
        assertThat(jdbc.sql("select archived_at is not null from program where id = ?")
                .param(ProgramId.parse(program).value()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aViewerSeesProgramsWithoutFormsAndEveryChangeIsForbidden() {
        String program = createProgram("Watched");
        owner.get("/admin/programs/" + program);
        owner.post("/admin/programs/" + program + "/tiers", Map.of("name", "Gold", "goals", "", "perks", ""));
        String gold = tierId(program, "Gold");
        accounts.add(accounts.loadUserByUsername(acme.ownerEmail()), "Vera Viewer", "vera@acme.test", Role.VIEWER,
                "a long enough password");
        WebClient vera = signedIn("vera@acme.test", "a long enough password");

        WebClient.Page overview = vera.get("/admin/programs/" + program);
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("Watched").contains("your role is viewer")
                .doesNotContain("/settings\"").doesNotContain("/archive\"").doesNotContain("/tiers\"");
        assertThat(vera.get("/admin/programs").body()).doesNotContain("/admin/programs/new");
        assertThat(vera.get("/admin/programs/" + program + "/agreement").body()).doesNotContain("/agreement\" method=\"post\"");
        assertThat(vera.get("/admin/programs/" + program + "/form").body()).doesNotContain("/form/questions\"");
        // the session's CSRF token is good: the same client may change its own language
        assertThat(vera.post("/admin/account/language", Map.of("language", "en")).status()).isEqualTo(302);

        Map<String, Map<String, String>> writes = Map.of(
                "/admin/programs", validProgram("Sneaky"),
                "/admin/programs/" + program + "/settings", settings("Renamed", "30"),
                "/admin/programs/" + program + "/auto-approval", Map.of("minScore", "0", "domains", ""),
                "/admin/programs/" + program + "/archive", Map.of(),
                "/admin/programs/" + program + "/tiers", Map.of("name", "Silver", "goals", "", "perks", ""),
                "/admin/programs/" + program + "/tiers/" + gold + "/default", Map.of(),
                "/admin/programs/" + program + "/agreement", Map.of("tierId", "", "title", "T", "body", "B"),
                "/admin/programs/" + program + "/form/questions", Map.of("label", "Q", "kind", "text"),
                "/admin/programs/" + program + "/form/criteria",
                Map.of("attribute", "industry", "expectedValues", "SaaS", "weight", "5"));
        writes.forEach((path, fields) -> {
            vera.get("/admin/programs/" + program);
            assertThat(vera.post(path, fields).status()).as("viewer POST %s", path).isEqualTo(403);
        });
        assertThat(vera.get("/admin/programs/new").status()).isEqualTo(403);

        assertThat(programCount()).isEqualTo(1);
        assertThat(tierNames(program)).containsExactly("Registered*", "Gold");
        assertThat(jdbc.sql("select name || ' ' || (archived_at is null) || ' ' || (auto_approve_min_score is null)"
                        + " from program where id = ?").param(ProgramId.parse(program).value()).query(String.class).single())
                .isEqualTo("Watched true true");
        assertThat(jdbc.sql("select count(*) from agreement_version where program_id = ?")
                .param(ProgramId.parse(program).value()).query(Long.class).single()).isZero();
        assertThat(questionCount(program)).isZero();
        assertThat(criteria(program)).isEmpty();
    }

    @Test
    void aManagerMayChangePrograms() {
        accounts.add(accounts.loadUserByUsername(acme.ownerEmail()), "Mia Manager", "mia@acme.test", Role.MANAGER,
                "a long enough password");
        WebClient mia = signedIn("mia@acme.test", "a long enough password");
        mia.get("/admin/programs/new");

        assertThat(mia.post("/admin/programs", validProgram("Managed")).status()).isEqualTo(302);
        assertThat(programCount()).isEqualTo(1);
    }

    @Test
    void anotherWorkspacesStaffFindsNothingAndChangesNothing() {
        String program = createProgram("Private");
        owner.get("/admin/programs/" + program);
        owner.post("/admin/programs/" + program + "/agreement", Map.of("tierId", "", "title", "Terms", "body", "Text"));
        String tier = tierId(program, "Registered");
        String version = new AgreementVersionId(jdbc.sql("select id from agreement_version where program_id = ?")
                .param(ProgramId.parse(program).value()).query(UUID.class).single()).toString();
        Fixtures.Tenant globex = fixtures.tenant("Globex");
        WebClient intruder = signedIn(globex.ownerEmail(), Fixtures.PASSWORD);

        for (String path : List.of("/admin/programs/" + program, "/admin/programs/" + program + "/agreement",
                "/admin/programs/" + program + "/agreement/" + version, "/admin/programs/" + program + "/form",
                "/admin/programs/" + program + "/tiers/" + tier)) {
            WebClient.Page page = intruder.get(path);
            assertThat(page.status()).as("GET %s", path).isEqualTo(404);
            assertThat(page.body()).doesNotContain("Private");
        }
        intruder.get("/admin/programs");
        assertThat(intruder.post("/admin/programs/" + program + "/settings", settings("Stolen", "30")).status())
                .isEqualTo(404);
        assertThat(intruder.post("/admin/programs/" + program + "/archive", Map.of()).status()).isEqualTo(404);
        assertThat(intruder.post("/admin/programs/" + program + "/tiers", Map.of("name", "Mine", "goals", "", "perks", ""))
                .status()).isEqualTo(404);
        assertThat(intruder.get("/admin/programs").body()).doesNotContain("Private");

        assertThat(jdbc.sql("select name || ' ' || (archived_at is null) from program where id = ?")
                .param(ProgramId.parse(program).value()).query(String.class).single()).isEqualTo("Private true");
        assertThat(tierNames(program)).containsExactly("Registered*");
    }

    // --- helpers

    private String createProgram(String name) {
        owner.get("/admin/programs/new");
        WebClient.Page created = owner.post("/admin/programs", validProgram(name));
        Matcher id = PROGRAM_ID.matcher(String.valueOf(created.location()));
        assertThat(id.matches()).as("program %s created (answer %s)", name, created.status()).isTrue();
        assertThat(owner.get(created.location()).body()).contains("Program created.");
        return id.group(1);
    }

    private static Map<String, String> validProgram(String name) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("type", "affiliate");
        fields.put("currency", "NOK");
        fields.put("description", "For publishers who write about outdoor gear.");
        fields.put("defaultDestination", "https://acme.test/");
        fields.put("allowedHosts", "shop.acme.test\r\nDocs.acme.test");
        fields.put("attributionModel", "last_click");
        fields.put("windowDays", "30");
        fields.put("commissionSummary", "10% of every sale");
        fields.put("slug", "");
        return fields;
    }

    private static Map<String, String> invalidProgram() {
        Map<String, String> fields = validProgram("");
        fields.put("currency", "EURO");
        fields.put("defaultDestination", "ftp://x");
        fields.put("allowedHosts", "shop.acme.test\r\nnot a host!\r\nbad_host");
        fields.put("windowDays", "0");
        fields.put("slug", "X");
        return fields;
    }

    private static Map<String, String> settings(String name, String windowDays) {
        return Map.of("name", name, "description", "", "defaultDestination", "https://acme.test/", "allowedHosts", "",
                "attributionModel", "last_click", "windowDays", windowDays, "commissionSummary", "");
    }

    /** The error shown in the form field holding the input with this id, or null when it shows none. */
    private static String errorOf(WebClient.Page page, String inputId) {
        String body = page.body();
        int input = body.indexOf("id=\"" + inputId + "\"");
        assertThat(input).as("input #%s on the page", inputId).isNotNegative();
        int start = body.lastIndexOf("class=\"field", input);
        int end = body.indexOf("class=\"field", input);
        String field = body.substring(start, end < 0 ? body.length() : end);
        Matcher error = Pattern.compile("<small class=\"error\">([^<]*)</small>").matcher(field);
        if (!error.find()) {
            return null;
        }
        assertThat(field).as("field of #%s is marked invalid", inputId).startsWith("class=\"field invalid\"");
        return error.group(1).replace("&#39;", "'");
    }

    private long programCount() {
        return jdbc.sql("select count(*) from program where workspace_id = ?")
                .param(acme.ids().workspaceId().value()).query(Long.class).single();
    }

    /** Tier names in order, the default one marked with a star. */
    private List<String> tierNames(String program) {
        return jdbc.sql("select name || case when is_default then '*' else '' end from tier where program_id = ?"
                        + " order by position").param(ProgramId.parse(program).value()).query(String.class).list();
    }

    private String tierId(String program, String name) {
        return new TierId(jdbc.sql("select id from tier where program_id = ? and name = ?")
                .params(ProgramId.parse(program).value(), name).query(UUID.class).single()).toString();
    }

    private long questionCount(String program) {
        return jdbc.sql("select count(*) from application_question where program_id = ? and archived_at is null")
                .param(ProgramId.parse(program).value()).query(Long.class).single();
    }

    private List<String> criteria(String program) {
        return jdbc.sql("select attribute || ':' || array_to_string(expected_values, ',') || ':' || weight"
                        + " from fit_criterion where program_id = ? order by weight desc")
                .param(ProgramId.parse(program).value()).query(String.class).list();
    }

    private WebClient signedIn(String email, String password) {
        WebClient browser = browser();
        assertThat(browser.login(email, password).location()).as("sign-in of %s", email).endsWith("/admin");
        return browser;
    }
}
