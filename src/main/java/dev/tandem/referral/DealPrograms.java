package dev.tandem.referral;

import java.util.List;
import java.util.Optional;

import dev.tandem.core.FieldProblem;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/** The programs a partner may register deals and claim customers in: active ones they are approved in. */
@Component
class DealPrograms {

    private final Programs programs;
    private final Partners partners;

    DealPrograms(Programs programs, Partners partners) {
        this.programs = programs;
        this.partners = partners;
    }

    List<Program> of(WorkspaceId workspace, PartnerId partner) {
        return partners.enrollmentsOf(workspace, partner).stream()
                .filter(e -> e.status() == EnrollmentStatus.APPROVED)
                .map(e -> programs.get(workspace, e.programId()))
                .filter(Program::active)
                .toList();
    }

    /**
     * The program named by a public id, when the partner may use it; otherwise a problem on
     * {@code programId} (another workspace's program, or one they are not approved in, looks the same).
     */
    Program approved(WorkspaceId workspace, PartnerId partner, String programId, List<FieldProblem> problems) {
        String id = programId == null ? "" : programId.strip();
        if (id.isEmpty()) {
            problems.add(new FieldProblem("programId", "is required", "validation.required"));
            return null;
        }
        Optional<Program> program = parse(id).flatMap(p -> partners.enrollment(workspace, p, partner))
                .filter(e -> e.status() == EnrollmentStatus.APPROVED)
                .map(e -> programs.get(workspace, e.programId()))
                .filter(Program::active);
        if (program.isEmpty()) {
            problems.add(new FieldProblem("programId", "is not a program you are an approved partner of",
                    "deal.error.program"));
            return null;
        }
        return program.get();
    }

    private static Optional<ProgramId> parse(String id) {
        try {
            return Optional.of(ProgramId.parse(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
