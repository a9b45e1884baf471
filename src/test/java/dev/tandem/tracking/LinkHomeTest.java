package dev.tandem.tracking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import dev.tandem.core.Ids;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Your link to share" on the portal's home: the partner's link with the most unique human
 * visitors of the last 90 days, else their default link, with copy, share buttons, QR code and a
 * ready text; never another partner's link; a word on what comes while not yet approved.
 */
class LinkHomeTest extends IntegrationTest {

    @Autowired
    ProgramFixtures fixtures;
    @Autowired
    Links links;
    @Autowired
    Partners partners;

    @Test
    void theLinkWithTheMostRecentVisitorsBeatsTheDefaultLink() {
        ProgramFixtures.Setup acme = fixtures.program("Home best link");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Home");
        ProgramFixtures.Member bo = fixtures.approvedPartner(acme, "Bo Home");
        Link standard = links.defaultLink(acme.workspace(), acme.program().id(), ana.partner().id());
        Link newsletter = links.create(acme.workspace(), ProgramFixtures.MANAGER, new Links.NewLink(acme.program().id(),
                ana.partner().id(), "ana-newsletter-" + Ids.newId().toString().substring(0, 6), null, "Newsletter"));
        Link bos = links.defaultLink(acme.workspace(), acme.program().id(), bo.partner().id());
        Instant now = Instant.now();
        clicks(acme, ana, newsletter, 3, now.minus(Duration.ofDays(2)), false);
        clicks(acme, ana, standard, 2, now.minus(Duration.ofDays(1)), false);
        // what must not count: bots, and visits older than 90 days
        clicks(acme, ana, standard, 10, now.minus(Duration.ofHours(3)), true);
        clicks(acme, ana, standard, 5, now.minus(Duration.ofDays(100)), false);
        // another partner of the same program with more visitors than anybody
        clicks(acme, bo, bos, 20, now.minus(Duration.ofDays(1)), false);

        String home = fixtures.portal(browser(), acme.workspace(), ana.partner()).get("/portal").body();

        String section = section(home);
        assertThat(section).contains("Your link to share")
                .contains("Your most visited link over the last 90 days (unique visitors: 3).")
                .contains("value=\"http://localhost:8080/r/" + newsletter.slug() + "\"")
                .contains("data-copy=\"url-" + newsletter.id() + "\"")
                .contains("https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Flocalhost%3A8080%2Fr%2F"
                        + newsletter.slug())
                .contains("https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost%3A8080%2Fr%2F"
                        + newsletter.slug())
                .contains("mailto:?subject=A%20recommendation%3A%20Home%20best%20link&amp;body=")
                .contains("/portal/links/" + newsletter.id() + "/qr.svg")
                .contains("Ready-to-paste texts").contains("/r/" + newsletter.slug() + "</textarea>")
                .doesNotContain("/r/" + standard.slug() + "\"")
                .doesNotContain("Switch off");
        assertThat(home).as("another partner's link is never on the page").doesNotContain(bos.slug())
                .contains("/js/links.js").doesNotContain("style=\"");
    }

    @Test
    void withoutRecentVisitorsTheDefaultLinkIsTheOneToShare() {
        ProgramFixtures.Setup acme = fixtures.program("Home default link");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Default");
        Link standard = links.defaultLink(acme.workspace(), acme.program().id(), ana.partner().id());
        Link older = links.create(acme.workspace(), ProgramFixtures.MANAGER, new Links.NewLink(acme.program().id(),
                ana.partner().id(), "ana-old-" + Ids.newId().toString().substring(0, 6), null, "Old flyer"));
        clicks(acme, ana, older, 7, Instant.now().minus(Duration.ofDays(120)), false);

        String section = section(fixtures.portal(browser(), acme.workspace(), ana.partner()).get("/portal").body());

        assertThat(section).contains("No visitors over the last 90 days yet: this is your link, ready to share.")
                .contains("value=\"http://localhost:8080/r/" + standard.slug() + "\"")
                .doesNotContain("/r/" + older.slug() + "\"");
    }

    @Test
    void aPartnerNotYetApprovedIsToldWhatComesNextAndEachProgramHasItsOwnLink() {
        ProgramFixtures.Setup acme = fixtures.program("Home approved program");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Waiting");
        Program waiting = fixtures.anotherProgram(acme.tenant(), "Home waiting program");
        partners.enroll(acme.workspace(), ProgramFixtures.MANAGER, waiting.id(), ana.partner().id(), null,
                EnrollmentStatus.PENDING, "");

        String section = section(fixtures.portal(browser(), acme.workspace(), ana.partner()).get("/portal").body());

        Link standard = links.defaultLink(acme.workspace(), acme.program().id(), ana.partner().id());
        assertThat(section).contains("<h3>Home approved program</h3>").contains("<h3>Home waiting program</h3>")
                .contains("value=\"http://localhost:8080/r/" + standard.slug() + "\"")
                .contains("your link appears here, ready to share with one click.");
        assertThat(links.ofPartner(acme.workspace(), ana.partner().id(), waiting.id()))
                .as("no link is made in a program that has not approved the partner").isEmpty();
    }

    private static String section(String home) {
        int start = home.indexOf("<section class=\"tracking link-to-share\"");
        assertThat(start).as("the home shows the link to share").isNotNegative();
        return home.substring(start, home.indexOf("</section>", start));
    }

    private void clicks(ProgramFixtures.Setup s, ProgramFixtures.Member m, Link link, int count, Instant at, boolean bot) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("insert into click (workspace_id, id, clicked_at, link_id, program_id, partner_id, click_token, is_bot,"
                            + " is_repeat) values (?, ?, ?, ?, ?, ?, ?, ?, false)")
                    .params(s.workspace().value(), Ids.newId(), Timestamp.from(at.plusSeconds(i)), link.id().value(),
                            s.program().id().value(), m.partner().id().value(), "token", bot)
                    .update();
        }
    }
}
