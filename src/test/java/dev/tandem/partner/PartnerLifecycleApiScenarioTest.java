package dev.tandem.partner;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.core.Language;
import dev.tandem.notification.Email;
import dev.tandem.notification.Emails;
import dev.tandem.partner.web.PortalSignInLimiter;
import dev.tandem.partner.web.SubmissionRateLimiter;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner lifecycle's "Done when" as an integrator's system runs it, through the API alone
 * wherever the API has a say: the program, its tiers, agreement, application question, ideal
 * profile and onboarding steps; an application sent from the business's own form; the review
 * queue; approval into a tier; and the enrollment's agreement and onboarding state. Accepting the
 * agreement and ticking a step are the partner's own acts, which the API deliberately does not
 * offer: the partner does them in the portal (signed in from the approval email), and the API
 * then reports them.
 */
class PartnerLifecycleApiScenarioTest extends IntegrationTest {

    private static final Pattern SIGN_IN_LINK = Pattern.compile("https?://[^/\\s\"]+(/portal/login/[A-Za-z0-9_-]+)");
    private static final String PROPOSAL = "20% of every paid invoice for 12 months, paid monthly.";
    private static final String QUESTION = "¿Dónde nos vas a recomendar?";

    @Autowired
    Fixtures fixtures;
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

    /** What a configured program gives a test: its id and the ids it was built with. */
    record Configured(String programId, String slug, String defaultTierId, String goldTierId, String agreementId,
            String questionId, String agreementStepId, String guideStepId) {
    }

    @Test
    void aProgramIsSetUpAnApplicantIsApprovedIntoGoldAndTheEnrollmentShowsAgreementAndOnboarding() {
        Fixtures.Tenant acme = fixtures.tenant("Acme");
        WorkspaceId workspace = acme.ids().workspaceId();
        ApiClient api = api(acme.apiKey());

        Configured p = configure(api);

        // an application from the business's own form, in Spanish
        ApiClient.Answer submitted = api.post("/api/v1/programs/" + p.programId() + "/applications", """
                {"name": "Lucía Fernández", "email": "Lucia@Estudio-Lucia.test", "company": "Estudio Lucía",
                 "phone": "+34 600 123 456", "website": "https://estudio-lucia.test",
                 "plan": "Escribo un boletín para 3.000 autónomos y lo recomendaré allí.",
                 "referrals": ["Jorge Gil, jorge@clientes.test"],
                 "answers": {"%s": "Boletín"}, "termsAccepted": true, "language": "es"}
                """.formatted(p.questionId()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.contentType()).startsWith("application/json");
        JsonNode application = submitted.json();
        String applicationId = application.get("id").asString();
        assertThat(applicationId).startsWith("app_");
        assertThat(application.get("programId").asString()).isEqualTo(p.programId());
        assertThat(application.get("partnerId").asString()).matches("ptr_[0-9A-Za-z]{22}");
        assertThat(application.get("name").asString()).isEqualTo("Lucía Fernández");
        assertThat(application.get("email").asString()).isEqualTo("lucia@estudio-lucia.test");
        assertThat(application.get("company").asString()).isEqualTo("Estudio Lucía");
        assertThat(application.get("plan").asString()).startsWith("Escribo un boletín");
        assertThat(application.get("referrals")).extracting(JsonNode::asString)
                .containsExactly("Jorge Gil, jorge@clientes.test");
        assertThat(application.get("answers")).hasSize(1);
        assertThat(application.get("answers").get(0).get("questionId").asString()).isEqualTo(p.questionId());
        assertThat(application.get("answers").get(0).get("question").asString()).isEqualTo(QUESTION);
        assertThat(application.get("answers").get(0).get("answer").asString()).isEqualTo("Boletín");
        assertThat(application.get("fitScore").asInt()).isEqualTo(100);
        assertThat(application.get("fitReasons")).hasSize(1);
        JsonNode reason = application.get("fitReasons").get(0);
        assertThat(reason.get("attribute").asString()).isEqualTo("question");
        assertThat(reason.get("question").asString()).isEqualTo(QUESTION);
        assertThat(reason.get("given").asString()).isEqualTo("Boletín");
        assertThat(reason.get("expected")).extracting(JsonNode::asString).containsExactly("Boletín");
        assertThat(reason.get("weight").asInt()).isEqualTo(4);
        assertThat(reason.get("matched").asBoolean()).isTrue();
        assertThat(application.get("termsVersionId").asString()).isEqualTo(p.agreementId());
        assertThat(application.get("submittedAt").asString()).isNotBlank();
        JsonNode pending = application.get("enrollment");
        String enrollmentId = pending.get("id").asString();
        assertThat(enrollmentId).startsWith("enr_");
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("tierId").asString()).isEqualTo(p.defaultTierId());
        String partnerId = application.get("partnerId").asString();

        Email received = latestEmail(workspace, "lucia@estudio-lucia.test");
        assertThat(received.template()).isEqualTo("application-received");
        assertThat(received.language()).isEqualTo(Language.ES);
        assertThat(received.subject()).isEqualTo("Hemos recibido tu solicitud a Acme Partners");

        JsonNode pendingEnrollment = api.get("/api/v1/enrollments/" + enrollmentId).json();
        assertThat(pendingEnrollment.get("enrollment").get("status").asString()).isEqualTo("pending");

        // the review queue, best fit first
        ApiClient.Answer queue = api.get("/api/v1/programs/" + p.programId() + "/applications");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().get("has_more").asBoolean()).isFalse();
        assertThat(queue.json().get("data")).hasSize(1);
        JsonNode queued = queue.json().get("data").get(0);
        assertThat(queued.get("id").asString()).isEqualTo(applicationId);
        assertThat(queued.get("fitScore").asInt()).isEqualTo(100);
        assertThat(queued.get("fitReasons").get(0).get("matched").asBoolean()).isTrue();

