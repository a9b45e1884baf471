package dev.tandem.program.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.program.AttributionModel;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.ProgramType;
import dev.tandem.program.Tier;
import dev.tandem.program.TrackingSettings;
import dev.tandem.program.TierId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProgramRepository {

    private static final String COLUMNS = "workspace_id, id, slug, name, type, description, currency,"
            + " default_destination, allowed_hosts, attribution_model, attribution_window_days, commission_summary,"
            + " auto_approve_min_score, auto_approve_domains, archived_at, created_at, fallback_destination,"
            + " lifetime_binding";
    private static final String TIER_COLUMNS = "program_id, id, name, position, is_default, goals, perks";

    private final JdbcClient jdbc;

    ProgramRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the slug is taken (by any workspace). */
    public boolean insert(Program p) {
        return jdbc.sql("insert into program (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?,"
                        + " ?::text[], ?, ?, ?, ?) on conflict (slug) do nothing")
                .params(p.workspaceId().value(), p.id().value(), p.slug(), p.name(), p.type().code(), p.description(),
                        p.currency().getCurrencyCode(), p.defaultDestination().toString(), Sql.textArray(p.allowedHosts()),
                        p.attributionModel().code(), p.attributionWindowDays(), p.commissionSummary(),
                        p.autoApproval().minScore(), Sql.textArray(p.autoApproval().emailDomains()),
                        Sql.ts(p.archivedAt()), Sql.ts(p.createdAt()), fallback(p.tracking()),
                        p.tracking().lifetimeBinding())
                .update() == 1;
    }

    /** Everything but the tracking settings, which {@link #setTrackingSettings} changes. */
    public void update(Program p) {
        jdbc.sql("update program set name = ?, description = ?, default_destination = ?, allowed_hosts = ?::text[],"
                        + " attribution_model = ?, attribution_window_days = ?, commission_summary = ?,"
                        + " auto_approve_min_score = ?, auto_approve_domains = ?::text[], archived_at = ?"
                        + " where workspace_id = ? and id = ?")
                .params(p.name(), p.description(), p.defaultDestination().toString(), Sql.textArray(p.allowedHosts()),
                        p.attributionModel().code(), p.attributionWindowDays(), p.commissionSummary(),
                        p.autoApproval().minScore(), Sql.textArray(p.autoApproval().emailDomains()),
                        Sql.ts(p.archivedAt()), p.workspaceId().value(), p.id().value())
                .update();
    }

    public Optional<Program> find(WorkspaceId workspace, ProgramId id) {
        return jdbc.sql("select " + COLUMNS + " from program where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(ProgramRepository::map)
                .optional();
    }

    public Optional<Program> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from program where slug = ?")
                .param(slug)
                .query(ProgramRepository::map)
                .optional();
    }

    public List<Program> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from program where workspace_id = ? order by archived_at nulls first, id")
                .param(workspace.value())
                .query(ProgramRepository::map)
                .list();
    }

    public void setTrackingSettings(WorkspaceId workspace, ProgramId id, TrackingSettings settings) {
        jdbc.sql("update program set fallback_destination = ?, lifetime_binding = ? where workspace_id = ? and id = ?")
                .params(fallback(settings), settings.lifetimeBinding(), workspace.value(), id.value())
                .update();
    }

    public void insertTier(WorkspaceId workspace, Tier tier, Instant at) {
        jdbc.sql("insert into tier (workspace_id, " + TIER_COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), tier.programId().value(), tier.id().value(), tier.name(), tier.position(),
                        tier.isDefault(), tier.goals(), tier.perks(), Sql.ts(at))
                .update();
    }

    public void updateTier(WorkspaceId workspace, Tier tier) {
        jdbc.sql("update tier set name = ?, goals = ?, perks = ? where workspace_id = ? and id = ?")
                .params(tier.name(), tier.goals(), tier.perks(), workspace.value(), tier.id().value())
                .update();
    }

    /**
     * Moves the default flag to this tier; call it in a transaction. Two statements, because
     * PostgreSQL checks the one-default index row by row (a single swapping update always trips
     * it); the lock on the program's tiers makes concurrent moves wait for each other, and nobody
     * outside the transaction ever sees zero or two defaults.
     */
    public void makeDefault(WorkspaceId workspace, ProgramId program, TierId tier) {
        jdbc.sql("select id from tier where workspace_id = ? and program_id = ? for update")
                .params(workspace.value(), program.value())
                .query().listOfRows();
        jdbc.sql("update tier set is_default = false where workspace_id = ? and program_id = ? and is_default and id <> ?")
                .params(workspace.value(), program.value(), tier.value())
                .update();
        jdbc.sql("update tier set is_default = true where workspace_id = ? and program_id = ? and id = ?")
                .params(workspace.value(), program.value(), tier.value())
                .update();
    }

    public List<Tier> tiers(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select " + TIER_COLUMNS + " from tier where workspace_id = ? and program_id = ?"
                        + " order by position, id")
                .params(workspace.value(), program.value())
                .query(ProgramRepository::mapTier)
                .list();
    }

    public Optional<Tier> tier(WorkspaceId workspace, TierId id) {
        return jdbc.sql("select " + TIER_COLUMNS + " from tier where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(ProgramRepository::mapTier)
                .optional();
    }

    private static Program map(ResultSet rs, int row) throws SQLException {
        Integer minScore = rs.getObject("auto_approve_min_score", Integer.class);
        String fallback = rs.getString("fallback_destination");
        return new Program(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new ProgramId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name"),
                ProgramType.fromCode(rs.getString("type")), rs.getString("description"),
                Currency.getInstance(rs.getString("currency")), URI.create(rs.getString("default_destination")),
                Sql.list(rs, "allowed_hosts"), AttributionModel.fromCode(rs.getString("attribution_model")),
                rs.getInt("attribution_window_days"), rs.getString("commission_summary"),
                new Program.AutoApproval(minScore, Sql.list(rs, "auto_approve_domains")),
                Sql.instant(rs, "archived_at"), Sql.instant(rs, "created_at"), new TrackingSettings(
                        fallback == null ? null : URI.create(fallback), rs.getBoolean("lifetime_binding")));
    }

    private static String fallback(TrackingSettings settings) {
        return settings.fallbackDestination() == null ? null : settings.fallbackDestination().toString();
    }

    private static Tier mapTier(ResultSet rs, int row) throws SQLException {
        return new Tier(new ProgramId(rs.getObject("program_id", UUID.class)), new TierId(rs.getObject("id", UUID.class)),
                rs.getString("name"), rs.getInt("position"), rs.getBoolean("is_default"), rs.getString("goals"),
                rs.getString("perks"));
    }
}
