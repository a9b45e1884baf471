package dev.tandem.testing;

import java.util.List;
import java.util.UUID;

import dev.tandem.core.Language;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.Partners;
import dev.tandem.partner.PortalLinks;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramType;
import dev.tandem.program.Programs;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programs and approved partners for the modules that come after the partner lifecycle (tracking,
 * referrals, commissions), built through the same services the pages use.
 */
@Component
public class ProgramFixtures {

    public static final Actor MANAGER = new Actor(Actor.Kind.SYSTEM, null, "Test setup");

    private final Fixtures fixtures;
    private final Programs programs;
    private final Partners partners;
    private final PortalLinks portalLinks;

    ProgramFixtures(Fixtures fixtures, Programs programs, Partners partners, PortalLinks portalLinks) {
        this.fixtures = fixtures;
        this.programs = programs;
        this.partners = partners;
        this.portalLinks = portalLinks;
    }

    /** A tenant with one program: EUR, destination https://acme.test/, also allowing shop.acme.test, last click over 30 days. */
    public record Setup(Fixtures.Tenant tenant, Program program) {
        public WorkspaceId workspace() {
            return tenant.ids().workspaceId();
        }
    }

    /** A partner approved into the program's default tier. */
    public record Member(Partner partner, Enrollment enrollment) {
    }

    public Setup program(String name) {
        Fixtures.Tenant tenant = fixtures.tenant(name + " " + UUID.randomUUID().toString().substring(0, 6));
        return new Setup(tenant, anotherProgram(tenant, name));
    }

    public Program anotherProgram(Fixtures.Tenant tenant, String name) {
        return programs.create(tenant.ids().workspaceId(), MANAGER, new Programs.Settings(name, ProgramType.REFERRAL,
                "We make invoicing easy for freelancers.", "EUR", "https://acme.test/", List.of("shop.acme.test"), null,
                30, "20% of every paid invoice for 12 months", null));
    }

    public Member approvedPartner(Setup s, String name) {
        return approvedPartner(s.workspace(), s.program(), name);
    }

    public Member approvedPartner(WorkspaceId workspace, Program program, String name) {
        String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "." + UUID.randomUUID().toString().substring(0, 6)
                + "@partners.test";
        Partner partner = partners.findOrCreate(workspace, new Partners.NewPartner(email, name, "", name + " Studio", "",
                Partner.Profile.empty(), Language.EN, null));
        Enrollment enrollment = partners.enroll(workspace, MANAGER, program.id(), partner.id(), null,
                EnrollmentStatus.APPROVED, "");
        return new Member(partner, enrollment);
    }

    /** Signs this browser in to the partner portal as the partner, through a sign-in link. */
    public WebClient portal(WebClient browser, WorkspaceId workspace, Partner partner) {
        String url = portalLinks.issue(workspace, partner.id(), PortalLinks.Purpose.SIGN_IN);
        String path = url.substring(url.indexOf("/portal/login/"));
        assertThat(browser.get(path).status()).isEqualTo(200);
        assertThat(browser.post(path, java.util.Map.of()).location()).isEqualTo("/portal");
        return browser;
    }
}
