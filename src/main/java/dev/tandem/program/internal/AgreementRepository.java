package dev.tandem.program.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.program.AgreementVersion;
import dev.tandem.program.AgreementVersionId;
import dev.tandem.program.ProgramId;
import dev.tandem.program.TierId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AgreementRepository {

    private static final String COLUMNS =
            "program_id, id, tier_id, version, title, body_markdown, text_sha256, published_at";

    private final JdbcClient jdbc;

    AgreementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next version number of this stream, taken under a lock so two publishers never share one. */
    public int nextVersion(WorkspaceId workspace, ProgramId program, TierId tier) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("agreement:" + program.value() + ":" + tier)
                .query().singleRow();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from agreement_version where workspace_id = ?"
                        + " and program_id = ? and tier_id is not distinct from ?")
                .params(workspace.value(), program.value(), tier == null ? null : tier.value())
                .query(Integer.class).single();
    }

    public void insert(WorkspaceId workspace, AgreementVersion v, UUID publishedBy) {
        jdbc.sql("insert into agreement_version (workspace_id, " + COLUMNS + ", published_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), v.programId().value(), v.id().value(),
                        v.tierId() == null ? null : v.tierId().value(), v.version(), v.title(), v.bodyMarkdown(),
                        v.textSha256(), Sql.ts(v.publishedAt()), publishedBy)
                .update();
    }

    /** The latest version of the program's own agreement (tier null) or of a tier's. */
    public Optional<AgreementVersion> latest(WorkspaceId workspace, ProgramId program, TierId tier) {
        return jdbc.sql("select " + COLUMNS + " from agreement_version where workspace_id = ? and program_id = ?"
                        + " and tier_id is not distinct from ? order by version desc limit 1")
                .params(workspace.value(), program.value(), tier == null ? null : tier.value())
                .query(AgreementRepository::map)
                .optional();
    }

    public List<AgreementVersion> history(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select " + COLUMNS + " from agreement_version where workspace_id = ? and program_id = ?"
                        + " order by tier_id nulls first, version desc")
                .params(workspace.value(), program.value())
                .query(AgreementRepository::map)
                .list();
    }

    public Optional<AgreementVersion> find(WorkspaceId workspace, AgreementVersionId id) {
        return jdbc.sql("select " + COLUMNS + " from agreement_version where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(AgreementRepository::map)
                .optional();
    }

    private static AgreementVersion map(ResultSet rs, int row) throws SQLException {
        UUID tier = rs.getObject("tier_id", UUID.class);
        return new AgreementVersion(new ProgramId(rs.getObject("program_id", UUID.class)),
                new AgreementVersionId(rs.getObject("id", UUID.class)), tier == null ? null : new TierId(tier),
                rs.getInt("version"), rs.getString("title"), rs.getString("body_markdown"), rs.getBytes("text_sha256"),
                Sql.instant(rs, "published_at"));
    }
}
