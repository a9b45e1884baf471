package dev.tandem.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.tandem.commission.CommissionTestBase;
import dev.tandem.partner.PortalLinks;
import dev.tandem.referral.Claims;
import dev.tandem.referral.Deals;
import dev.tandem.testing.Browsers;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin and portal page on a 360 px wide phone, by keyboard: the page itself never scrolls
 * sideways (a wide table scrolls inside its {@code .table-wrap}), every visible form control has
 * an accessible name, and the first Tab lands on the skip link, visible and with a focus style.
 * The problems of every page are collected and reported together, so one run shows them all.
 */
class NarrowScreenBrowserTest extends CommissionTestBase {

    private static final int WIDTH = 360;
    private static final int TABS = 30;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    PortalLinks portalLinks;

    @Autowired
    Deals deals;

    @Autowired
    Claims claims;

    private final List<String> problems = new ArrayList<>();

    @Test
    void everyAdminAndPortalPageFitsAPhoneHasLabelsAndStartsWithTheSkipLink() {
        start("Narrow screens");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Narrow");
        ProgramFixtures.Member cy = programs.approvedPartner(setup, "Cy Narrow");
        payoutMethod(ana, "{\"type\": \"sepa\", \"holderName\": \"Ana Narrow\", \"iban\": \"ES9121000418450200051332\"}");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        String referral = sale(ana, "cus_narrow_ana_with_a_rather_long_customer_identifier", 100_000, days(1))
                .get("referral").get("id").asString();
        sale(cy, "cus_narrow_cy", 20_000, days(1));
        refund(cy, sale(cy, "cus_narrow_cy_refunded", 5_000, days(2)), 5_000, days(3));
        later(Duration.ofDays(16));
        deals.register(setup.workspace(), ana.partner().id(), new Deals.Registration(program(), "Wide Company Name International",
                "Bea Prospect", "bea.prospect.with.a.long.address@wide-company-name-international.test", "25000", "EUR",
                "Met at the conference; wants a demo for their whole finance team."));
        claims.submit(setup.workspace(), ana.partner().id(), new Claims.Submission(program(),
                "someone.who.signed.up.without.the.link@customers.test", "Someone Unlinked",
                "They told me on a call that they signed up after my webinar."));
        String run = run(setup.program()).get("id").asString();
        String program = setup.program().id().toString();
        String partner = ana.partner().id().toString();

        Page staff = phone();
        staff.navigate("/login");
        staff.locator("#username").fill(setup.tenant().ownerEmail());
        staff.locator("#password").fill(Fixtures.PASSWORD);
        staff.locator("form button[type=submit]").click();
        staff.waitForURL("**/admin");
        for (String path : List.of("/admin", "/admin/programs", "/admin/programs/" + program,
                "/admin/programs/" + program + "/agreement", "/admin/programs/" + program + "/plans",
                "/admin/programs/" + program + "/form", "/admin/programs/" + program + "/applications",
                "/admin/programs/" + program + "/onboarding", "/admin/programs/" + program + "/invite",
                "/admin/programs/" + program + "/links", "/admin/programs/" + program + "/codes",
                "/admin/programs/" + program + "/snippet", "/admin/partners", "/admin/partners/" + partner,
                "/admin/referrals", "/admin/referrals/" + referral, "/admin/referrals/unattributed", "/admin/deals",
                "/admin/claims", "/admin/commissions", "/admin/commissions/ledger",
                "/admin/commissions/customer-rewards", "/admin/payouts", "/admin/payouts/runs/" + run,
                "/admin/payouts/settings", "/admin/team", "/admin/api-keys", "/admin/audit", "/admin/outbox",
                "/admin/settings", "/admin/integrations/stripe", "/admin/account")) {
            visit(staff, path);
        }
        // one email as staff read it, with the list of its links (long addresses that must wrap)
        staff.navigate("/admin/outbox");
        visit(staff, "/admin/outbox/" + staff.locator("tr[data-email]").first().getAttribute("data-email"));

        Page portal = phone();
        String link = portalLinks.issue(setup.workspace(), ana.partner().id(), PortalLinks.Purpose.SIGN_IN);
        portal.navigate(link.substring(link.indexOf("/portal/login/")));
        portal.locator("form button[type=submit]").click();
        portal.waitForURL("**/portal");
        for (String path : List.of("/portal", "/portal/links", "/portal/referrals", "/portal/earnings",
                "/portal/payouts", "/portal/deals", "/portal/agreements", "/portal/onboarding",
                "/portal/profile", "/portal/payout")) {
            visit(portal, path);
        }

        assertThat(problems).as("pages that do not work at " + WIDTH + " px, by keyboard or by name").isEmpty();
    }

