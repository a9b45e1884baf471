package dev.tandem.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.notification.Email;
import dev.tandem.notification.Emails;
import dev.tandem.partner.web.SubmissionRateLimiter;
import dev.tandem.program.Agreements;
import dev.tandem.program.ApplicationForms;
import dev.tandem.program.ApplicationQuestion;
import dev.tandem.program.FitCriterion;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramType;
import dev.tandem.program.Programs;
import dev.tandem.program.Tier;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A workspace with a program to apply to, and the steps an applicant and a reviewer take. */
abstract class PartnerTestBase extends IntegrationTest {

    static final Actor MANAGER = new Actor(Actor.Kind.SYSTEM, null, "Test setup");

    @Autowired
    Fixtures fixtures;
    @Autowired
    Programs programs;
    @Autowired
    ApplicationForms forms;
    @Autowired
    Agreements agreements;
    @Autowired
    Emails emails;
    @Autowired
    Partners partners;
    @Autowired
    Applications applications;
    @Autowired
    SubmissionRateLimiter limiter;

    @BeforeEach
    void everyTestStartsWithinTheRateLimit() {
        limiter.clear();
    }

    /** A tenant and an active program of it, with its terms published. */
    record Setup(Fixtures.Tenant tenant, Program program) {
        WorkspaceId workspace() {
            return tenant.ids().workspaceId();
        }
    }

    Setup program(String name) {
        Fixtures.Tenant tenant = fixtures.tenant(name + " " + UUID.randomUUID().toString().substring(0, 6));
        Program program = programs.create(tenant.ids().workspaceId(), MANAGER, new Programs.Settings(name,
                ProgramType.REFERRAL, "We make invoicing easy for freelancers.", "EUR", "https://acme.test/",
                List.of(), null, null, "20% of every paid invoice for 12 months, paid monthly", null));
        agreements.publish(tenant.ids().workspaceId(), MANAGER, program.id(), null, "Partner agreement",
                "## Commission terms\n\nWe pay **20%** monthly.");
        return new Setup(tenant, program);
    }

    /** Industry (weight 3) must be software, region (weight 1) spain: software + mexico scores 75. */
    void idealProfile(Setup s) {
        forms.addCriterion(s.workspace(), MANAGER, s.program().id(), FitCriterion.Attribute.INDUSTRY, null,
                List.of("software"), 3);
        forms.addCriterion(s.workspace(), MANAGER, s.program().id(), FitCriterion.Attribute.REGION, null,
                List.of("spain"), 1);
    }

    ApplicationQuestion question(Setup s, String label, ApplicationQuestion.Kind kind, List<String> options,
            boolean required) {
        return forms.addQuestion(s.workspace(), MANAGER, s.program().id(), label, kind, options, required);
    }

    Tier tier(Setup s, String name) {
        return programs.addTier(s.workspace(), MANAGER, s.program().id(), name, "", "");
    }

    /** What a person types into the application form; tests change what they need. */
    static Map<String, String> application(String name, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("email", email);
        form.put("phone", "+34 600 123 456");
        form.put("company", name + " Studio");
        form.put("website", "https://" + name.toLowerCase().replace(' ', '-') + ".test");
        form.put("plan", "I write a newsletter for 4,000 freelancers and will review the product there.");
        form.put("reference1", "Marta Gil, marta@clients.test");
        form.put("reference2", "");
        form.put("industry", "Software");
        form.put("region", "Mexico");
        form.put("terms", "true");
        form.put("homepage", "");
        return form;
    }

    /** Opens the page as a visitor would, then sends the form. */
    static WebClient.Page apply(WebClient visitor, Setup s, Map<String, String> form) {
        WebClient.Page page = visitor.get("/p/" + s.program().slug());
        assertThat(page.status()).isEqualTo(200);
        return visitor.post("/p/" + s.program().slug(), form);
    }

    WebClient signedIn(Fixtures.Tenant tenant) {
        WebClient staff = browser();
        assertThat(staff.login(tenant.ownerEmail(), Fixtures.PASSWORD).location()).endsWith("/admin");
        return staff;
    }

    Email latestEmailTo(Setup s, String address) {
        return emails.latestTo(s.workspace(), address).orElseThrow(() -> new AssertionError("no email to " + address));
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    int enrollmentsOf(Setup s, String email) {
        return count("select count(*) from enrollment e join partner p on p.workspace_id = e.workspace_id"
                + " and p.id = e.partner_id where e.workspace_id = ? and p.email = ? and e.program_id = ?",
                s.workspace().value(), email, s.program().id().value());
    }

    int applicationsOf(Setup s, String email) {
        return count("select count(*) from application a join partner p on p.workspace_id = a.workspace_id"
                + " and p.id = a.partner_id where a.workspace_id = ? and p.email = ?", s.workspace().value(), email);
    }

    Partner partnerByEmail(Setup s, String email) {
        UUID id = jdbc.sql("select id from partner where workspace_id = ? and email = ?")
                .params(s.workspace().value(), email).query(UUID.class).single();
        return partners.get(s.workspace(), new PartnerId(id));
    }

    Enrollment enrollmentOf(Setup s, String email) {
        return partners.enrollment(s.workspace(), s.program().id(), partnerByEmail(s, email).id()).orElseThrow();
    }

    ApplicationId applicationIdOf(Setup s, String email) {
        return new ApplicationId(jdbc.sql("select id from application where workspace_id = ? and enrollment_id = ?")
                .params(s.workspace().value(), enrollmentOf(s, email).id().value()).query(UUID.class).single());
    }

    Application applicationOf(Setup s, String email) {
        return applications.get(s.workspace(), applicationIdOf(s, email)).application();
    }
}
