package dev.tandem.partner.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.partner.Application;
import dev.tandem.partner.ApplicationId;
import dev.tandem.partner.Applications;
import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.AgreementVersionId;
import dev.tandem.program.FitCriterion;
import dev.tandem.program.FitScore;
import dev.tandem.program.ProgramId;
import dev.tandem.program.QuestionId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications as sent, and the review queue: a program's pending applications, best fit first.
 * Answers and fit reasons are stored as JSON in a stable shape of our own (lower-case codes),
 * so that renaming a Java type never changes what old rows mean.
 */
@Repository
public class ApplicationRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "a.workspace_id, a.id, a.enrollment_id, a.program_id, a.partner_id,"
            + " a.submitted_at, a.plan, a.referrals, a.answers::text as answers, a.fit_score,"
            + " a.fit_reasons::text as fit_reasons, a.terms_version_id, a.ip, a.user_agent";

    private final JdbcClient jdbc;

    ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Application a) {
        jdbc.sql("insert into application (workspace_id, id, enrollment_id, program_id, partner_id, submitted_at,"
                        + " plan, referrals, answers, fit_score, fit_reasons, terms_version_id, ip, user_agent)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?::text[], ?::jsonb, ?, ?::jsonb, ?, ?, ?)")
                .params(a.workspaceId().value(), a.id().value(), a.enrollmentId().value(), a.programId().value(),
                        a.partnerId().value(), Timestamp.from(a.submittedAt()), a.plan(), Rows.textArray(a.referrals()),
                        answersJson(a.answers()), a.fitScore(), reasonsJson(a.fitReasons()),
                        a.termsVersionId() == null ? null : a.termsVersionId().value(), a.ip(), a.userAgent())
                .update();
    }

    public Optional<Applications.Reviewed> find(WorkspaceId workspace, ApplicationId id) {
        return jdbc.sql(select() + " where a.workspace_id = ? and a.id = ?")
                .params(workspace.value(), id.value()).query(ApplicationRepository::row).optional();
    }

    public Optional<Application> findByEnrollment(WorkspaceId workspace, EnrollmentId enrollment) {
        return jdbc.sql(select() + " where a.workspace_id = ? and a.enrollment_id = ?")
                .params(workspace.value(), enrollment.value()).query(ApplicationRepository::row).optional()
                .map(Applications.Reviewed::application);
    }

    /**
     * The program's applications whose enrollment is still pending, highest fit score first (the
     * oldest first among equals), at most {@code limit}, after the application {@code after}.
     */
    public List<Applications.Reviewed> queue(WorkspaceId workspace, ProgramId program, ApplicationId after, int limit) {
        String cursor = after == null ? ""
                : " and (a.fit_score < c.fit_score or (a.fit_score = c.fit_score and a.id > c.id))";
        String from = after == null ? "" : " join application c on c.workspace_id = a.workspace_id and c.id = ?";
        List<Object> params = new ArrayList<>();
        if (after != null) {
            params.add(after.value());
        }
        params.add(workspace.value());
        params.add(program.value());
        params.add(EnrollmentStatus.PENDING.code());
        params.add(limit);
        return jdbc.sql(select() + from + " where a.workspace_id = ? and a.program_id = ? and e.status = ?" + cursor
                        + " order by a.fit_score desc, a.id asc limit ?")
                .params(params).query(ApplicationRepository::row).list();
    }

    private static String select() {
        return "select " + COLUMNS + ", " + Rows.partnerColumns("p") + ", " + Rows.enrollmentColumns("e")
                + " from application a"
                + " join partner p on p.workspace_id = a.workspace_id and p.id = a.partner_id"
                + " join enrollment e on e.workspace_id = a.workspace_id and e.id = a.enrollment_id";
    }

    private static Applications.Reviewed row(ResultSet rs, int n) throws SQLException {
        UUID terms = rs.getObject("terms_version_id", UUID.class);
        Array referrals = rs.getArray("referrals");
        Application application = new Application(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new ApplicationId(rs.getObject("id", UUID.class)),
                new EnrollmentId(rs.getObject("enrollment_id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("plan"), referrals == null ? List.of() : List.of((String[]) referrals.getArray()),
                answers(rs.getString("answers")), rs.getInt("fit_score"), reasons(rs.getString("fit_reasons")),
                terms == null ? null : new AgreementVersionId(terms), rs.getString("ip"), rs.getString("user_agent"));
        return new Applications.Reviewed(application, Rows.partner(rs, "p"), Rows.enrollment(rs, "e"));
    }

    // {"qst_…": {"question": "…", "answer": "…"}, …} in the form's order
    private static String answersJson(List<Application.Answer> answers) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Application.Answer a : answers) {
            json.put(a.questionId().toString(), Map.of("question", a.question(), "answer", a.answer()));
        }
        return JSON.writeValueAsString(json);
    }

    private static List<Application.Answer> answers(String json) {
        List<Application.Answer> answers = new ArrayList<>();
        JsonNode root = JSON.readTree(json);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            answers.add(new Application.Answer(QuestionId.parse(entry.getKey()),
                    entry.getValue().path("question").asString(""), entry.getValue().path("answer").asString("")));
        }
        return List.copyOf(answers);
    }

    private static String reasonsJson(List<FitScore.Reason> reasons) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (FitScore.Reason r : reasons) {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("attribute", r.attribute().code());
            reason.put("question", r.questionLabel());
            reason.put("given", r.given());
            reason.put("expected", r.expected());
            reason.put("weight", r.weight());
            reason.put("matched", r.matched());
            json.add(reason);
        }
        return JSON.writeValueAsString(json);
    }

    private static List<FitScore.Reason> reasons(String json) {
        List<FitScore.Reason> reasons = new ArrayList<>();
        for (JsonNode r : JSON.readTree(json)) {
            List<String> expected = new ArrayList<>();
            r.path("expected").forEach(v -> expected.add(v.asString()));
            reasons.add(new FitScore.Reason(FitCriterion.Attribute.fromCode(r.path("attribute").asString()),
                    r.path("question").isNull() ? null : r.path("question").asString(null),
                    r.path("given").isNull() ? null : r.path("given").asString(null), List.copyOf(expected),
                    r.path("weight").asInt(), r.path("matched").asBoolean()));
        }
        return List.copyOf(reasons);
    }
}
