package dev.tandem.partner.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.core.ListRequest;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerDirectory;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists of partners for the admin pages and the API: by program and status, newest first, one page at a time. */
@Repository
public class PartnerDirectoryRepository {

    private final JdbcClient jdbc;

    PartnerDirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The workspace's partners, newest first, before the partner id {@code before}; with a program
     * or a status, only partners with an enrollment that matches both.
     */
    public List<Partner> partners(WorkspaceId workspace, ProgramId program, EnrollmentStatus status, UUID before,
            int limit) {
        UUID programId = program == null ? null : program.value();
        String statusCode = status == null ? null : status.code();
        return jdbc.sql("select " + Rows.partnerColumns("p") + " from partner p where p.workspace_id = ?"
                        + " and ((?::uuid is null and ?::text is null) or exists (select 1 from enrollment e"
                        + "   where e.workspace_id = p.workspace_id and e.partner_id = p.id"
                        + "   and (?::uuid is null or e.program_id = ?::uuid) and (?::text is null or e.status = ?::text)))"
                        + " and (?::uuid is null or p.id < ?::uuid)"
                        + " order by p.id desc limit ?")
                .params(workspace.value(), programId, statusCode, programId, programId, statusCode, statusCode, before,
                        before, limit)
                .query((rs, n) -> Rows.partner(rs, "p")).list();
    }

    /** One page of the workspace's partners, filtered and in the whitelisted order the request carries. */
    public List<Partner> sorted(WorkspaceId workspace, ProgramId program, EnrollmentStatus status, String search,
            ListRequest page) {
        List<Object> params = new ArrayList<>();
        String where = listed(workspace, program, status, search, params);
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql("select " + Rows.partnerColumns("p") + " from partner p" + where + " order by "
                        + page.orderBy() + " limit ? offset ?")
                .params(params).query((rs, n) -> Rows.partner(rs, "p")).list();
    }

    /** How many partners {@link #sorted} pages through. */
    public long countListed(WorkspaceId workspace, ProgramId program, EnrollmentStatus status, String search) {
        List<Object> params = new ArrayList<>();
        String where = listed(workspace, program, status, search, params);
        return jdbc.sql("select count(*) from partner p" + where).params(params).query(Long.class).single();
    }

    // the list's conditions: enrolled in the program and/or in the status; name, email or company containing the search
    private static String listed(WorkspaceId workspace, ProgramId program, EnrollmentStatus status, String search,
            List<Object> params) {
        StringBuilder where = new StringBuilder(" where p.workspace_id = ?");
        params.add(workspace.value());
        if (program != null || status != null) {
            where.append(" and exists (select 1 from enrollment e where e.workspace_id = p.workspace_id"
                    + " and e.partner_id = p.id");
            if (program != null) {
                where.append(" and e.program_id = ?");
                params.add(program.value());
            }
            if (status != null) {
                where.append(" and e.status = ?");
                params.add(status.code());
            }
            where.append(")");
        }
        if (search != null && !search.isBlank()) {
            String like = "%" + search.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" and (lower(p.name) like ? or lower(p.email) like ? or lower(coalesce(p.company, '')) like ?)");
            params.addAll(List.of(like, like, like));
        }
        return where.toString();
    }

    /** Every enrollment of these partners, oldest first. */
    public List<Enrollment> enrollmentsOf(WorkspaceId workspace, List<UUID> partners) {
        if (partners.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + Rows.enrollmentColumns("e") + " from enrollment e where e.workspace_id = ?"
                        + " and e.partner_id = any(?::uuid[]) order by e.created_at, e.id")
                .params(workspace.value(), Rows.uuidArray(partners))
                .query((rs, n) -> Rows.enrollment(rs, "e")).list();
    }

    /** A program's partners with their enrollment, optionally of one status, newest enrollment first. */
    public List<PartnerDirectory.Member> members(WorkspaceId workspace, ProgramId program, EnrollmentStatus status,
            UUID beforeEnrollment, int limit) {
        String statusCode = status == null ? null : status.code();
        return jdbc.sql("select " + Rows.partnerColumns("p") + ", " + Rows.enrollmentColumns("e")
                        + " from enrollment e join partner p on p.workspace_id = e.workspace_id and p.id = e.partner_id"
                        + " where e.workspace_id = ? and e.program_id = ?"
                        + " and (?::text is null or e.status = ?::text) and (?::uuid is null or e.id < ?::uuid)"
                        + " order by e.id desc limit ?")
                .params(workspace.value(), program.value(), statusCode, statusCode, beforeEnrollment, beforeEnrollment,
                        limit)
                .query((rs, n) -> new PartnerDirectory.Member(Rows.partner(rs, "p"), Rows.enrollment(rs, "e"))).list();
    }

    /** How many enrollments of the program wait in each status (for the queue's badge). */
    public int count(WorkspaceId workspace, ProgramId program, EnrollmentStatus status) {
        return jdbc.sql("select count(*) from enrollment where workspace_id = ? and program_id = ? and status = ?")
                .params(workspace.value(), program.value(), status.code()).query(Integer.class).single();
    }
}
