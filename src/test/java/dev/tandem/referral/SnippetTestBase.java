package dev.tandem.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.referral.internal.LeadRateLimits;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.tracking.ClickIds;
import dev.tandem.tracking.Codes;
import dev.tandem.tracking.ReferralCode;
import dev.tandem.tracking.LinkId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the lead capture tests share (the hosted referral page and the snippet): a program with an
 * approved partner, their referral code, a tracking link written as tracking would, click ids, and
 * the events the intake stored.
 */
abstract class SnippetTestBase extends IntegrationTest {

    @Autowired
    protected ProgramFixtures fixtures;

    @Autowired
    protected ClickIds clickIds;

    @Autowired
    protected PublishableKeys publishableKeys;

    @Autowired
    protected LeadRateLimits limits;

    @Autowired
    protected Codes codes;

    /** Every test sends as many leads as it needs: the limits are tested on their own. */
    @BeforeEach
    void startWithinTheLeadLimits() {
        limits.reset();
    }

    /** The partner's referral code in the program, as tracking makes it on approval. */
    protected ReferralCode referralCode(ProgramFixtures.Setup s, ProgramFixtures.Member member) {
        return codes.referralCode(s.workspace(), s.program().id(), member.partner().id());
    }

    /** A tracking link of the partner in the program. */
    protected LinkId link(ProgramFixtures.Setup s, ProgramFixtures.Member member) {
        UUID id = Ids.newId();
        jdbc.sql("insert into link (workspace_id, id, program_id, partner_id, slug, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(s.workspace().value(), id, s.program().id().value(), member.partner().id().value(),
                        "lc-" + id.toString().substring(24), Timestamp.from(Instant.now()))
                .update();
        return new LinkId(id);
    }

    /** The id of a click on the link a minute ago, as the redirect hands it to the landing page. */
    protected String clickId(ProgramFixtures.Setup s, LinkId link) {
        return clickIds.issue(s.workspace(), link, Instant.now().minusSeconds(60));
    }

    /** The workspace's stored events: type, source, partner, customer email, metadata. */
    protected List<Map<String, Object>> events(ProgramFixtures.Setup s) {
        return jdbc.sql("select e.type, e.source, e.partner_id, e.program_id, e.click_token, e.code, e.metadata::text as metadata,"
                        + " c.email, c.name, c.company from conversion_event e left join customer c"
                        + " on c.workspace_id = e.workspace_id and c.id = e.customer_id where e.workspace_id = ?"
                        + " order by e.received_at")
                .param(s.workspace().value())
                .query().listOfRows();
    }

    /** How many customers and events the workspace has: what bad input must leave unchanged. */
    protected long stored(ProgramFixtures.Setup s) {
        return jdbc.sql("select (select count(*) from conversion_event where workspace_id = ?)"
                        + " + (select count(*) from customer where workspace_id = ?)")
                .params(s.workspace().value(), s.workspace().value())
                .query(Long.class).single();
    }
}
