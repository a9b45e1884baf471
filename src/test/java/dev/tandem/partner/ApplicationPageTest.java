package dev.tandem.partner;

import java.util.List;
import java.util.Map;

import dev.tandem.core.Language;
import dev.tandem.notification.Email;
import dev.tandem.program.ApplicationQuestion;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The public application page /p/{slug}: what a visitor sees, what applying stores, and what it refuses. */
class ApplicationPageTest extends PartnerTestBase {

    @Test
    void applyingInSpanishStoresOnePendingApplicationWithItsFitScoreAndEmailsInSpanish() {
        Setup s = program("Facturas Partners");
        idealProfile(s);
        WebClient visitor = browser().acceptLanguage("es-ES,es;q=0.9");

        WebClient.Page page = visitor.get("/p/" + s.program().slug());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"es\"").contains("Hazte partner de Facturas Partners")
                .contains("20% of every paid invoice for 12 months, paid monthly")
                .contains("Solicitar ahora").contains("Acepto las condiciones del programa")
                .contains("href=\"/p/" + s.program().slug() + "/terms\"")
                .contains("/css/public.css").contains("class=\"hp\"");
        assertThat(page.body().indexOf("Solicitar ahora")).as("the call to action comes before the form")
                .isLessThan(page.body().indexOf("name=\"email\""));

