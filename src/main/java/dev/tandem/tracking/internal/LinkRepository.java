package dev.tandem.tracking.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.ListRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.tracking.CodeId;
import dev.tandem.tracking.CodeKind;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.ReferralCode;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Links and codes in the database. Inserts answer false when the slug or code is taken. */
@Repository
public class LinkRepository {

    private static final String LINK_COLUMNS = "workspace_id, id, program_id, partner_id, slug, destination, campaign,"
            + " is_default, disabled_at, created_at";
    private static final String CODE_COLUMNS = "workspace_id, id, program_id, partner_id, code, kind, description,"
            + " disabled_at, created_at";

    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the slug is taken (by any workspace, in any case) or the partner already has a default link there. */
    public boolean insert(Link l) {
        return jdbc.sql("insert into link (" + LINK_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(l.workspaceId().value(), l.id().value(), l.programId().value(), l.partnerId().value(), l.slug(),
                        l.destination() == null ? null : l.destination().toString(), l.campaign(), l.isDefault(),
                        ts(l.disabledAt()), ts(l.createdAt()))
                .update() == 1;
    }

    public void setDisabled(WorkspaceId workspace, LinkId id, Instant disabledAt) {
        jdbc.sql("update link set disabled_at = ? where workspace_id = ? and id = ?")
                .params(ts(disabledAt), workspace.value(), id.value())
                .update();
    }

    public Optional<Link> find(WorkspaceId workspace, LinkId id) {
        return jdbc.sql("select " + LINK_COLUMNS + " from link where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(LinkRepository::link)
                .optional();
    }

    public Optional<Link> findBySlug(String slug) {
        return jdbc.sql("select " + LINK_COLUMNS + " from link where lower(slug) = lower(?)")
                .param(slug)
                .query(LinkRepository::link)
                .optional();
    }

    public Optional<Link> findDefault(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        return jdbc.sql("select " + LINK_COLUMNS + " from link where workspace_id = ? and program_id = ? and partner_id = ?"
                        + " and is_default")
                .params(workspace.value(), program.value(), partner.value())
                .query(LinkRepository::link)
                .optional();
    }

    /** A partner's links, default first, then newest; {@code program} null means all programs. */
    public List<Link> ofPartner(WorkspaceId workspace, PartnerId partner, ProgramId program) {
        return jdbc.sql("select " + LINK_COLUMNS + " from link where workspace_id = ? and partner_id = ?"
                        + " and (?::uuid is null or program_id = ?::uuid) order by is_default desc, id desc")
                .params(workspace.value(), partner.value(), program == null ? null : program.value(),
                        program == null ? null : program.value())
                .query(LinkRepository::link)
                .list();
    }

    /** False when the code is taken in this workspace (in any case) or the partner already has a referral code there. */
    public boolean insert(ReferralCode c) {
        return jdbc.sql("insert into referral_code (" + CODE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(c.workspaceId().value(), c.id().value(), c.programId().value(), c.partnerId().value(), c.code(),
                        c.kind().code(), c.description(), ts(c.disabledAt()), ts(c.createdAt()))
                .update() == 1;
    }

    public void setCodeDisabled(WorkspaceId workspace, CodeId id, Instant disabledAt) {
        jdbc.sql("update referral_code set disabled_at = ? where workspace_id = ? and id = ?")
                .params(ts(disabledAt), workspace.value(), id.value())
                .update();
    }

    public Optional<ReferralCode> findCode(WorkspaceId workspace, CodeId id) {
        return jdbc.sql("select " + CODE_COLUMNS + " from referral_code where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(LinkRepository::code)
                .optional();
    }

    public Optional<ReferralCode> findCode(WorkspaceId workspace, String code) {
        return jdbc.sql("select " + CODE_COLUMNS + " from referral_code where workspace_id = ? and upper(code) = upper(?)")
                .params(workspace.value(), code)
                .query(LinkRepository::code)
                .optional();
    }

    /** The partner's active referral code in a program, if any. */
    public Optional<ReferralCode> referralCodeOf(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        return jdbc.sql("select " + CODE_COLUMNS + " from referral_code where workspace_id = ? and program_id = ?"
                        + " and partner_id = ? and kind = 'referral' and disabled_at is null")
                .params(workspace.value(), program.value(), partner.value())
                .query(LinkRepository::code)
                .optional();
    }

    /** The active referral codes of these partners, in every program (one query for a whole list of links). */
    public List<ReferralCode> referralCodesOf(WorkspaceId workspace, Collection<PartnerId> partners) {
        if (partners.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + CODE_COLUMNS + " from referral_code where workspace_id = :ws"
                        + " and partner_id in (:partners) and kind = 'referral' and disabled_at is null")
                .param("ws", workspace.value())
                .param("partners", partners.stream().map(PartnerId::value).distinct().toList())
                .query(LinkRepository::code)
                .list();
    }

    /** A partner's codes, referral code first; {@code program} null means all programs. */
    public List<ReferralCode> codesOf(WorkspaceId workspace, PartnerId partner, ProgramId program) {
        return jdbc.sql("select " + CODE_COLUMNS + " from referral_code where workspace_id = ? and partner_id = ?"
                        + " and (?::uuid is null or program_id = ?::uuid) order by kind desc, id desc")
                .params(workspace.value(), partner.value(), program == null ? null : program.value(),
                        program == null ? null : program.value())
                .query(LinkRepository::code)
                .list();
    }

    /**
     * One page of links, newest first, optionally of one program and/or partner; {@code before}
     * is the last id of the previous page (null for the first).
     */
    public List<Link> page(WorkspaceId workspace, ProgramId program, PartnerId partner, UUID before, int limit) {
        return jdbc.sql("select " + LINK_COLUMNS + " from link where workspace_id = :ws"
                        + " and (cast(:program as uuid) is null or program_id = cast(:program as uuid))"
                        + " and (cast(:partner as uuid) is null or partner_id = cast(:partner as uuid))"
                        + " and (cast(:before as uuid) is null or id < cast(:before as uuid))"
                        + " order by id desc limit :limit")
                .param("ws", workspace.value())
                .param("program", program == null ? null : program.value())
                .param("partner", partner == null ? null : partner.value())
                .param("before", before)
                .param("limit", limit)
                .query(LinkRepository::link)
                .list();
    }

    /** One page of a program's links (of one partner, or all) in the whitelisted order the request carries. */
    public List<Link> sorted(WorkspaceId workspace, ProgramId program, PartnerId partner, ListRequest page) {
        return jdbc.sql("select " + LINK_COLUMNS + " from link where workspace_id = :ws and program_id = :program"
                        + " and (cast(:partner as uuid) is null or partner_id = cast(:partner as uuid))"
                        + " order by " + page.orderBy() + " limit :limit offset :offset")
                .param("ws", workspace.value()).param("program", program.value())
                .param("partner", partner == null ? null : partner.value())
                .param("limit", page.size()).param("offset", page.offset())
                .query(LinkRepository::link).list();
    }

    /** How many links {@link #sorted} pages through. */
    public long count(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        return jdbc.sql("select count(*) from link where workspace_id = :ws and program_id = :program"
                        + " and (cast(:partner as uuid) is null or partner_id = cast(:partner as uuid))")
                .param("ws", workspace.value()).param("program", program.value())
                .param("partner", partner == null ? null : partner.value())
                .query(Long.class).single();
    }

    /** One page of a program's referral and coupon codes in the whitelisted order the request carries. */
    public List<ReferralCode> sortedCodes(WorkspaceId workspace, ProgramId program, ListRequest page) {
        return jdbc.sql("select " + CODE_COLUMNS + " from referral_code where workspace_id = ? and program_id = ?"
                        + " order by " + page.orderBy() + " limit ? offset ?")
                .params(workspace.value(), program.value(), page.size(), page.offset())
                .query(LinkRepository::code).list();
    }

    /** How many codes {@link #sortedCodes} pages through. */
    public long countCodes(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select count(*) from referral_code where workspace_id = ? and program_id = ?")
                .params(workspace.value(), program.value()).query(Long.class).single();
    }

    /** One page of referral and coupon codes, newest first; filters and cursor as for {@link #page}. */
    public List<ReferralCode> codePage(WorkspaceId workspace, ProgramId program, PartnerId partner, UUID before,
            int limit) {
        return jdbc.sql("select " + CODE_COLUMNS + " from referral_code where workspace_id = :ws"
                        + " and (cast(:program as uuid) is null or program_id = cast(:program as uuid))"
                        + " and (cast(:partner as uuid) is null or partner_id = cast(:partner as uuid))"
                        + " and (cast(:before as uuid) is null or id < cast(:before as uuid))"
                        + " order by id desc limit :limit")
                .param("ws", workspace.value())
                .param("program", program == null ? null : program.value())
                .param("partner", partner == null ? null : partner.value())
                .param("before", before)
                .param("limit", limit)
                .query(LinkRepository::code)
                .list();
    }

    /**
     * Unique human visitors per link ({@code link_visitors}, V25): clicks that are neither bots nor
     * repeats of the same visitor. Links of another workspace, or none, are absent from the answer.
     */
    public Map<LinkId, Long> uniqueClicks(WorkspaceId workspace, Collection<LinkId> links, Instant since) {
        if (links.isEmpty()) {
            return Map.of();
        }
        Map<LinkId, Long> counts = new HashMap<>();
        jdbc.sql("select id, link_visitors(workspace_id, id, cast(:since as timestamptz)) as clicks from link"
                        + " where workspace_id = :ws and id in (:links)")
                .param("ws", workspace.value())
                .param("links", links.stream().map(LinkId::value).toList())
                .param("since", since == null ? null : Timestamp.from(since))
                .query(rs -> {
                    counts.put(new LinkId(rs.getObject("id", UUID.class)), rs.getLong("clicks"));
                });
        return counts;
    }

    static Link link(ResultSet rs, int row) throws SQLException {
        String destination = rs.getString("destination");
        return new Link(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), new LinkId(rs.getObject("id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)), new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getString("slug"), destination == null ? null : URI.create(destination), rs.getString("campaign"),
                rs.getBoolean("is_default"), instant(rs, "disabled_at"), instant(rs, "created_at"));
    }

    static ReferralCode code(ResultSet rs, int row) throws SQLException {
        return new ReferralCode(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new CodeId(rs.getObject("id", UUID.class)), new ProgramId(rs.getObject("program_id", UUID.class)),
                new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getString("code"),
                CodeKind.fromCode(rs.getString("kind")), rs.getString("description"), instant(rs, "disabled_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
