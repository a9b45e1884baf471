package dev.tandem.integration.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.integration.ReceivedStripeEvent;
import dev.tandem.referral.EventId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every Stripe event received, once per Stripe event id and workspace, with what became of it. */
@Repository
public class ReceivedEventRepository {

    private static final String COLUMNS = "stripe_event_id, type, received_at, outcome, event_ids, reason";

    private final JdbcClient jdbc;

    ReceivedEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReceivedStripeEvent> find(WorkspaceId workspace, String stripeEventId) {
        return jdbc.sql("select " + COLUMNS + " from stripe_event where workspace_id = ? and stripe_event_id = ?")
                .params(workspace.value(), stripeEventId)
                .query(ReceivedEventRepository::map).optional();
    }

    /**
     * Stores what became of the event; one that failed before is overwritten (it was worked again),
     * any other stays as it was.
     *
     * @return whether this call stored it (false: a twin delivery stored its outcome first)
     */
    public boolean save(WorkspaceId workspace, ReceivedStripeEvent e) {
        return jdbc.sql("insert into stripe_event (workspace_id, stripe_event_id, type, received_at, outcome, event_ids,"
                        + " reason) values (?, ?, ?, ?, ?, ?::uuid[], ?) on conflict (workspace_id, stripe_event_id) do update"
                        + " set received_at = excluded.received_at, outcome = excluded.outcome,"
                        + " event_ids = excluded.event_ids, reason = excluded.reason where stripe_event.outcome = 'failed'")
                .params(workspace.value(), e.stripeEventId(), e.type(), Timestamp.from(e.receivedAt()),
                        e.outcome().code(), e.events().stream().map(id -> id.value()).toArray(UUID[]::new),
                        e.reason().length() > 2000 ? e.reason().substring(0, 2000) : e.reason())
                .update() > 0;
    }

    /** The latest first. */
    public List<ReceivedStripeEvent> latest(WorkspaceId workspace, int limit) {
        return jdbc.sql("select " + COLUMNS + " from stripe_event where workspace_id = ?"
                        + " order by received_at desc, stripe_event_id limit ?")
                .params(workspace.value(), limit)
                .query(ReceivedEventRepository::map).list();
    }

    private static ReceivedStripeEvent map(ResultSet rs, int row) throws SQLException {
        Array ids = rs.getArray("event_ids");
        List<EventId> events = Arrays.stream((Object[]) ids.getArray()).map(id -> new EventId((UUID) id)).toList();
        return new ReceivedStripeEvent(rs.getString("stripe_event_id"), rs.getString("type"),
                rs.getTimestamp("received_at").toInstant(), ReceivedStripeEvent.Outcome.fromCode(rs.getString("outcome")),
                events, rs.getString("reason"));
    }
}
