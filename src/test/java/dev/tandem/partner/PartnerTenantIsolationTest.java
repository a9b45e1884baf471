package dev.tandem.partner;

import java.util.Map;

import dev.tandem.testing.ApiClient;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Another workspace's key or staff cannot see or change this workspace's partners: it all looks not found. */
class PartnerTenantIsolationTest extends PartnerTestBase {

    @Test
    void anotherWorkspacesKeyGets404ForPartnersEnrollmentsAndApplications() {
        Setup a = program("Alpha Isolation");
        Setup b = program("Bravo Isolation");
        apply(browser(), a, application("Alma Alpha", "alma@alpha.test"));
        Enrollment enrollment = enrollmentOf(a, "alma@alpha.test");
        ApplicationId application = applicationIdOf(a, "alma@alpha.test");
        ApiClient bravo = api(b.tenant().apiKey());

        assertThat(bravo.get("/api/v1/partners/" + enrollment.partnerId()).status()).isEqualTo(404);
        assertThat(bravo.get("/api/v1/programs/" + a.program().id() + "/partners").status()).isEqualTo(404);
        assertThat(bravo.get("/api/v1/programs/" + a.program().id() + "/applications").status()).isEqualTo(404);
        assertThat(bravo.post("/api/v1/enrollments/" + enrollment.id() + "/status",
                "{\"status\": \"approved\"}").status()).isEqualTo(404);
        assertThat(bravo.post("/api/v1/enrollments/" + enrollment.id() + "/tier",
                "{\"tierId\": \"" + programs.defaultTier(b.workspace(), b.program().id()).id() + "\"}").status()).isEqualTo(404);
        assertThat(bravo.post("/api/v1/applications/" + application + "/approve", "{}").status()).isEqualTo(404);
        assertThat(bravo.post("/api/v1/applications/" + application + "/reject", "{\"reason\": \"no\"}").status())
                .isEqualTo(404);
        assertThat(bravo.post("/api/v1/programs/" + a.program().id() + "/invitations",
                "{\"email\": \"x@bravo.test\", \"name\": \"X\"}").status()).isEqualTo(404);

        assertThat(enrollmentOf(a, "alma@alpha.test").status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(enrollmentOf(a, "alma@alpha.test").tierId()).isEqualTo(enrollment.tierId());
    }

    @Test
    void anotherWorkspacesStaffGets404ForThesePagesAndNeverSeesThePartnersInTheirList() {
        Setup a = program("Alpha Pages Isolation");
        Setup b = program("Bravo Pages Isolation");
        apply(browser(), a, application("Arturo Alpha", "arturo@alpha.test"));
        Enrollment enrollment = enrollmentOf(a, "arturo@alpha.test");
        ApplicationId application = applicationIdOf(a, "arturo@alpha.test");
        WebClient bravo = signedIn(b.tenant());

        assertThat(bravo.get("/admin/partners").body()).doesNotContain("Arturo").doesNotContain("arturo@alpha.test");
        WebClient.Page partnerPage = bravo.get("/admin/partners/" + enrollment.partnerId());
        assertThat(partnerPage.status()).isEqualTo(404);
        assertThat(partnerPage.body()).doesNotContain("Arturo");
        assertThat(bravo.get("/admin/partners?program=" + a.program().id()).status()).isEqualTo(404);
        assertThat(bravo.get("/admin/programs/" + a.program().id() + "/applications").status()).isEqualTo(404);
        assertThat(bravo.get("/admin/programs/" + a.program().id() + "/invite").status()).isEqualTo(404);
        assertThat(bravo.post("/admin/programs/" + a.program().id() + "/applications/" + application + "/approve",
                Map.of()).status()).isEqualTo(404);
        assertThat(bravo.post("/admin/programs/" + b.program().id() + "/applications/" + application + "/reject",
                Map.of("reason", "no")).status()).isEqualTo(404);
        assertThat(bravo.post("/admin/partners/" + enrollment.partnerId() + "/enrollments/" + enrollment.id()
                + "/status", Map.of("status", "rejected", "reason", "no")).status()).isEqualTo(404);

        assertThat(enrollmentOf(a, "arturo@alpha.test").status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(emails.latestTo(a.workspace(), "arturo@alpha.test").orElseThrow().template())
                .isEqualTo("application-received");
    }
}
