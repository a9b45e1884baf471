package dev.tandem.program.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.program.ApplicationQuestion;
import dev.tandem.program.CriterionId;
import dev.tandem.program.FitCriterion;
import dev.tandem.program.ProgramId;
import dev.tandem.program.QuestionId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Application questions and ideal-profile criteria of a program. */
@Repository
public class FormRepository {

    private final JdbcClient jdbc;

    FormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertQuestion(WorkspaceId workspace, ApplicationQuestion q, Instant at) {
        jdbc.sql("insert into application_question (workspace_id, program_id, id, position, label, kind, options,"
                        + " required, created_at) values (?, ?, ?, (select coalesce(max(position), 0) + 1 from"
                        + " application_question where workspace_id = ? and program_id = ?), ?, ?, ?::text[], ?, ?)")
                .params(workspace.value(), q.programId().value(), q.id().value(), workspace.value(),
                        q.programId().value(), q.label(), q.kind().code(), Sql.textArray(q.options()), q.required(),
                        Sql.ts(at))
                .update();
    }

    /** Archived questions stay for the applications that answered them, but leave the form. */
    public boolean archiveQuestion(WorkspaceId workspace, ProgramId program, QuestionId id, Instant at) {
        return jdbc.sql("update application_question set archived_at = ? where workspace_id = ? and program_id = ?"
                        + " and id = ? and archived_at is null")
                .params(Sql.ts(at), workspace.value(), program.value(), id.value())
                .update() == 1;
    }

    public List<ApplicationQuestion> activeQuestions(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select program_id, id, position, label, kind, options, required from application_question"
                        + " where workspace_id = ? and program_id = ? and archived_at is null order by position, id")
                .params(workspace.value(), program.value())
                .query(FormRepository::mapQuestion)
                .list();
    }

    public void insertCriterion(WorkspaceId workspace, FitCriterion c, Instant at) {
        jdbc.sql("insert into fit_criterion (workspace_id, program_id, id, attribute, question_id, expected_values,"
                        + " weight, created_at) values (?, ?, ?, ?, ?, ?::text[], ?, ?)")
                .params(workspace.value(), c.programId().value(), c.id().value(), c.attribute().code(),
                        c.questionId() == null ? null : c.questionId().value(), Sql.textArray(c.expectedValues()),
                        c.weight(), Sql.ts(at))
                .update();
    }

    public boolean deleteCriterion(WorkspaceId workspace, ProgramId program, CriterionId id) {
        return jdbc.sql("delete from fit_criterion where workspace_id = ? and program_id = ? and id = ?")
                .params(workspace.value(), program.value(), id.value())
                .update() == 1;
    }

    /** Criteria judging this question; they go when it leaves the form, since nobody can answer it any more. */
    public int deleteCriteriaOf(WorkspaceId workspace, ProgramId program, QuestionId question) {
        return jdbc.sql("delete from fit_criterion where workspace_id = ? and program_id = ? and question_id = ?")
                .params(workspace.value(), program.value(), question.value())
                .update();
    }

    public List<FitCriterion> criteria(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select program_id, id, attribute, question_id, expected_values, weight from fit_criterion"
                        + " where workspace_id = ? and program_id = ? order by weight desc, id")
                .params(workspace.value(), program.value())
                .query((rs, n) -> {
                    UUID question = rs.getObject("question_id", UUID.class);
                    return new FitCriterion(new ProgramId(rs.getObject("program_id", UUID.class)),
                            new CriterionId(rs.getObject("id", UUID.class)),
                            FitCriterion.Attribute.fromCode(rs.getString("attribute")),
                            question == null ? null : new QuestionId(question), Sql.list(rs, "expected_values"),
                            rs.getInt("weight"));
                })
                .list();
    }

    private static ApplicationQuestion mapQuestion(ResultSet rs, int row) throws SQLException {
        return new ApplicationQuestion(new ProgramId(rs.getObject("program_id", UUID.class)),
                new QuestionId(rs.getObject("id", UUID.class)), rs.getInt("position"), rs.getString("label"),
                ApplicationQuestion.Kind.fromCode(rs.getString("kind")), Sql.list(rs, "options"),
                rs.getBoolean("required"));
    }
}
