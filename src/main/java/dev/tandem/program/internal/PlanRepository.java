package dev.tandem.program.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import dev.tandem.program.CommissionPlan;
import dev.tandem.program.CommissionPlans;
import dev.tandem.program.PlanId;
import dev.tandem.program.ProgramId;
import dev.tandem.program.TierId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Commission plan versions; a version's rules and milestones are stored whole, as JSON. */
@Repository
public class PlanRepository {

    // record components only: Money's isZero() must not become a stored "zero" property
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE))
            .build();
    private static final TypeReference<List<CommissionPlan.Rule>> RULES = new TypeReference<>() {
    };
    private static final TypeReference<List<CommissionPlan.Milestone>> MILESTONES = new TypeReference<>() {
    };
    private static final String COLUMNS = "workspace_id, id, program_id, tier_id, version, effective_from, hold_days,"
            + " combine, rules, milestones, customer_reward, created_at";

    /** A version is never changed once stored, so its rules are read from JSON once per node, not per event. */
    private record Terms(List<CommissionPlan.Rule> rules, List<CommissionPlan.Milestone> milestones) {
    }

    private static final int TERMS_KEPT = 10_000;
    private final Map<UUID, Terms> terms = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CommissionPlan p, String createdBy) {
        jdbc.sql("insert into commission_plan (" + COLUMNS + ", created_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)")
                .params(p.workspaceId().value(), p.id().value(), p.programId().value(), p.tierId().value(), p.version(),
                        Sql.ts(p.effectiveFrom()), p.holdDays(), p.combine().code(), JSON.writeValueAsString(p.rules()),
                        JSON.writeValueAsString(p.milestones()), p.customerReward(), Sql.ts(p.createdAt()), createdBy)
                .update();
    }

    /** The tier's versions, oldest first. */
    public List<CommissionPlan> versions(WorkspaceId workspace, TierId tier) {
        return jdbc.sql("select " + COLUMNS + " from commission_plan where workspace_id = ? and tier_id = ? order by version")
                .params(workspace.value(), tier.value()).query(this::map).list();
    }

    /** The version in force for the tier at {@code at}: the latest effective by then (the highest version on a tie). */
    public Optional<CommissionPlan> inForce(WorkspaceId workspace, TierId tier, java.time.Instant at) {
        return inForceNamed(workspace, tier, at).map(CommissionPlans.InForce::plan);
    }

    /** {@link #inForce} with the tier's name, in one statement: the commission engine asks on every event. */
    public Optional<CommissionPlans.InForce> inForceNamed(WorkspaceId workspace, TierId tier, java.time.Instant at) {
        return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "p.$1") + ", t.name as tier_name from commission_plan p"
                        + " join tier t on t.workspace_id = p.workspace_id and t.id = p.tier_id"
                        + " where p.workspace_id = ? and p.tier_id = ? and p.effective_from <= ?"
                        + " order by p.effective_from desc, p.version desc limit 1")
                .params(workspace.value(), tier.value(), Sql.ts(at))
                .query((rs, row) -> new CommissionPlans.InForce(map(rs, row), rs.getString("tier_name"))).optional();
    }

    /** Every version of the tier with the tier's name, the one in force longest from now first (as {@link #inForceNamed} picks). */
    public List<CommissionPlans.InForce> allNamed(WorkspaceId workspace, TierId tier) {
        return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "p.$1") + ", t.name as tier_name from commission_plan p"
                        + " join tier t on t.workspace_id = p.workspace_id and t.id = p.tier_id"
                        + " where p.workspace_id = ? and p.tier_id = ? order by p.effective_from desc, p.version desc")
                .params(workspace.value(), tier.value())
                .query((rs, row) -> new CommissionPlans.InForce(map(rs, row), rs.getString("tier_name"))).list();
    }

    /** The program's versions of every tier, newest first. */
    public List<CommissionPlan> versionsOfProgram(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select " + COLUMNS + " from commission_plan where workspace_id = ? and program_id = ?"
                        + " order by effective_from desc, version desc")
                .params(workspace.value(), program.value()).query(this::map).list();
    }

    public Optional<CommissionPlan> find(WorkspaceId workspace, PlanId id) {
        return jdbc.sql("select " + COLUMNS + " from commission_plan where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(this::map).optional();
    }

    private CommissionPlan map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Terms t = terms.get(id);
        if (t == null) {
            t = new Terms(List.copyOf(JSON.readValue(rs.getString("rules"), RULES)),
                    List.copyOf(JSON.readValue(rs.getString("milestones"), MILESTONES)));
            if (terms.size() >= TERMS_KEPT) {
                terms.clear();
            }
            terms.put(id, t);
        }
        return new CommissionPlan(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new PlanId(id), new ProgramId(rs.getObject("program_id", UUID.class)),
                new TierId(rs.getObject("tier_id", UUID.class)), rs.getInt("version"),
                Sql.instant(rs, "effective_from"), rs.getInt("hold_days"),
                CommissionPlan.Combine.fromCode(rs.getString("combine")).orElseThrow(),
                t.rules(), t.milestones(), rs.getString("customer_reward"), Sql.instant(rs, "created_at"));
    }
}
