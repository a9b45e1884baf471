package dev.tandem.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.core.Language;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.program.TierId;
import dev.tandem.workspace.WorkspaceId;

/**
 * Partners and enrollments read from joined queries, where each table's columns carry a prefix
 * ({@code p_email}, {@code e_status}) so that both fit in one row.
 */
final class Rows {

    private static final List<String> PARTNER = List.of("workspace_id", "id", "email", "name", "phone", "company",
            "website", "industry", "company_size", "audience", "region", "locale", "invite_code", "introduced_by",
            "created_at");
    private static final List<String> ENROLLMENT = List.of("workspace_id", "id", "program_id", "partner_id", "tier_id",
            "status", "status_reason", "introduced_by", "created_at", "updated_at");

    private Rows() {
    }

    /** {@code p.email as p_email, …} for a partner table aliased {@code alias}. */
    static String partnerColumns(String alias) {
        return columns(PARTNER, alias);
    }

    static String enrollmentColumns(String alias) {
        return columns(ENROLLMENT, alias);
    }

    /** A partner from columns prefixed {@code alias_}; an empty alias reads the plain column names. */
    static Partner partner(ResultSet rs, String alias) throws SQLException {
        String p = prefix(alias);
        UUID introducedBy = rs.getObject(p + "introduced_by", UUID.class);
        return new Partner(new WorkspaceId(rs.getObject(p + "workspace_id", UUID.class)),
                new PartnerId(rs.getObject(p + "id", UUID.class)), rs.getString(p + "email"), rs.getString(p + "name"),
                rs.getString(p + "phone"), rs.getString(p + "company"), rs.getString(p + "website"),
                new Partner.Profile(rs.getString(p + "industry"), rs.getString(p + "company_size"),
                        rs.getString(p + "audience"), rs.getString(p + "region")),
                Language.fromTag(rs.getString(p + "locale")).orElse(Language.EN), rs.getString(p + "invite_code"),
                introducedBy == null ? null : new PartnerId(introducedBy),
                rs.getTimestamp(p + "created_at").toInstant());
    }

    static Enrollment enrollment(ResultSet rs, String alias) throws SQLException {
        String e = prefix(alias);
        UUID introducedBy = rs.getObject(e + "introduced_by", UUID.class);
        return new Enrollment(new WorkspaceId(rs.getObject(e + "workspace_id", UUID.class)),
                new EnrollmentId(rs.getObject(e + "id", UUID.class)),
                new ProgramId(rs.getObject(e + "program_id", UUID.class)),
                new PartnerId(rs.getObject(e + "partner_id", UUID.class)),
                new TierId(rs.getObject(e + "tier_id", UUID.class)),
                EnrollmentStatus.fromCode(rs.getString(e + "status")), rs.getString(e + "status_reason"),
                introducedBy == null ? null : new PartnerId(introducedBy),
                rs.getTimestamp(e + "created_at").toInstant(), rs.getTimestamp(e + "updated_at").toInstant());
    }

    /** A PostgreSQL array literal of ids, for {@code = any(?::uuid[])}. */
    static String uuidArray(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** A PostgreSQL array literal of texts, each quoted and escaped, for {@code ?::text[]}. */
    static String textArray(List<String> values) {
        return values.stream()
                .map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String prefix(String alias) {
        return alias.isEmpty() ? "" : alias + "_";
    }

    private static String columns(List<String> names, String alias) {
        return names.stream().map(c -> alias + "." + c + " as " + alias + "_" + c)
                .collect(Collectors.joining(", "));
    }
}
