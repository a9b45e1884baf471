package dev.tandem.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.Attribution;
import dev.tandem.referral.ConversionEvent;
import dev.tandem.referral.CustomerId;
import dev.tandem.referral.EventId;
import dev.tandem.referral.EventSource;
import dev.tandem.referral.EventType;
import dev.tandem.referral.ReferralId;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.tandem.referral.internal.Rows.id;
import static dev.tandem.referral.internal.Rows.instant;
import static dev.tandem.referral.internal.Rows.ts;
import static dev.tandem.referral.internal.Rows.uuid;
import static dev.tandem.referral.internal.Rows.value;

/** Conversion events as the business sent them, with the explanation and the first answer. */
@Repository
public class EventRepository {

    private static final String COLUMNS = "workspace_id, id, external_id, type, occurred_at, received_at, program_id,"
            + " customer_id, referral_id, partner_id, link_id, amount, currency, recurring, refund_of, metadata::text"
            + " as metadata, attribution::text as attribution, source";

    private final JdbcClient jdbc;
    private final dev.tandem.core.WriteBehind writeBehind;

    EventRepository(JdbcClient jdbc, dev.tandem.core.WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
        this.jdbc = jdbc;
    }

    /** What a replay needs: the first body's hash and the first answer. */
    public record Stored(EventId id, byte[] payloadSha256, String answer) {
    }

    /** A sale with what its refunds and chargebacks took back so far. */
    public record Sale(ConversionEvent event, long refunded) {
    }

    /** What is stored beside the event itself. */
    public record Extras(byte[] payloadSha256, String answer, String clickToken, String code, UUID partnerHint) {
    }

