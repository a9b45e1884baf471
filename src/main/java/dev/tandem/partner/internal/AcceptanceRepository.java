package dev.tandem.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.partner.Acceptance;
import dev.tandem.partner.AcceptanceId;
import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.AgreementVersionId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agreement acceptances: one per enrollment and version, never changed once written. */
@Repository
public class AcceptanceRepository {

    private static final String COLUMNS = "workspace_id, id, enrollment_id, partner_id, agreement_version_id,"
            + " text_sha256, accepted_at, ip, user_agent";

    private final JdbcClient jdbc;

    AcceptanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the enrollment was told about this version; false if it had been told already. */
    public boolean noticeOnce(WorkspaceId workspace, EnrollmentId enrollment, AgreementVersionId version, Instant at) {
        return jdbc.sql("insert into agreement_notice (workspace_id, enrollment_id, agreement_version_id, noticed_at)"
                        + " values (?, ?, ?, ?) on conflict do nothing")
                .params(workspace.value(), enrollment.value(), version.value(), Timestamp.from(at))
                .update() == 1;
    }

    /** Stores the acceptance unless this enrollment already accepted this version; answers the stored one. */
    public Acceptance insertOrGet(Acceptance a) {
        jdbc.sql("insert into agreement_acceptance (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (workspace_id, enrollment_id, agreement_version_id) do nothing")
                .params(a.workspaceId().value(), a.id().value(), a.enrollmentId().value(), a.partnerId().value(),
                        a.agreementVersionId().value(), a.textSha256(), Timestamp.from(a.acceptedAt()), a.ip(),
                        a.userAgent())
                .update();
        return find(a.workspaceId(), a.enrollmentId(), a.agreementVersionId()).orElseThrow();
    }

    public Optional<Acceptance> find(WorkspaceId workspace, AcceptanceId id) {
        return jdbc.sql("select " + COLUMNS + " from agreement_acceptance where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(AcceptanceRepository::acceptance).optional();
    }

    public Optional<Acceptance> find(WorkspaceId workspace, EnrollmentId enrollment, AgreementVersionId version) {
        return jdbc.sql("select " + COLUMNS + " from agreement_acceptance where workspace_id = ? and enrollment_id = ?"
                        + " and agreement_version_id = ?")
                .params(workspace.value(), enrollment.value(), version.value())
                .query(AcceptanceRepository::acceptance).optional();
    }

    /** The enrollment's acceptances, newest first. */
    public List<Acceptance> ofEnrollment(WorkspaceId workspace, EnrollmentId enrollment) {
        return jdbc.sql("select " + COLUMNS + " from agreement_acceptance where workspace_id = ? and enrollment_id = ?"
                        + " order by accepted_at desc, id desc")
                .params(workspace.value(), enrollment.value()).query(AcceptanceRepository::acceptance).list();
    }

    private static Acceptance acceptance(ResultSet rs, int row) throws SQLException {
        return new Acceptance(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new AcceptanceId(rs.getObject("id", UUID.class)),
                new EnrollmentId(rs.getObject("enrollment_id", UUID.class)),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                new AgreementVersionId(rs.getObject("agreement_version_id", UUID.class)), rs.getBytes("text_sha256"),
                rs.getTimestamp("accepted_at").toInstant(), rs.getString("ip"), rs.getString("user_agent"));
    }
}