        // approved into Gold
        ApiClient.Answer approval = api.post("/api/v1/applications/" + applicationId + "/approve",
                "{\"tierId\": \"" + p.goldTierId() + "\", \"reason\": \"Great newsletter\"}");
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        JsonNode approved = approval.json().get("enrollment");
        assertThat(approved.get("id").asString()).isEqualTo(enrollmentId);
        assertThat(approved.get("status").asString()).isEqualTo("approved");
        assertThat(approved.get("tierId").asString()).isEqualTo(p.goldTierId());
        assertThat(approved.get("statusReason").asString()).isEqualTo("Great newsletter");
        assertThat(api.get("/api/v1/programs/" + p.programId() + "/applications").json().get("data")).isEmpty();
        JsonNode partner = api.get("/api/v1/partners/" + partnerId).json();
        assertThat(partner.get("language").asString()).isEqualTo("es");
        assertThat(partner.get("enrollments")).hasSize(1);
        assertThat(partner.get("enrollments").get(0).get("status").asString()).isEqualTo("approved");
        assertThat(partner.get("enrollments").get(0).get("tierId").asString()).isEqualTo(p.goldTierId());

        Email welcome = latestEmail(workspace, "lucia@estudio-lucia.test");
        assertThat(welcome.template()).isEqualTo("application-approved");
        assertThat(welcome.language()).isEqualTo(Language.ES);
        assertThat(welcome.subject()).isEqualTo("Bienvenido a Acme Partners: tu solicitud ha sido aprobada");
        Matcher link = SIGN_IN_LINK.matcher(welcome.bodyText());
        assertThat(link.find()).as("a sign-in link in %s", welcome.bodyText()).isTrue();

