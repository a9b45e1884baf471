package dev.tandem.referral.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tandem.core.Ids;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.CustomerId;
import dev.tandem.referral.EventId;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.tandem.referral.internal.Rows.id;
import static dev.tandem.referral.internal.Rows.instant;
import static dev.tandem.referral.internal.Rows.ts;
import static dev.tandem.referral.internal.Rows.uuid;
import static dev.tandem.referral.internal.Rows.value;

/** What attribution weighs across events: each click, code or hint seen for a customer; and accepted deals. */
@Repository
public class TouchpointRepository {

    /** How many earlier touchpoints of one customer are weighed: enough for any real journey. */
    private static final int HISTORY = 50;

    private final JdbcClient jdbc;
    private final dev.tandem.core.WriteBehind writeBehind;

    TouchpointRepository(JdbcClient jdbc, dev.tandem.core.WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
        this.jdbc = jdbc;
    }

    /** One touchpoint; {@code event} is the event that carried it. */
    public record Touchpoint(String kind, PartnerId partner, LinkId link, Instant seenAt, EventId event) {
    }

    /** An accepted deal registration for the customer's email. */
    public record Deal(ProgramId program, PartnerId partner, Instant createdAt) {
    }

    /** The customer's touchpoints in the program, newest first (at most {@value #HISTORY}). */
    public List<Touchpoint> of(WorkspaceId workspace, CustomerId customer, ProgramId program) {
        return jdbc.sql("select kind, partner_id, link_id, seen_at, event_id from touchpoint"
                        + " where workspace_id = ? and customer_id = ? and program_id = ? order by seen_at desc limit ?")
                .params(workspace.value(), customer.value(), program.value(), HISTORY)
                .query((rs, row) -> new Touchpoint(rs.getString("kind"), new PartnerId(uuid(rs, "partner_id")),
                        id(rs, "link_id", LinkId::new), instant(rs, "seen_at"), id(rs, "event_id", EventId::new)))
                .list();
    }

    public void insert(WorkspaceId workspace, CustomerId customer, ProgramId program, List<Touchpoint> touches) {
        for (Touchpoint t : touches) {
            writeBehind.insert("touchpoint", "insert into touchpoint (workspace_id, id, customer_id, program_id,"
                            + " partner_id, link_id, kind, seen_at, event_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    workspace.value(), Ids.newId(), customer.value(), program.value(), t.partner().value(),
                    value(t.link()), t.kind(), ts(t.seenAt()), value(t.event()));
        }
    }

    /** The newest accepted deal for this email registered since {@code since}, in the program when given. */
    public Optional<Deal> acceptedDeal(WorkspaceId workspace, String email, ProgramId program, Instant since) {
        return jdbc.sql("select program_id, partner_id, created_at from deal_registration"
                        + " where workspace_id = ? and email = ? and status = 'accepted' and created_at >= ?"
                        + " and (?::uuid is null or program_id = ?) order by created_at desc limit 1")
                .params(workspace.value(), email, ts(since), value(program), value(program))
                .query((rs, row) -> new Deal(new ProgramId(uuid(rs, "program_id")),
                        new PartnerId(uuid(rs, "partner_id")), instant(rs, "created_at")))
                .optional();
    }
}