        WebClient.Page sent = visitor.post("/p/" + s.program().slug(), application("Lucía Pérez", "lucia@estudio.test"));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).isEqualTo("/p/" + s.program().slug() + "/thanks");
        assertThat(visitor.get(sent.location()).body()).contains("Gracias por tu solicitud").contains("Qué pasa ahora");
        assertThat(enrollmentsOf(s, "lucia@estudio.test")).isEqualTo(1);
        Enrollment enrollment = enrollmentOf(s, "lucia@estudio.test");
        assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.PENDING);
        Application application = applicationOf(s, "lucia@estudio.test");
        assertThat(application.fitScore()).isEqualTo(75);
        assertThat(application.fitReasons()).hasSize(2)
                .anySatisfy(r -> assertThat(r.given()).isEqualTo("Software")).anySatisfy(r -> {
                    assertThat(r.given()).isEqualTo("Mexico");
                    assertThat(r.matched()).isFalse();
                });
        assertThat(application.referrals()).containsExactly("Marta Gil, marta@clients.test");
        assertThat(application.termsVersionId()).as("the terms version accepted").isNotNull();
        assertThat(application.ip()).as("the client's address").isNotBlank();
        assertThat(partnerByEmail(s, "lucia@estudio.test").language()).isEqualTo(Language.ES);

        Email email = latestEmailTo(s, "lucia@estudio.test");
        assertThat(email.template()).isEqualTo("application-received");
        assertThat(email.language()).isEqualTo(Language.ES);
        assertThat(email.subject()).isEqualTo("Hemos recibido tu solicitud a Facturas Partners");
        assertThat(email.bodyText()).startsWith("Hola:").contains("Hemos recibido tu solicitud.")
                .as("the name typed on a public form is not repeated to an unverified address")
                .doesNotContain("Lucía Pérez");
    }

    @Test
    void anAddressTheMailLibraryRefusesIsAFieldErrorNotAServerError() {
        Setup s = program("Strict Email Partners");

        WebClient.Page page = apply(browser(), s, application("Ana Ruiz", "ana.@strict.test"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsPattern("(?s)name=\"email\".{0,300}must be an email address");
        assertThat(count("select count(*) from partner where workspace_id = ?", s.workspace().value())).isZero();
    }

    @Test
    void aSecondApplicationWithTheSameEmailIsRefusedNextToTheEmailAndStoresNothingMore() {
        Setup s = program("Duplicate Partners");
        apply(browser(), s, application("Ana Ruiz", "ana@dup.test"));

        WebClient.Page again = apply(browser(), s, application("Ana R.", "ANA@dup.test"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Email has already been used to apply to this program");
        assertThat(again.body()).containsPattern("(?s)name=\"email\".{0,200}Email has already been used");
        assertThat(enrollmentsOf(s, "ana@dup.test")).isEqualTo(1);
        assertThat(applicationsOf(s, "ana@dup.test")).isEqualTo(1);
        assertThat(count("select count(*) from partner where workspace_id = ?", s.workspace().value())).isEqualTo(1);
    }

    @Test
    void aRequiredCustomQuestionLeftEmptyIsAnErrorOnThatQuestion() {
        Setup s = program("Questions Partners");
        ApplicationQuestion crm = question(s, "Which CRM do you use?", ApplicationQuestion.Kind.TEXT, List.of(), true);
        ApplicationQuestion agency = question(s, "Do you run an agency?", ApplicationQuestion.Kind.YES_NO, List.of(), false);
        question(s, "Team size", ApplicationQuestion.Kind.CHOICE, List.of("Solo", "Team"), true);

        Map<String, String> form = application("Bea Soto", "bea@questions.test");
        form.put("q_" + agency.id(), "yes");
        WebClient.Page refused = apply(browser(), s, form);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Please correct the highlighted fields.")
                .contains("Which CRM do you use? is required").contains("Team size is required")
                .doesNotContain("Do you run an agency? is required")
                .contains("value=\"yes\" checked");
        assertThat(enrollmentsOf(s, "bea@questions.test")).isZero();

        WebClient visitor = browser();
        Map<String, String> complete = application("Bea Soto", "bea@questions.test");
        complete.put("q_" + crm.id(), "HubSpot");
        complete.put("q_" + agency.id(), "no");
        complete.put("q_" + forms.questions(s.workspace(), s.program().id()).get(2).id(), "Team");
        assertThat(apply(visitor, s, complete).status()).isEqualTo(302);
        assertThat(applicationOf(s, "bea@questions.test").answers())
                .extracting(Application.Answer::question, Application.Answer::answer)
                .contains(org.assertj.core.groups.Tuple.tuple("Which CRM do you use?", "HubSpot"),
                        org.assertj.core.groups.Tuple.tuple("Do you run an agency?", "no"));
    }

    @Test
    void everyMissingFieldIsNamedAtOnceAndTheTermsMustBeAccepted() {
        Setup s = program("Empty Partners");
        Map<String, String> form = application("", "not-an-email");
        form.put("plan", "");
        form.put("reference1", "");
        form.remove("terms");

        WebClient.Page refused = apply(browser(), s, form);

        assertThat(refused.body()).contains("Your name is required").contains("Email must be an email address")
                .contains("Your plan is required").contains("References needs at least one reference")
                .contains("Terms must be accepted to apply");
        assertThat(count("select count(*) from partner where workspace_id = ?", s.workspace().value())).isZero();
    }

    @Test
    void aFilledHoneypotIsThankedButNothingIsStored() {
        Setup s = program("Honeypot Partners");
        Map<String, String> bot = application("Spam Bot", "bot@spam.test");
        bot.put("homepage", "https://spam.test");

        WebClient visitor = browser();
        WebClient.Page answer = apply(visitor, s, bot);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(visitor.get(answer.location()).body()).contains("Thank you for applying");
        assertThat(count("select count(*) from partner where workspace_id = ?", s.workspace().value())).isZero();
        assertThat(emails.latestTo(s.workspace(), "bot@spam.test")).isEmpty();
    }

    @Test
    void theEleventhSubmissionFromOneAddressWithinTenMinutesIsRefusedWith429() {
        Setup s = program("Limit Partners");
        WebClient visitor = browser();
        for (int i = 1; i <= 10; i++) {
            Map<String, String> form = application("Person " + i, "person" + i + "@limit.test");
            assertThat(apply(visitor, s, form).status()).as("submission %d", i).isEqualTo(302);
        }

        WebClient.Page eleventh = apply(visitor, s, application("Person Eleven", "eleven@limit.test"));

        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.body()).contains("Too many applications at once").contains("Please wait 10 minutes");
        assertThat(enrollmentsOf(s, "eleven@limit.test")).isZero();
        assertThat(count("select count(*) from enrollment where workspace_id = ?", s.workspace().value())).isEqualTo(10);
    }

    @Test
    void anArchivedOrUnknownProgramHasNoApplicationPage() {
        Setup s = program("Archived Partners");
        programs.archive(s.workspace(), MANAGER, s.program().id());

        assertThat(browser().get("/p/" + s.program().slug()).status()).isEqualTo(404);
        assertThat(browser().get("/p/no-such-program-here").status()).isEqualTo(404);
        assertThat(browser().get("/p/no-such-program-here/terms").status()).isEqualTo(404);
    }

    @Test
    void theTermsPageShowsTheCurrentAgreementRendered() {
        Setup s = program("Terms Partners");

        WebClient.Page terms = browser().get("/p/" + s.program().slug() + "/terms");

        assertThat(terms.status()).isEqualTo(200);
        assertThat(terms.body()).contains("Partner agreement").contains("<h2>Commission terms</h2>")
                .contains("<strong>20%</strong>").contains("Version 1");
    }

    @Test
    void thePublicPageNeverShowsAnotherApplicantsData() {
        Setup s = program("Private Partners");
        Map<String, String> first = application("Carmen Secreta", "carmen@private.test");
        first.put("phone", "+34 611 222 333");
        apply(browser(), s, first);

        WebClient stranger = browser();
        WebClient.Page fresh = stranger.get("/p/" + s.program().slug());
        WebClient.Page duplicate = stranger.post("/p/" + s.program().slug(), application("Mallory", "carmen@private.test"));
        WebClient.Page thanks = stranger.get("/p/" + s.program().slug() + "/thanks");

        for (WebClient.Page page : List.of(fresh, duplicate, thanks)) {
            assertThat(page.body()).doesNotContain("Carmen").doesNotContain("611 222 333")
                    .doesNotContain("Carmen Secreta Studio");
        }
        assertThat(fresh.body()).doesNotContain("carmen@private.test");
        assertThat(thanks.body()).doesNotContain("carmen@private.test");
    }

    @Test
    void aPartnerIntroducedThroughAnInviteLinkRecordsWhoIntroducedThem() {
        Setup s = program("Introduced Partners");
        apply(browser(), s, application("Iker Guía", "iker@intro.test"));
        Partner introducer = partnerByEmail(s, "iker@intro.test");

        WebClient visitor = browser();
        WebClient.Page page = visitor.get("/p/" + s.program().slug() + "?via=" + introducer.inviteCode().toLowerCase());
        assertThat(page.body()).contains("value=\"" + introducer.inviteCode().toLowerCase() + "\"");
        Map<String, String> form = application("Nora Nueva", "nora@intro.test");
        form.put("via", introducer.inviteCode().toLowerCase());
        assertThat(visitor.post("/p/" + s.program().slug(), form).status()).isEqualTo(302);

        assertThat(partnerByEmail(s, "nora@intro.test").introducedBy()).isEqualTo(introducer.id());
        assertThat(enrollmentOf(s, "nora@intro.test").introducedBy()).isEqualTo(introducer.id());
    }

    @Test
    void anInviteCodeFromAnotherWorkspaceIntroducesNobody() {
        Setup other = program("Elsewhere Partners");
        apply(browser(), other, application("Otto Other", "otto@elsewhere.test"));
        Partner stranger = partnerByEmail(other, "otto@elsewhere.test");
        Setup s = program("Home Partners");

        Map<String, String> form = application("Hana Home", "hana@home.test");
        form.put("via", stranger.inviteCode());
        apply(browser(), s, form);

        assertThat(partnerByEmail(s, "hana@home.test").introducedBy()).isNull();
    }

}
