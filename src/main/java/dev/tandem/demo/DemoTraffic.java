package dev.tandem.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.tandem.core.Ids;
import dev.tandem.tracking.ClickIds;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.Links;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's links and clicks. Links are made by tracking's service; the clicks of the last 90 days
 * are written straight into tracking's {@code click} table, because no service writes clicks in bulk
 * (the redirect records one visitor at a time, and its writer is internal to tracking).
 */
@Component
class DemoTraffic {

    private static final String INSERT = "insert into click (workspace_id, id, clicked_at, link_id, program_id,"
            + " partner_id, click_token, visitor_hash, user_agent, referrer, utm_source, utm_medium, utm_campaign,"
            + " country, is_bot, is_repeat) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"};
    private static final String[] REFERRERS = {"https://www.linkedin.com/", "https://www.google.com/", null,
        "https://t.co/", "https://www.facebook.com/", null};
    private static final String[] SOURCES = {"linkedin", "newsletter", null, "twitter", "facebook", null};
    private static final String[] MEDIUMS = {"social", "email", null, "social", "social", null};
    private static final String[] COUNTRIES = {"ES", "PT", "IT", "NO", "DE", "GB", "US", "FR", "BR", "MX"};

    private final Links links;
    private final ClickIds clickIds;
    private final JdbcTemplate jdbc;

    DemoTraffic(Links links, ClickIds clickIds, JdbcTemplate jdbc) {
        this.links = links;
        this.clickIds = clickIds;
        this.jdbc = jdbc;
    }

    /** A click waiting to be written; {@code token} is the click id a lead may carry. */
    record Click(Link link, Instant at, String token, String country) {
    }

    /** Each member's default link, and a newsletter link for every third one. */
    List<Link> links(WorkspaceId workspace, Actor by, List<DemoSetup.Member> members) {
        List<Link> made = new ArrayList<>();
        int n = 0;
        for (DemoSetup.Member m : members) {
            made.add(links.defaultLink(workspace, m.program().id(), m.partner().id()));
            links.referralCode(workspace, m.program().id(), m.partner().id());
            if (n++ % 3 == 0) {
                made.add(links.create(workspace, by, new Links.NewLink(m.program().id(), m.partner().id(), null, null,
                        "newsletter")));
            }
        }
        return made;
    }

    /** {@code count} clicks spread over the last 90 days, more recent days busier, busier links busier. */
    List<Click> clicks(WorkspaceId workspace, List<Link> all, int count, Instant now, Random random) {
        List<Click> clicks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // a skewed pick: the first links of the list (the busiest partners) get most clicks
            Link link = all.get((int) (all.size() * Math.pow(random.nextDouble(), 1.6)));
            double age = 90 * Math.pow(random.nextDouble(), 1.3);
            clicks.add(click(workspace, link, now.minus(Duration.ofSeconds((long) (age * 86_400))), random));
        }
        return clicks;
    }

    Click click(WorkspaceId workspace, Link link, Instant at, Random random) {
        return new Click(link, at, clickIds.issue(workspace, link.id(), at), COUNTRIES[random.nextInt(COUNTRIES.length)]);
    }

    void write(WorkspaceId workspace, List<Click> clicks, Random random) {
        List<Object[]> rows = new ArrayList<>(clicks.size());
        for (Click c : clicks) {
            byte[] visitor = new byte[16];
            random.nextBytes(visitor);
            int source = random.nextInt(SOURCES.length);
            boolean bot = random.nextInt(40) == 0;
            rows.add(new Object[] {workspace.value(), Ids.newId(), java.sql.Timestamp.from(c.at()), c.link().id().value(),
                c.link().programId().value(), c.link().partnerId().value(), c.token(), visitor,
                bot ? "LinkedInBot/1.0" : AGENTS[random.nextInt(AGENTS.length)], REFERRERS[source], SOURCES[source],
                MEDIUMS[source], c.link().campaign() == null || c.link().campaign().isEmpty()
                        ? null : c.link().campaign(), c.country(), bot, !bot && random.nextInt(15) == 0});
        }
        jdbc.batchUpdate(INSERT, rows);
    }
}