        // the enrollment: approved in Gold, the agreement waiting, no step done
        ApiClient.Answer detail = api.get("/api/v1/enrollments/" + enrollmentId);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.contentType()).startsWith("application/json");
        JsonNode state = detail.json();
        assertThat(state.get("enrollment").get("id").asString()).isEqualTo(enrollmentId);
        assertThat(state.get("enrollment").get("programId").asString()).isEqualTo(p.programId());
        assertThat(state.get("enrollment").get("partnerId").asString()).isEqualTo(partnerId);
        assertThat(state.get("enrollment").get("status").asString()).isEqualTo("approved");
        assertThat(state.get("enrollment").get("tierId").asString()).isEqualTo(p.goldTierId());
        JsonNode agreement = state.get("agreement");
        assertThat(agreement.get("currentVersionId").asString()).isEqualTo(p.agreementId());
        assertThat(agreement.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(agreement.get("acceptedVersion").isNull()).isTrue();
        assertThat(agreement.get("acceptedAt").isNull()).isTrue();
        assertThat(agreement.get("pending").asBoolean()).isTrue();
        JsonNode onboarding = state.get("onboarding");
        assertThat(onboarding.get("done").asInt()).isZero();
        assertThat(onboarding.get("total").asInt()).isEqualTo(2);
        assertThat(onboarding.get("complete").asBoolean()).isFalse();
        assertThat(onboarding.get("stuckOnStepId").asString()).isEqualTo(p.agreementStepId());
        assertThat(onboarding.get("steps")).extracting(s -> s.get("stepId").asString())
                .containsExactly(p.agreementStepId(), p.guideStepId());
        assertThat(onboarding.get("steps")).extracting(s -> s.get("kind").asString())
                .containsExactly("accept_agreement", "read_page");
        assertThat(onboarding.get("steps")).extracting(s -> s.get("done").asBoolean()).containsExactly(false, false);
        assertThat(onboarding.get("steps").get(0).get("doneAt").isNull()).isTrue();

        // the partner's own acts, in the portal: accept the agreement, then tick the guide
        WebClient portal = browser().acceptLanguage("es-ES");
        assertThat(portal.get(link.group(1)).status()).isEqualTo(200);
        assertThat(portal.post(link.group(1), Map.of()).location()).isEqualTo("/portal");
        WebClient.Page home = portal.get("/portal");
        assertThat(home.body()).contains("id=\"pending-agreements\"");
        portal.get("/portal/enrollments/" + enrollmentId + "/agreement");
        assertThat(portal.post("/portal/enrollments/" + enrollmentId + "/agreement", Map.of("versionId", p.agreementId()))
                .location()).isEqualTo("/portal/enrollments/" + enrollmentId + "/agreement");

        JsonNode accepted = api.get("/api/v1/enrollments/" + enrollmentId).json();
        assertThat(accepted.get("agreement").get("pending").asBoolean()).isFalse();
        assertThat(accepted.get("agreement").get("acceptedVersion").asInt()).isEqualTo(1);
        assertThat(accepted.get("agreement").get("currentVersion").asInt()).isEqualTo(1);
        assertThat(accepted.get("agreement").get("acceptedAt").asString()).isNotBlank();
        assertThat(accepted.get("onboarding").get("done").asInt()).isEqualTo(1);
        assertThat(accepted.get("onboarding").get("complete").asBoolean()).isFalse();
        assertThat(accepted.get("onboarding").get("stuckOnStepId").asString()).isEqualTo(p.guideStepId());
        JsonNode agreementStep = accepted.get("onboarding").get("steps").get(0);
        assertThat(agreementStep.get("done").asBoolean()).isTrue();
        assertThat(agreementStep.get("doneBy").asString()).isEqualTo("system");
        assertThat(agreementStep.get("doneAt").asString()).isNotBlank();

        portal.get("/portal/onboarding");
        assertThat(portal.post("/portal/onboarding/" + enrollmentId + "/steps/" + p.guideStepId(), Map.of()).location())
                .isEqualTo("/portal/onboarding");

        JsonNode onboarded = api.get("/api/v1/enrollments/" + enrollmentId).json();
        assertThat(onboarded.get("enrollment").get("status").asString()).isEqualTo("approved");
        assertThat(onboarded.get("agreement").get("pending").asBoolean()).isFalse();
        assertThat(onboarded.get("onboarding").get("done").asInt()).isEqualTo(2);
        assertThat(onboarded.get("onboarding").get("total").asInt()).isEqualTo(2);
        assertThat(onboarded.get("onboarding").get("complete").asBoolean()).isTrue();
        assertThat(onboarded.get("onboarding").get("stuckOnStepId").isNull()).isTrue();
        JsonNode guideStep = onboarded.get("onboarding").get("steps").get(1);
        assertThat(guideStep.get("done").asBoolean()).isTrue();
        assertThat(guideStep.get("doneBy").asString()).isEqualTo("partner");
    }

    @Test
    void theApiRefusesWhatItMustNotDoAndNamesEachInvalidField() {
        Fixtures.Tenant acme = fixtures.tenant("Acme");
        Fixtures.Tenant globex = fixtures.tenant("Globex");
        ApiClient api = api(acme.apiKey());
        Configured p = configure(api);
        String applications = "/api/v1/programs/" + p.programId() + "/applications";

        ApiClient.Answer noAnswer = api.post(applications, """
                {"name": "Ana", "email": "ana@apply.test", "plan": "Newsletter", "referrals": ["Jorge"],
                 "termsAccepted": true}
                """);
        assertThat(noAnswer.status()).isEqualTo(422);
        assertThat(noAnswer.contentType()).startsWith("application/problem+json");
        assertThat(fields(noAnswer)).containsExactly("answers." + p.questionId());

        ApiClient.Answer notAnOption = api.post(applications, """
                {"name": "Ana", "email": "ana@apply.test", "plan": "Newsletter", "referrals": ["Jorge"],
                 "answers": {"%s": "Carrier pigeon"}, "termsAccepted": true}
                """.formatted(p.questionId()));
        assertThat(notAnOption.status()).isEqualTo(422);
        assertThat(fields(notAnOption)).containsExactly("answers." + p.questionId());

        ApiClient.Answer unknownQuestion = api.post(applications, """
                {"name": "Ana", "email": "ana@apply.test", "plan": "Newsletter", "referrals": ["Jorge"],
                 "answers": {"where": "Boletín"}, "termsAccepted": true}
                """);
        assertThat(unknownQuestion.status()).isEqualTo(422);
        assertThat(fields(unknownQuestion)).containsExactly("answers.where");

        ApiClient.Answer empty = api.post(applications, "{\"termsAccepted\": true, \"answers\": {\"" + p.questionId()
                + "\": \"Boletín\"}}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(fields(empty)).contains("name", "email", "plan", "referrals");

        ApiClient.Answer badLanguage = api.post(applications, """
                {"name": "Ana", "email": "ana@apply.test", "plan": "Newsletter", "referrals": ["Jorge"],
                 "answers": {"%s": "Boletín"}, "termsAccepted": true, "language": "klingon"}
                """.formatted(p.questionId()));
        assertThat(badLanguage.status()).isEqualTo(422);
        assertThat(fields(badLanguage)).containsExactly("language");
        assertThat(api.get(applications).json().get("data")).as("nothing refused was stored").isEmpty();

        String valid = """
                {"name": "Ana", "email": "ana@apply.test", "plan": "Newsletter", "referrals": ["Jorge"],
                 "answers": {"%s": "Eventos"}, "termsAccepted": true}
                """.formatted(p.questionId());
        ApiClient.Answer first = api.post(applications, valid);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("fitScore").asInt()).as("the criterion is missed").isZero();
        assertThat(first.json().get("fitReasons").get(0).get("matched").asBoolean()).isFalse();
        assertThat(latestEmail(acme.ids().workspaceId(), "ana@apply.test").language())
                .as("no language given: English").isEqualTo(Language.EN);
        ApiClient.Answer twice = api.post(applications, valid);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(fields(twice)).containsExactly("email");
        assertThat(api.get(applications).json().get("data")).hasSize(1);

        String steps = "/api/v1/programs/" + p.programId() + "/onboarding-steps";
        ApiClient.Answer badKind = api.post(steps, "{\"kind\": \"dance\", \"title\": \"Dance\"}");
        assertThat(badKind.status()).isEqualTo(422);
        assertThat(fields(badKind)).containsExactly("kind");
        ApiClient.Answer noTitle = api.post(steps, "{\"kind\": \"custom\", \"url\": \"ftp://acme.example/\"}");
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(fields(noTitle)).containsExactlyInAnyOrder("title", "url");
        assertThat(api.get(steps).json().get("data")).hasSize(2);

        // another workspace sees none of it
        ApiClient stranger = api(globex.apiKey());
        String enrollmentId = first.json().get("enrollment").get("id").asString();
        assertThat(stranger.get("/api/v1/enrollments/" + enrollmentId).status()).isEqualTo(404);
        assertThat(stranger.get(steps).status()).isEqualTo(404);
        assertThat(stranger.post(steps, "{\"kind\": \"custom\", \"title\": \"Sneaky\"}").status()).isEqualTo(404);
        assertThat(stranger.post(applications, valid.replace("ana@apply.test", "eve@apply.test")).status())
                .isEqualTo(404);
        assertThat(api.get(steps).json().get("data")).hasSize(2);
        ApiClient.Answer malformed = api.get("/api/v1/enrollments/enr_nothing");
        assertThat(malformed.status()).as("a malformed id, as everywhere in the API").isEqualTo(422);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(api(null).get("/api/v1/enrollments/" + enrollmentId).status()).isEqualTo(401);
        assertThat(api(null).post(steps, "{\"kind\": \"custom\", \"title\": \"Anon\"}").status()).isEqualTo(401);
    }

    @Test
    void anApplicationWithoutAcceptedTermsIsRefusedNamingTheFieldTheBodySends() {
        Fixtures.Tenant acme = fixtures.tenant("Acme");
        ApiClient api = api(acme.apiKey());
        Configured p = configure(api);
        String applications = "/api/v1/programs/" + p.programId() + "/applications";

        ApiClient.Answer termsNotAccepted = api.post(applications, """
                {"name": "Ana", "email": "ana@apply.test", "plan": "Newsletter", "referrals": ["Jorge"],
                 "answers": {"%s": "Boletín"}, "termsAccepted": false}
                """.formatted(p.questionId()));

        assertThat(termsNotAccepted.status()).isEqualTo(422);
        assertThat(api.get(applications).json().get("data")).isEmpty();
        // API.md: errors name the invalid field of the request; the body's field is termsAccepted
        assertThat(fields(termsNotAccepted)).containsExactly("termsAccepted");
    }

    /** Program, Gold tier, agreement, a required choice question, a criterion on it and two onboarding steps. */
    private Configured configure(ApiClient api) {
        ApiClient.Answer created = api.post("/api/v1/programs", """
                {"name": "Acme Partners", "type": "referral", "currency": "EUR",
                 "description": "For agencies and freelancers who recommend Acme invoicing.",
                 "defaultDestination": "https://acme.example/", "commissionSummary": "%s"}
                """.formatted(PROPOSAL));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode program = created.json();
        String programId = program.get("id").asString();
        assertThat(programId).startsWith("prg_");
        assertThat(program.get("type").asString()).isEqualTo("referral");
        assertThat(program.get("currency").asString()).isEqualTo("EUR");
        assertThat(program.get("defaultDestination").asString()).isEqualTo("https://acme.example/");
        assertThat(program.get("commissionSummary").asString()).isEqualTo(PROPOSAL);
        String slug = program.get("slug").asString();
        assertThat(program.get("applicationUrl").asString()).isEqualTo("/p/" + slug);
        assertThat(program.get("tiers")).hasSize(1);
        String defaultTier = program.get("tiers").get(0).get("id").asString();

        ApiClient.Answer gold = api.post("/api/v1/programs/" + programId + "/tiers",
                "{\"name\": \"Gold\", \"goals\": \"10 customers a year\", \"perks\": \"Co-marketing\"}");
        assertThat(gold.status()).as(gold.body()).isEqualTo(201);
        String goldId = gold.json().get("id").asString();
        assertThat(gold.json().get("isDefault").asBoolean()).isFalse();
        JsonNode tiers = api.get("/api/v1/programs/" + programId).json().get("tiers");
        assertThat(tiers).extracting(t -> t.get("name").asString()).containsExactly("Registered", "Gold");
        assertThat(tiers).extracting(t -> t.get("isDefault").asBoolean()).containsExactly(true, false);

        ApiClient.Answer agreement = api.post("/api/v1/programs/" + programId + "/agreements", """
                {"title": "Acme partner agreement",
                 "body": "## Commission\\n\\nYou earn **20%%** of every paid invoice for 12 months."}
                """.formatted());
        assertThat(agreement.status()).as(agreement.body()).isEqualTo(201);
        assertThat(agreement.json().get("version").asInt()).isEqualTo(1);
        assertThat(agreement.json().get("tierId").isNull()).isTrue();
        assertThat(agreement.json().get("textSha256").asString()).matches("[0-9a-f]{64}");
        String agreementId = agreement.json().get("id").asString();

        ApiClient.Answer question = api.post("/api/v1/programs/" + programId + "/questions",
                "{\"label\": \"" + QUESTION + "\", \"kind\": \"choice\","
                        + " \"options\": [\"Boletín\", \"Redes sociales\", \"Eventos\"], \"required\": true}");
        assertThat(question.status()).as(question.body()).isEqualTo(201);
        assertThat(question.json().get("kind").asString()).isEqualTo("choice");
        assertThat(question.json().get("required").asBoolean()).isTrue();
        assertThat(question.json().get("options")).extracting(JsonNode::asString)
                .containsExactly("Boletín", "Redes sociales", "Eventos");
        String questionId = question.json().get("id").asString();

        ApiClient.Answer criterion = api.post("/api/v1/programs/" + programId + "/fit-criteria",
                "{\"attribute\": \"question\", \"questionId\": \"" + questionId + "\", \"expectedValues\": [\"Boletín\"],"
                        + " \"weight\": 4}");
        assertThat(criterion.status()).as(criterion.body()).isEqualTo(201);
        assertThat(criterion.json().get("questionId").asString()).isEqualTo(questionId);
        assertThat(api.get("/api/v1/programs/" + programId + "/fit-criteria").json().get("data")).hasSize(1);

        String steps = "/api/v1/programs/" + programId + "/onboarding-steps";
        assertThat(api.get(steps).json().get("data")).isEmpty();
        ApiClient.Answer accept = api.post(steps, "{\"kind\": \"accept_agreement\", \"title\": \"Accept the partner agreement\"}");
        assertThat(accept.status()).as(accept.body()).isEqualTo(201);
        assertThat(accept.json().get("id").asString()).isNotBlank();
        assertThat(accept.json().get("kind").asString()).isEqualTo("accept_agreement");
        assertThat(accept.json().get("url").isNull()).isTrue();
        ApiClient.Answer guide = api.post(steps, "{\"kind\": \"read_page\", \"title\": \"Read the partner guide\","
                + " \"url\": \"https://acme.example/partners/guide\"}");
        assertThat(guide.status()).as(guide.body()).isEqualTo(201);
        assertThat(guide.json().get("url").asString()).isEqualTo("https://acme.example/partners/guide");
        JsonNode listed = api.get(steps).json();
        assertThat(listed.get("has_more").asBoolean()).isFalse();
        assertThat(listed.get("data")).extracting(s -> s.get("title").asString())
                .containsExactly("Accept the partner agreement", "Read the partner guide");
        assertThat(listed.get("data")).extracting(s -> s.get("position").asInt()).containsExactly(1, 2);

        return new Configured(programId, slug, defaultTier, goldId, agreementId, questionId,
                accept.json().get("id").asString(), guide.json().get("id").asString());
    }

    private Email latestEmail(WorkspaceId workspace, String address) {
        return emails.latestTo(workspace, address).orElseThrow(() -> new AssertionError("no email to " + address));
    }

    private static List<String> fields(ApiClient.Answer problem) {
        assertThat(problem.contentType()).startsWith("application/problem+json");
        return problem.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