    /**
     * Serialises the events of one customer (or one sale's refunds) until the transaction ends,
     * then answers the event already stored under this id, if any: a replay, or a twin that was
     * stored while this request waited for the lock. One round trip for both.
     *
     * @param key what to serialise on; null: nothing to lock (the event names neither customer nor sale)
     */
    public Optional<Stored> lockAndFind(WorkspaceId workspace, String key, String externalId) {
        if (key == null) {
            return byExternalId(workspace, externalId);
        }
        long hash = lock(workspace, key);
        return jdbc.sql("select e.id, e.payload_sha256, e.answer from (select pg_advisory_xact_lock(?)) l"
                        + " left join conversion_event e on e.workspace_id = ? and e.external_id = ?")
                .params(hash, workspace.value(), externalId)
                .query((rs, row) -> uuid(rs, "id") == null ? null
                        : new Stored(new EventId(uuid(rs, "id")), rs.getBytes("payload_sha256"), rs.getString("answer")))
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public Optional<Stored> byExternalId(WorkspaceId workspace, String externalId) {
        return jdbc.sql("select id, payload_sha256, answer from conversion_event"
                        + " where workspace_id = ? and external_id = ?")
                .params(workspace.value(), externalId)
                .query((rs, row) -> new Stored(new EventId(uuid(rs, "id")), rs.getBytes("payload_sha256"),
                        rs.getString("answer")))
                .optional();
    }

    /**
     * The answer as stored (the very text a replay answers), or empty when an event with this
     * external id exists already (a twin won).
     */
    public Optional<String> insert(ConversionEvent e, Extras x) {
        String insert = "insert into conversion_event (workspace_id, id, external_id, type, occurred_at, received_at,"
                + " program_id, customer_id, referral_id, partner_id, link_id, amount, currency, recurring,"
                + " refund_of, click_token, code, partner_hint, metadata, payload_sha256, attribution, answer,"
                + " source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb,"
                + " ?, ?)";
        Object[] params = {e.workspaceId().value(), e.id().value(), e.externalId(), e.type().code(),
                ts(e.occurredAt()), ts(e.receivedAt()), value(e.programId()), value(e.customerId()),
                value(e.referralId()), value(e.partnerId()), value(e.linkId()),
                e.amount() == null ? null : e.amount().amount(),
                e.amount() == null ? null : e.amount().currency().getCurrencyCode(), e.recurring(),
                value(e.refundOf()), x.clickToken(), x.code(), x.partnerHint(), e.metadataJson(),
                x.payloadSha256(), AttributionJson.write(e.attribution()), x.answer(), e.source().code()};
        if (writeBehind.holding()) {
            // held with the intake's other rows; the answer is kept as the very text answered
            writeBehind.insert("conversion_event", insert, params);
            return Optional.of(x.answer());
        }
        return jdbc.sql(insert + " on conflict (workspace_id, external_id) do nothing returning answer")
                .params(params).query(String.class).optional();
    }

    /**
     * Takes the intake's locks for a group of events (sorted, so that two groups never wait on each
     * other) and answers the events already stored under any of their external ids, by workspace and id.
     */
    public java.util.Map<String, Stored> lockAndFindAll(List<Long> locks, List<UUID> workspaces,
            List<String> externalIds) {
        java.util.Map<String, Stored> found = new java.util.HashMap<>();
        long[] sorted = locks.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        if (sorted.length > 0) {
            // in the array's order: a function scan of unnest calls the function row by row, first to last
            jdbc.sql("select count(pg_advisory_xact_lock(l)) from unnest(?::bigint[]) as a (l)")
                    .param(java.util.Arrays.stream(sorted).mapToObj(Long::toString).toArray(String[]::new)).query(Long.class).single();
        }
        jdbc.sql("select k.ws, k.ext, e.id, e.payload_sha256, e.answer"
                        + " from unnest(?::uuid[], ?::text[]) as k (ws, ext)"
                        + " join conversion_event e on e.workspace_id = k.ws and e.external_id = k.ext")
                .params(workspaces.stream().map(UUID::toString).toArray(String[]::new), externalIds.toArray(String[]::new))
                .query((rs, row) -> found.put(uuid(rs, "ws") + ":" + rs.getString("ext"),
                        new Stored(new EventId(uuid(rs, "id")), rs.getBytes("payload_sha256"), rs.getString("answer"))))
                .list();
        return found;
    }

    /** The advisory lock the intake takes for an event's key in a workspace. */
    public static long lock(WorkspaceId workspace, String key) {
        return java.nio.ByteBuffer.wrap(dev.tandem.core.Sha256.of(workspace.value() + ":" + key)).getLong();
    }

    public Optional<ConversionEvent> find(WorkspaceId workspace, EventId id) {
        return jdbc.sql("select " + COLUMNS + " from conversion_event where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(EventRepository::map).optional();
    }

    /** The event a refund names, by the sender's id, with the sum already refunded or charged back. */
    public Optional<Sale> saleByExternalId(WorkspaceId workspace, String externalId) {
        return jdbc.sql("select " + COLUMNS + ", (select coalesce(sum(r.amount), 0) from conversion_event r"
                        + " where r.workspace_id = e.workspace_id and r.refund_of = e.id) as refunded"
                        + " from conversion_event e where workspace_id = ? and external_id = ?")
                .params(workspace.value(), externalId)
                .query((rs, row) -> new Sale(map(rs, row), rs.getLong("refunded")))
                .optional();
    }

    /** Whether the customer bought before (in the program, when known). */
    public boolean hasSale(WorkspaceId workspace, CustomerId customer, ProgramId program) {
        return jdbc.sql("select exists (select 1 from conversion_event where workspace_id = ? and customer_id = ?"
                        + " and type = 'sale' and (?::uuid is null or program_id = ?))")
                .params(workspace.value(), customer.value(), value(program), value(program))
                .query(Boolean.class).single();
    }

    public List<ConversionEvent> ofReferral(WorkspaceId workspace, ReferralId referral) {
        return jdbc.sql("select " + COLUMNS + " from conversion_event where workspace_id = ? and referral_id = ?"
                        + " order by occurred_at, id")
                .params(workspace.value(), referral.value())
                .query(EventRepository::map).list();
    }

    /** The explanation of the referral's latest event (not a refund) that credited this partner. */
    public Optional<Attribution> latestCredit(WorkspaceId workspace, ReferralId referral, PartnerId partner) {
        return jdbc.sql("select attribution::text from conversion_event where workspace_id = ? and referral_id = ?"
                        + " and partner_id = ? and refund_of is null order by occurred_at desc, id desc limit 1")
                .params(workspace.value(), referral.value(), partner.value())
                .query((rs, row) -> AttributionJson.read(rs.getString(1))).optional();
    }

    public List<ConversionEvent> refundsOf(WorkspaceId workspace, EventId sale) {
        return jdbc.sql("select " + COLUMNS + " from conversion_event where workspace_id = ? and refund_of = ?"
                        + " order by occurred_at, id")
                .params(workspace.value(), sale.value())
                .query(EventRepository::map).list();
    }

    /** Newest first, after the cursor. */
    public List<ConversionEvent> page(WorkspaceId workspace, boolean unattributedOnly, UUID startingAfter, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from conversion_event where workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        if (unattributedOnly) {
            sql.append(" and partner_id is null");
        }
        if (startingAfter != null) {
            sql.append(" and id < ?");
            params.add(startingAfter);
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(EventRepository::map).list();
    }

    /** Gives an event its partner after the fact; the first answer stays as it was. */
    public void assign(ConversionEvent e, String assignedBy) {
        jdbc.sql("update conversion_event set program_id = ?, referral_id = ?, partner_id = ?, link_id = ?,"
                        + " attribution = ?::jsonb, assigned_by = ? where workspace_id = ? and id = ?")
                .params(value(e.programId()), value(e.referralId()), value(e.partnerId()), value(e.linkId()),
                        AttributionJson.write(e.attribution()), assignedBy, e.workspaceId().value(), e.id().value())
                .update();
    }

    static ConversionEvent map(ResultSet rs, int row) throws SQLException {
        long amount = rs.getLong("amount");
        Money money = rs.wasNull() ? null : Money.of(amount, rs.getString("currency"));
        Attribution attribution = AttributionJson.read(rs.getString("attribution"));
        return new ConversionEvent(new WorkspaceId(uuid(rs, "workspace_id")), new EventId(uuid(rs, "id")),
                rs.getString("external_id"), EventType.fromCode(rs.getString("type")).orElseThrow(),
                instant(rs, "occurred_at"), instant(rs, "received_at"), id(rs, "program_id", ProgramId::new),
                id(rs, "customer_id", CustomerId::new), id(rs, "referral_id", ReferralId::new),
                id(rs, "partner_id", PartnerId::new), id(rs, "link_id", LinkId::new), money,
                rs.getBoolean("recurring"), id(rs, "refund_of", EventId::new), rs.getString("metadata"), attribution,
                EventSource.fromCode(rs.getString("source")).orElseThrow());
    }
}
