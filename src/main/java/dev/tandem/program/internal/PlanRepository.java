package dev.tandem.program.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import dev.tandem.program.CommissionPlan;
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
                .params(workspace.value(), tier.value()).query(PlanRepository::map).list();
    }

    /** The version in force for the tier at {@code at}: the latest effective by then (the highest version on a tie). */
    public Optional<CommissionPlan> inForce(WorkspaceId workspace, TierId tier, java.time.Instant at) {
        return jdbc.sql("select " + COLUMNS + " from commission_plan where workspace_id = ? and tier_id = ?"
                        + " and effective_from <= ? order by effective_from desc, version desc limit 1")
                .params(workspace.value(), tier.value(), Sql.ts(at)).query(PlanRepository::map).optional();
    }

    /** The program's versions of every tier, newest first. */
    public List<CommissionPlan> versionsOfProgram(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select " + COLUMNS + " from commission_plan where workspace_id = ? and program_id = ?"
                        + " order by effective_from desc, version desc")
                .params(workspace.value(), program.value()).query(PlanRepository::map).list();
    }

    public Optional<CommissionPlan> find(WorkspaceId workspace, PlanId id) {
        return jdbc.sql("select " + COLUMNS + " from commission_plan where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(PlanRepository::map).optional();
    }

    private static CommissionPlan map(ResultSet rs, int row) throws SQLException {
        return new CommissionPlan(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new PlanId(rs.getObject("id", UUID.class)), new ProgramId(rs.getObject("program_id", UUID.class)),
                new TierId(rs.getObject("tier_id", UUID.class)), rs.getInt("version"),
                Sql.instant(rs, "effective_from"), rs.getInt("hold_days"),
                CommissionPlan.Combine.fromCode(rs.getString("combine")).orElseThrow(),
                JSON.readValue(rs.getString("rules"), RULES), JSON.readValue(rs.getString("milestones"), MILESTONES),
                rs.getString("customer_reward"), Sql.instant(rs, "created_at"));
    }
}
