package dev.tandem.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.OnboardingStep;
import dev.tandem.partner.OnboardingStepId;
import dev.tandem.partner.OnboardingStepKind;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Onboarding checklists (a program's ordered steps; a removed step is archived so that progress on
 * it stays explainable) and each enrollment's ticks.
 */
@Repository
public class OnboardingRepository {

    private static final String STEP = "program_id, id, position, kind, title, url";

    // What Tandem can tell from the data itself: an acceptance, payout details, a complete profile.
    private static final String FACT = "(s.kind = 'accept_agreement' and exists (select 1 from agreement_acceptance a"
            + "   where a.workspace_id = e.workspace_id and a.enrollment_id = e.id))"
            + " or (s.kind = 'add_payout_details' and exists (select 1 from payout_details d"
            + "   where d.workspace_id = e.workspace_id and d.partner_id = e.partner_id))"
            + " or (s.kind = 'complete_profile' and exists (select 1 from partner p where p.workspace_id = e.workspace_id"
            + "   and p.id = e.partner_id and p.name <> '' and p.phone <> '' and p.company <> ''))";

    private final JdbcClient jdbc;

    OnboardingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A tick: which step of which enrollment, when and by whom. */
    public record Tick(EnrollmentId enrollmentId, OnboardingStepId stepId, Instant doneAt, String doneBy) {
    }

