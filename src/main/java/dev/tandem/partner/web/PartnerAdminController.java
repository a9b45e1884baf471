package dev.tandem.partner.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.ListPage;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.Application;
import dev.tandem.partner.AcceptanceStatus;
import dev.tandem.partner.AgreementAcceptances;
import dev.tandem.partner.Applications;
import dev.tandem.partner.Onboarding;
import dev.tandem.partner.OnboardingProgress;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentEvent;
import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerDirectory;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.Tier;
import dev.tandem.program.TierId;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's partners: a list filtered by program and status, and each partner's page with
 * their enrollments, the history of every change, and forms to change status or tier.
 */
@Controller
@RequestMapping("/admin/partners")
class PartnerAdminController {


    private final Partners partners;
    private final PartnerDirectory directory;
    private final Applications applications;
    private final Programs programs;
    private final AgreementAcceptances acceptances;
    private final Onboarding onboarding;

    PartnerAdminController(Partners partners, PartnerDirectory directory, Applications applications,
            Programs programs, AgreementAcceptances acceptances, Onboarding onboarding) {
        this.partners = partners;
        this.directory = directory;
        this.applications = applications;
        this.programs = programs;
        this.acceptances = acceptances;
        this.onboarding = onboarding;
    }

    /** A program with its tiers and how many applications wait in its queue. */
    record ProgramRow(Program program, int pending) {
    }

    /** One enrollment as its partner's page shows it. */
    record EnrollmentView(Enrollment enrollment, Program program, String tierName, List<Tier> tiers,
            List<EnrollmentStatus> next, List<EnrollmentEvent> history, Application application,
            AcceptanceStatus agreement, OnboardingProgress onboarding) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(name = "program", required = false) String program,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "q", required = false) String search,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        WorkspaceId workspace = me.workspaceId();
        ProgramId programId = program == null || program.isBlank() ? null : ProgramId.parse(program.trim());
        EnrollmentStatus statusFilter = StaffPages.status(status).orElse(null);
        String query = search == null || search.isBlank() ? null : search.trim();
        ListPage<PartnerDirectory.Listed> page = directory.sorted(workspace, programId, statusFilter, query,
                PartnerDirectory.SORTS.read(sort, dir, pageNumber));
        List<Program> all = programs.list(workspace);
        model.addAttribute("rows", page.rows());
        model.addAttribute("page", page);
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("programRows", all.stream()
                .map(p -> new ProgramRow(p, directory.count(workspace, p.id(), EnrollmentStatus.PENDING))).toList());
        model.addAttribute("programNames", names(all));
        model.addAttribute("tierNames", tierNames(workspace, all));
        model.addAttribute("statuses", EnrollmentStatus.values());
        model.addAttribute("selectedProgram", programId == null ? "" : programId.toString());
        model.addAttribute("selectedStatus", statusFilter == null ? "" : statusFilter.code());
        return "partner/admin/partners";
    }

    @GetMapping("/{partnerId}")
    String partner(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String partnerId, Model model) {
        WorkspaceId workspace = me.workspaceId();
        Partner partner = partners.get(workspace, PartnerId.parse(partnerId));
        Map<ProgramId, Program> byId = new HashMap<>();
        programs.list(workspace).forEach(p -> byId.put(p.id(), p));
        List<EnrollmentView> views = partners.enrollmentsOf(workspace, partner.id()).stream().map(e -> {
            List<Tier> tiers = programs.tiers(workspace, e.programId());
            Map<String, String> tierNames = new HashMap<>();
            tiers.forEach(t -> tierNames.put(t.id().toString(), t.name()));
            List<EnrollmentEvent> history = partners.history(workspace, e.id()).stream()
                    .map(h -> h.kind() == EnrollmentEvent.Kind.TIER
                            ? new EnrollmentEvent(h.occurredAt(), h.kind(), tierNames.getOrDefault(h.from(), h.from()),
                                    tierNames.getOrDefault(h.to(), h.to()), h.reason(), h.actor())
                            : h)
                    .toList();
            return new EnrollmentView(e, byId.get(e.programId()), tierNames.getOrDefault(e.tierId().toString(), "?"),
                    tiers, e.status().next().stream().sorted().toList(), history,
                    applications.ofEnrollment(workspace, e.id()).orElse(null), acceptances.status(workspace, e),
                    onboarding.progress(workspace, e));
        }).toList();
        model.addAttribute("partner", partner);
        model.addAttribute("enrollments", views);
        model.addAttribute("introducer", partner.introducedBy() == null ? null
                : partners.get(workspace, partner.introducedBy()));
        return "partner/admin/partner";
    }

    @PostMapping("/{partnerId}/enrollments/{enrollmentId}/status")
    String changeStatus(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String partnerId,
            @PathVariable String enrollmentId, @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "reason", required = false) String reason, RedirectAttributes flash) {
        Enrollment enrollment = enrollmentOf(me.workspaceId(), partnerId, enrollmentId);
        EnrollmentStatus to = StaffPages.status(status).orElse(null);
        try {
            applications.changeStatus(me.workspaceId(), me.asActor(), enrollment.id(), to, reason);
            flash.addFlashAttribute("notice", "partner.statusChanged");
        } catch (ConflictException e) {
            Enrollment now = partners.enrollment(me.workspaceId(), enrollment.id());
            flash.addFlashAttribute("problem", "partner.error.transition");
            flash.addFlashAttribute("problemArgs", List.of(now.status().code(), to == null ? "" : to.code()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.problems().get(0).field().equals("reason")
                    ? "partner.error.reasonRequired" : "partner.error.status");
            flash.addFlashAttribute("problemArgs", List.of(to == null ? "" : to.code()));
        }
        return "redirect:/admin/partners/" + enrollment.partnerId() + "#" + enrollment.id();
    }

    @PostMapping("/{partnerId}/enrollments/{enrollmentId}/tier")
    String moveTier(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String partnerId,
            @PathVariable String enrollmentId, @RequestParam("tierId") String tierId,
            @RequestParam(name = "reason", required = false) String reason, RedirectAttributes flash) {
        Enrollment enrollment = enrollmentOf(me.workspaceId(), partnerId, enrollmentId);
        partners.moveTier(me.workspaceId(), me.asActor(), enrollment.id(), TierId.parse(tierId), reason);
        flash.addFlashAttribute("notice", "partner.tierMoved");
        return "redirect:/admin/partners/" + enrollment.partnerId() + "#" + enrollment.id();
    }

    // the enrollment must be this partner's, in this workspace: anything else is not found
    private Enrollment enrollmentOf(WorkspaceId workspace, String partnerId, String enrollmentId) {
        PartnerId partner = PartnerId.parse(partnerId);
        Enrollment enrollment = partners.enrollment(workspace, EnrollmentId.parse(enrollmentId));
        if (!enrollment.partnerId().equals(partner)) {
            throw new NotFoundException("no enrollment " + enrollmentId + " of partner " + partnerId);
        }
        return enrollment;
    }

    private static Map<String, String> names(List<Program> all) {
        Map<String, String> names = new LinkedHashMap<>();
        all.forEach(p -> names.put(p.id().toString(), p.name()));
        return names;
    }

    private Map<String, String> tierNames(WorkspaceId workspace, List<Program> all) {
        Map<String, String> names = new HashMap<>();
        all.forEach(p -> programs.tiers(workspace, p.id()).forEach(t -> names.put(t.id().toString(), t.name())));
        return names;
    }
}
