package dev.tandem.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentEvent;
import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.program.TierId;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners, their enrollments and the enrollments' history. */
@Repository
public class PartnerRepository {

    private static final String PARTNER = "workspace_id, id, email, name, phone, company, website, industry,"
            + " company_size, audience, region, locale, invite_code, introduced_by, created_at";
    private static final String ENROLLMENT = "workspace_id, id, program_id, partner_id, tier_id, status, status_reason,"
            + " introduced_by, created_at, updated_at";

    private final JdbcClient jdbc;

    PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the partner unless one with this email exists in the workspace; returns the one that is stored. */
    public Partner insertOrGet(Partner p) {
        jdbc.sql("insert into partner (" + PARTNER + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (workspace_id, email) do nothing")
                .params(p.workspaceId().value(), p.id().value(), p.email(), p.name(), p.phone(), p.company(),
                        p.website(), p.profile().industry(), p.profile().companySize(), p.profile().audience(),
                        p.profile().region(), p.language().tag(), p.inviteCode(),
                        p.introducedBy() == null ? null : p.introducedBy().value(), Timestamp.from(p.createdAt()))
                .update();
        return findByEmail(p.workspaceId(), p.email()).orElseThrow();
    }

    public void update(Partner p) {
        jdbc.sql("update partner set name = ?, phone = ?, company = ?, website = ?, industry = ?, company_size = ?,"
                        + " audience = ?, region = ?, locale = ? where workspace_id = ? and id = ?")
                .params(p.name(), p.phone(), p.company(), p.website(), p.profile().industry(),
                        p.profile().companySize(), p.profile().audience(), p.profile().region(), p.language().tag(),
                        p.workspaceId().value(), p.id().value())
                .update();
    }

    public Optional<Partner> find(WorkspaceId workspace, PartnerId id) {
        return jdbc.sql("select " + PARTNER + " from partner where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(PartnerRepository::partner).optional();
    }

    /** The partners with these ids, in one query (lists and boards must not ask once per row). */
    public List<Partner> findAll(WorkspaceId workspace, java.util.Collection<PartnerId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String array = Rows.uuidArray(ids.stream().map(PartnerId::value).distinct().toList());
        return jdbc.sql("select " + PARTNER + " from partner where workspace_id = ? and id = any(?::uuid[])")
                .params(workspace.value(), array).query(PartnerRepository::partner).list();
    }

    public Optional<Partner> findByEmail(WorkspaceId workspace, String email) {
        return jdbc.sql("select " + PARTNER + " from partner where workspace_id = ? and email = ?")
                .params(workspace.value(), email).query(PartnerRepository::partner).optional();
    }

    /** Everyone with this email in any workspace: a person may partner with several businesses. */
    public List<Partner> findAllByEmail(String email) {
        return jdbc.sql("select " + PARTNER + " from partner where email = ? order by created_at")
                .param(email).query(PartnerRepository::partner).list();
    }

    public Optional<Partner> findByInviteCode(String code) {
        return jdbc.sql("select " + PARTNER + " from partner where invite_code = ?")
                .param(code).query(PartnerRepository::partner).optional();
    }

    public Optional<String> passwordHash(WorkspaceId workspace, PartnerId id) {
        return jdbc.sql("select password_hash from partner where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(String.class).optional();
    }

    public void updatePasswordHash(WorkspaceId workspace, PartnerId id, String hash) {
        jdbc.sql("update partner set password_hash = ? where workspace_id = ? and id = ?")
                .params(hash, workspace.value(), id.value()).update();
    }

    /** False when the partner is already enrolled in this program. */
    public boolean insertEnrollment(Enrollment e) {
        return jdbc.sql("insert into enrollment (" + ENROLLMENT + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (workspace_id, program_id, partner_id) do nothing")
                .params(e.workspaceId().value(), e.id().value(), e.programId().value(), e.partnerId().value(),
                        e.tierId().value(), e.status().code(), e.statusReason(),
                        e.introducedBy() == null ? null : e.introducedBy().value(), Timestamp.from(e.createdAt()),
                        Timestamp.from(e.updatedAt()))
                .update() == 1;
    }

    /** Moves the status only if it is still {@code from}: two reviewers never both win. */
    public boolean updateStatus(WorkspaceId workspace, EnrollmentId id, EnrollmentStatus from, EnrollmentStatus to,
            String reason, Instant at) {
        return jdbc.sql("update enrollment set status = ?, status_reason = ?, updated_at = ?"
                        + " where workspace_id = ? and id = ? and status = ?")
                .params(to.code(), reason, Timestamp.from(at), workspace.value(), id.value(), from.code())
                .update() == 1;
    }

    public void updateTier(WorkspaceId workspace, EnrollmentId id, TierId tier, Instant at) {
        jdbc.sql("update enrollment set tier_id = ?, updated_at = ? where workspace_id = ? and id = ?")
                .params(tier.value(), Timestamp.from(at), workspace.value(), id.value()).update();
    }

    public Optional<Enrollment> findEnrollment(WorkspaceId workspace, EnrollmentId id) {
        return jdbc.sql("select " + ENROLLMENT + " from enrollment where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(PartnerRepository::enrollment).optional();
    }

    public Optional<Enrollment> findEnrollment(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        return jdbc.sql("select " + ENROLLMENT + " from enrollment where workspace_id = ? and program_id = ?"
                        + " and partner_id = ?")
                .params(workspace.value(), program.value(), partner.value())
                .query(PartnerRepository::enrollment).optional();
    }

    public List<Enrollment> enrollmentsOf(WorkspaceId workspace, PartnerId partner) {
        return jdbc.sql("select " + ENROLLMENT + " from enrollment where workspace_id = ? and partner_id = ?"
                        + " order by created_at")
                .params(workspace.value(), partner.value()).query(PartnerRepository::enrollment).list();
    }

    /** A program's enrollments, optionally of one status, newest first, at most {@code limit}. */
    public List<Enrollment> enrollmentsIn(WorkspaceId workspace, ProgramId program, EnrollmentStatus status,
            UUID startingAfter, int limit) {
        return jdbc.sql("select " + ENROLLMENT + " from enrollment where workspace_id = ? and program_id = ?"
                        + " and (?::text is null or status = ?::text) and (?::uuid is null or id < ?::uuid)"
                        + " order by id desc limit ?")
                .params(workspace.value(), program.value(), status == null ? null : status.code(),
                        status == null ? null : status.code(), startingAfter, startingAfter, limit)
                .query(PartnerRepository::enrollment).list();
    }

    public void insertEvent(WorkspaceId workspace, EnrollmentId enrollment, EnrollmentEvent event) {
        jdbc.sql("insert into enrollment_event (workspace_id, id, enrollment_id, occurred_at, kind, from_value,"
                        + " to_value, reason, actor_kind, actor_id, actor_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), Ids.newId(), enrollment.value(), Timestamp.from(event.occurredAt()),
                        event.kind().name().toLowerCase(), event.from(), event.to(), event.reason(),
                        event.actor().kind().name().toLowerCase(), event.actor().id(), event.actor().name())
                .update();
    }

    public List<EnrollmentEvent> history(WorkspaceId workspace, EnrollmentId enrollment) {
        return jdbc.sql("select occurred_at, kind, from_value, to_value, reason, actor_kind, actor_id, actor_name"
                        + " from enrollment_event where workspace_id = ? and enrollment_id = ? order by id")
                .params(workspace.value(), enrollment.value())
                .query((rs, n) -> new EnrollmentEvent(rs.getTimestamp("occurred_at").toInstant(),
                        EnrollmentEvent.Kind.valueOf(rs.getString("kind").toUpperCase()), rs.getString("from_value"),
                        rs.getString("to_value"), rs.getString("reason"),
                        new Actor(Actor.Kind.valueOf(rs.getString("actor_kind").toUpperCase()),
                                rs.getObject("actor_id", UUID.class), rs.getString("actor_name"))))
                .list();
    }

    private static Partner partner(ResultSet rs, int row) throws SQLException {
        return Rows.partner(rs, "");
    }

    private static Enrollment enrollment(ResultSet rs, int row) throws SQLException {
        return Rows.enrollment(rs, "");
    }
}