    /** The program's current steps in order. */
    public List<OnboardingStep> steps(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select " + STEP + " from onboarding_step where workspace_id = ? and program_id = ?"
                        + " and archived_at is null order by position, created_at")
                .params(workspace.value(), program.value()).query(OnboardingRepository::step).list();
    }

    public Optional<OnboardingStep> step(WorkspaceId workspace, OnboardingStepId id) {
        return jdbc.sql("select " + STEP + " from onboarding_step where workspace_id = ? and id = ? and archived_at is null")
                .params(workspace.value(), id.value()).query(OnboardingRepository::step).optional();
    }

    /** Serialises changes to one program's list, so that two managers never get the same position. */
    public void lockSteps(WorkspaceId workspace, ProgramId program) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("onboarding:" + workspace.value() + ":" + program.value()).query((rs, n) -> 1).list();
    }

    public int nextPosition(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from onboarding_step where workspace_id = ?"
                        + " and program_id = ? and archived_at is null")
                .params(workspace.value(), program.value()).query(Integer.class).single();
    }

    public void insert(WorkspaceId workspace, OnboardingStep step, Instant at) {
        jdbc.sql("insert into onboarding_step (workspace_id, id, program_id, position, kind, title, url, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), step.id().value(), step.programId().value(), step.position(),
                        step.kind().code(), step.title(), step.url(), Timestamp.from(at))
                .update();
    }

    public void archive(WorkspaceId workspace, OnboardingStepId id, Instant at) {
        jdbc.sql("update onboarding_step set archived_at = ? where workspace_id = ? and id = ? and archived_at is null")
                .params(Timestamp.from(at), workspace.value(), id.value()).update();
    }

    public void setPosition(WorkspaceId workspace, OnboardingStepId id, int position) {
        jdbc.sql("update onboarding_step set position = ? where workspace_id = ? and id = ?")
                .params(position, workspace.value(), id.value()).update();
    }

    /** The ticks of these enrollments (on current and removed steps alike). */
    public List<Tick> ticks(WorkspaceId workspace, List<EnrollmentId> enrollments) {
        if (enrollments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select enrollment_id, step_id, done_at, done_by from onboarding_progress"
                        + " where workspace_id = ? and enrollment_id = any(?::uuid[])")
                .params(workspace.value(), Rows.uuidArray(enrollments.stream().map(EnrollmentId::value).toList()))
                .query((rs, n) -> new Tick(new EnrollmentId(rs.getObject("enrollment_id", UUID.class)),
                        new OnboardingStepId(rs.getObject("step_id", UUID.class)),
                        rs.getTimestamp("done_at").toInstant(), rs.getString("done_by")))
                .list();
    }

    /** Ticks one step of one enrollment; a second tick keeps the first's time and author. */
    public boolean tick(WorkspaceId workspace, EnrollmentId enrollment, OnboardingStepId step, String by, Instant at) {
        return jdbc.sql("insert into onboarding_progress (workspace_id, enrollment_id, step_id, done_at, done_by)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(workspace.value(), enrollment.value(), step.value(), Timestamp.from(at), by).update() == 1;
    }

    /** Ticks, for Tandem, the steps of this kind in every program the partner is enrolled in. */
    public int tickKind(WorkspaceId workspace, PartnerId partner, OnboardingStepKind kind, Instant at) {
        return jdbc.sql("insert into onboarding_progress (workspace_id, enrollment_id, step_id, done_at, done_by)"
                        + " select e.workspace_id, e.id, s.id, ?, 'system' from enrollment e"
                        + " join onboarding_step s on s.workspace_id = e.workspace_id and s.program_id = e.program_id"
                        + " where e.workspace_id = ? and e.partner_id = ? and s.kind = ? and s.archived_at is null"
                        + " on conflict do nothing")
                .params(Timestamp.from(at), workspace.value(), partner.value(), kind.code()).update();
    }

    /** Ticks, for Tandem, the steps of this kind of one enrollment. */
    public int tickKind(WorkspaceId workspace, EnrollmentId enrollment, OnboardingStepKind kind, Instant at) {
        return jdbc.sql("insert into onboarding_progress (workspace_id, enrollment_id, step_id, done_at, done_by)"
                        + " select e.workspace_id, e.id, s.id, ?, 'system' from enrollment e"
                        + " join onboarding_step s on s.workspace_id = e.workspace_id and s.program_id = e.program_id"
                        + " where e.workspace_id = ? and e.id = ? and s.kind = ? and s.archived_at is null"
                        + " on conflict do nothing")
                .params(Timestamp.from(at), workspace.value(), enrollment.value(), kind.code()).update();
    }

    /** Unticks, for Tandem, the steps of this kind of one enrollment: the fact no longer holds. */
    public int untickKind(WorkspaceId workspace, EnrollmentId enrollment, OnboardingStepKind kind) {
        return jdbc.sql("delete from onboarding_progress p using onboarding_step s"
                        + " where p.workspace_id = ? and p.enrollment_id = ? and s.workspace_id = p.workspace_id"
                        + " and s.id = p.step_id and s.kind = ? and p.done_by = 'system'")
                .params(workspace.value(), enrollment.value(), kind.code()).update();
    }

    /**
     * Ticks the steps whose fact already holds: for a step added after partners accepted, completed
     * their profile or added payout details, and for a partner who joins a program after doing so.
     * {@code enrollment} null means every enrollment in the program.
     */
    public int catchUp(WorkspaceId workspace, ProgramId program, EnrollmentId enrollment, Instant at) {
        return jdbc.sql("insert into onboarding_progress (workspace_id, enrollment_id, step_id, done_at, done_by)"
                        + " select e.workspace_id, e.id, s.id, ?, 'system' from enrollment e"
                        + " join onboarding_step s on s.workspace_id = e.workspace_id and s.program_id = e.program_id"
                        + " where e.workspace_id = ? and e.program_id = ? and (?::uuid is null or e.id = ?::uuid)"
                        + " and s.archived_at is null and (" + FACT + ") on conflict do nothing")
                .params(Timestamp.from(at), workspace.value(), program.value(),
                        enrollment == null ? null : enrollment.value(), enrollment == null ? null : enrollment.value())
                .update();
    }

    private static OnboardingStep step(ResultSet rs, int row) throws SQLException {
        return new OnboardingStep(new ProgramId(rs.getObject("program_id", UUID.class)),
                new OnboardingStepId(rs.getObject("id", UUID.class)), rs.getInt("position"),
                OnboardingStepKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("title"),
                rs.getString("url"));
    }
}