    private String program() {
        return setup.program().id().toString();
    }

    private Page phone() {
        return chromium.open("http://localhost:" + port,
                new Browser.NewContextOptions().setViewportSize(WIDTH, 740).setIsMobile(true).setHasTouch(true));
    }

    private void visit(Page page, String path) {
        var response = page.navigate(path);
        if (response == null || response.status() != 200) {
            problems.add(path + ": answered " + (response == null ? "nothing" : response.status()));
            return;
        }
        check(page, path);
        chromium.screenshot(page, "narrow" + path.replace('/', '_') + ".png");
    }

    private void check(Page page, String path) {
        int overflow = Browsers.horizontalOverflow(page);
        if (overflow > 0) {
            problems.add(path + ": scrolls sideways by " + overflow + " px; too wide: " + page.evaluate(TOO_WIDE, WIDTH));
        }
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) page.evaluate(UNNAMED_CONTROLS);
        unnamed.forEach(control -> problems.add(path + ": no accessible name for " + control));
        if (!Boolean.TRUE.equals(page.evaluate(HAS_FOCUS_VISIBLE_RULE))) {
            problems.add(path + ": no :focus-visible rule in the page's stylesheets");
        }
        page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        page.keyboard().press("Tab");
        String focused = (String) page.evaluate(FOCUSED, WIDTH);
        if (!"skip link, visible, with a focus style".equals(focused)) {
            problems.add(path + ": the first Tab focuses " + focused);
        }
        // then on through the menu and into the page: every stop is on screen and shows where it is
        for (int tab = 2; tab <= TABS; tab++) {
            page.keyboard().press("Tab");
            String next = (String) page.evaluate(FOCUSED, WIDTH);
            if ("nothing".equals(next)) {
                break;
            }
            if (!next.endsWith("visible, with a focus style")) {
                problems.add(path + ": Tab " + tab + " focuses " + next);
            }
        }
    }

    // the deepest elements reaching past the window's right edge, outside any scrolling table wrapper
    private static final String TOO_WIDE = """
            width => {
              const out = [];
              for (const el of document.body.querySelectorAll('*')) {
                if (el.closest('.table-wrap') || el.closest('.skip')) continue;
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.right <= width + 0.5) continue;
                if ([...el.children].some(c => c.getBoundingClientRect().right > width + 0.5)) continue;
                out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                    + ' (' + Math.round(r.right) + ' px)');
                if (out.length >= 6) break;
              }
              return out.join(', ');
            }""";

    private static final String UNNAMED_CONTROLS = """
            () => [...document.querySelectorAll('input, select, textarea')]
              .filter(el => el.type !== 'hidden' && el.getClientRects().length > 0
                  && getComputedStyle(el).visibility !== 'hidden')
              .filter(el => !(el.labels && [...el.labels].some(l => l.textContent.trim()))
                  && !(el.getAttribute('aria-label') || '').trim()
                  && !(el.getAttribute('aria-labelledby') || '').split(/\\s+/)
                        .some(id => id && document.getElementById(id) && document.getElementById(id).textContent.trim()))
              .map(el => el.tagName.toLowerCase() + (el.type ? '[type=' + el.type + ']' : '')
                  + (el.name ? '[name=' + el.name + ']' : '') + (el.id ? '#' + el.id : ''))""";

    private static final String HAS_FOCUS_VISIBLE_RULE = """
            () => [...document.styleSheets].some(sheet => {
              try {
                return [...sheet.cssRules].some(rule => (rule.selectorText || '').includes(':focus-visible'));
              } catch (e) {
                return false;
              }
            })""";

    private static final String FOCUSED = """
            width => {
              const el = document.activeElement;
              if (!el || el === document.body) return 'nothing';
              const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
                  ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 30) + '"';
              const r = el.getBoundingClientRect();
              // at least partly in the window (a tall textarea or table cannot fit whole)
              const visible = r.width > 0 && r.height > 0 && r.right > 0 && r.left < width
                  && r.bottom > 0 && r.top < window.innerHeight;
              const s = getComputedStyle(el);
              const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
              const shadowed = s.boxShadow && s.boxShadow !== 'none';
              if (!visible) return name + ', off screen or invisible';
              if (!(outlined || shadowed)) return name + ', without a focus style';
              return (el.classList.contains('skip') ? 'skip link' : name) + ', visible, with a focus style';
            }""";
}
