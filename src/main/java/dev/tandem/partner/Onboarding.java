package dev.tandem.partner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.ConflictException;
import dev.tandem.core.WebAddresses;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.internal.OnboardingRepository;
import dev.tandem.partner.internal.PartnerRepository;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboarding checklists: per program, ordered steps the manager configures; per enrollment, which
 * are done. Steps a partner does outside Tandem (reading a page, watching a video) are ticked by
 * the partner; the others by Tandem when they happen ({@link #systemDone}).
 */
@Service
public class Onboarding {

    private final OnboardingRepository repository;
    private final PartnerRepository partners;
    private final Programs programs;
    private final AuditLog audit;
    private final Clock clock;

    Onboarding(OnboardingRepository repository, PartnerRepository partners, Programs programs, AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.partners = partners;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }

    public List<OnboardingStep> steps(WorkspaceId workspace, ProgramId program) {
        programs.get(workspace, program);
        return repository.steps(workspace, program);
    }

    /** Adds a step at the end of the program's list; steps Tandem can already tell are done are ticked at once. */
    @Transactional
    public OnboardingStep addStep(WorkspaceId workspace, Actor by, ProgramId program, OnboardingStepKind kind,
            String title, String url) {
        programs.get(workspace, program);
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "must be one of accept_agreement, complete_profile,"
                    + " add_payout_details, read_page, watch_video, create_first_link, custom", "validation.required"));
        }
        String cleanTitle = title == null ? "" : title.trim();
        if (cleanTitle.isEmpty()) {
            problems.add(new FieldProblem("title", "is required", "validation.required"));
        } else if (cleanTitle.length() > 200) {
            problems.add(new FieldProblem("title", "is too long (200 characters at most)", "validation.tooLong"));
        }
        String cleanUrl = url == null || url.isBlank() ? null : url.trim();
        if (cleanUrl != null && !WebAddresses.valid(cleanUrl)) {
            problems.add(new FieldProblem("url", "must be an http or https address, e.g. https://example.com/guide",
                    "portal.error.url"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.lockSteps(workspace, program);
        OnboardingStep step = new OnboardingStep(program, new OnboardingStepId(Ids.newId()),
                repository.nextPosition(workspace, program), kind, cleanTitle, cleanUrl);
        repository.insert(workspace, step, clock.instant());
        repository.catchUp(workspace, program, null, clock.instant());
        audit.record(workspace, by, "onboarding.step_added", step.id().toString(),
                Map.of("program", program.toString(), "kind", kind.code(), "title", cleanTitle));
        return step;
    }

    /** Removes a step from the list; ticks on it are kept, but it no longer counts. */
    @Transactional
    public void removeStep(WorkspaceId workspace, Actor by, ProgramId program, OnboardingStepId id) {
        OnboardingStep step = step(workspace, program, id);
        repository.lockSteps(workspace, program);
        repository.archive(workspace, id, clock.instant());
        audit.record(workspace, by, "onboarding.step_removed", id.toString(),
                Map.of("program", program.toString(), "title", step.title()));
    }

    /** Moves a step one place up (earlier); the first step stays where it is. */
    @Transactional
    public void moveUp(WorkspaceId workspace, Actor by, ProgramId program, OnboardingStepId id) {
        step(workspace, program, id);
        repository.lockSteps(workspace, program);
        List<OnboardingStep> steps = repository.steps(workspace, program);
        int index = indexOf(steps, id);
        if (index <= 0) {
            return;
        }
        // renumber the whole list so that equal or missing positions never make the order ambiguous
        List<OnboardingStep> reordered = new ArrayList<>(steps);
        reordered.add(index - 1, reordered.remove(index));
        for (int i = 0; i < reordered.size(); i++) {
            repository.setPosition(workspace, reordered.get(i).id(), i + 1);
        }
        audit.record(workspace, by, "onboarding.step_moved", id.toString(),
                Map.of("program", program.toString(), "position", index));
    }

    /** One enrollment's progress through its program's current steps. */
    public OnboardingProgress progress(WorkspaceId workspace, Enrollment enrollment) {
        return progress(workspace, List.of(enrollment), Map.of()).get(0);
    }

    /** The partner's progress in each program they are approved in. */
    public List<OnboardingProgress> progressOf(WorkspaceId workspace, PartnerId partner) {
        List<Enrollment> approved = partners.enrollmentsOf(workspace, partner).stream()
                .filter(e -> e.status() == EnrollmentStatus.APPROVED).toList();
        return progress(workspace, approved, Map.of());
    }

    /** Ticks a step the partner does themselves (read a page, watch a video, a custom step) in one of their programs. */
    @Transactional
    public void tick(PartnerPrincipal who, EnrollmentId enrollmentId, OnboardingStepId stepId) {
        Enrollment enrollment = partners.findEnrollment(who.workspaceId(), enrollmentId)
                .filter(e -> e.partnerId().equals(who.partnerId()))
                .orElseThrow(() -> new NotFoundException("no enrollment " + enrollmentId));
        if (enrollment.status() != EnrollmentStatus.APPROVED) {
            throw new ConflictException("onboarding is for approved partners; this enrollment is "
                    + enrollment.status().code());
        }
        OnboardingStep step = step(who.workspaceId(), enrollment.programId(), stepId);
        if (!step.kind().tickedByPartner()) {
            throw new ConflictException("Tandem ticks '" + step.title() + "' by itself when it happens");
        }
        if (repository.tick(who.workspaceId(), enrollmentId, stepId, "partner", clock.instant())) {
            audit.record(who.workspaceId(), who.asActor(), "onboarding.step_done", stepId.toString(),
                    Map.of("enrollment", enrollmentId.toString(), "title", step.title()));
        }
    }

    /**
     * Tandem saw the partner do this (accept an agreement, complete the profile, add payout details,
     * create a first link): the steps of this kind are ticked in every program the partner is in.
     * Safe to call again; the first tick is kept.
     */
    @Transactional
    public void systemDone(WorkspaceId workspace, PartnerId partner, OnboardingStepKind kind) {
        repository.tickKind(workspace, partner, kind, clock.instant());
    }

    /** Like {@link #systemDone(WorkspaceId, PartnerId, OnboardingStepKind)} for one program only (an agreement is per program). */
    @Transactional
    public void systemDone(WorkspaceId workspace, EnrollmentId enrollment, OnboardingStepKind kind) {
        repository.tickKind(workspace, enrollment, kind, clock.instant());
    }

    /** Tandem saw the fact stop holding (a new agreement version awaits acceptance): the step is open again. */
    @Transactional
    public void systemUndone(WorkspaceId workspace, EnrollmentId enrollment, OnboardingStepKind kind) {
        repository.untickKind(workspace, enrollment, kind);
    }

    /** Ticks what Tandem can already tell is done for an enrollment that just joined its program. */
    @Transactional
    public void catchUp(WorkspaceId workspace, Enrollment enrollment) {
        repository.catchUp(workspace, enrollment.programId(), enrollment.id(), clock.instant());
    }

    /** Every approved partner of the program with their progress, and who is stuck on which step. */
    public OnboardingBoard board(WorkspaceId workspace, ProgramId program) {
        programs.get(workspace, program);
        List<OnboardingStep> steps = repository.steps(workspace, program);
        List<Enrollment> approved = new ArrayList<>();
        UUID after = null;
        while (true) {
            List<Enrollment> page = partners.enrollmentsIn(workspace, program, EnrollmentStatus.APPROVED, after, 500);
            approved.addAll(page);
            if (page.size() < 500) {
                break;
            }
            after = page.get(page.size() - 1).id().value();
        }
        List<OnboardingProgress> progress = progress(workspace, approved, Map.of(program, steps));
        List<OnboardingBoard.Row> rows = new ArrayList<>();
        Map<OnboardingStepId, Integer> stuck = new HashMap<>();
        Map<PartnerId, Partner> byId = new HashMap<>();
        partners.findAll(workspace, approved.stream().map(Enrollment::partnerId).toList())
                .forEach(partner -> byId.put(partner.id(), partner));
        for (OnboardingProgress p : progress) {
            Partner partner = byId.get(p.enrollment().partnerId());
            rows.add(new OnboardingBoard.Row(partner, p));
            if (p.stuckOn() != null) {
                stuck.merge(p.stuckOn().id(), 1, Integer::sum);
            }
        }
        rows.sort((a, b) -> a.partner().name().compareToIgnoreCase(b.partner().name()));
        return new OnboardingBoard(steps, rows, stuck);
    }

    private List<OnboardingProgress> progress(WorkspaceId workspace, List<Enrollment> enrollments,
            Map<ProgramId, List<OnboardingStep>> known) {
        Map<ProgramId, List<OnboardingStep>> steps = new HashMap<>(known);
        Map<ProgramId, String> names = new HashMap<>();
        Map<EnrollmentId, Map<OnboardingStepId, OnboardingRepository.Tick>> ticks = new HashMap<>();
        for (OnboardingRepository.Tick tick : repository.ticks(workspace, enrollments.stream().map(Enrollment::id).toList())) {
            ticks.computeIfAbsent(tick.enrollmentId(), e -> new LinkedHashMap<>()).put(tick.stepId(), tick);
        }
        List<OnboardingProgress> result = new ArrayList<>();
        for (Enrollment enrollment : enrollments) {
            List<OnboardingStep> programSteps = steps.computeIfAbsent(enrollment.programId(),
                    p -> repository.steps(workspace, p));
            String name = names.computeIfAbsent(enrollment.programId(), p -> programs.get(workspace, p).name());
            Map<OnboardingStepId, OnboardingRepository.Tick> done = ticks.getOrDefault(enrollment.id(), Map.of());
            List<OnboardingProgress.Item> items = programSteps.stream().map(step -> {
                OnboardingRepository.Tick tick = done.get(step.id());
                return new OnboardingProgress.Item(step, tick == null ? null : tick.doneAt(),
                        tick == null ? null : tick.doneBy());
            }).toList();
            result.add(new OnboardingProgress(enrollment, name, items));
        }
        return result;
    }

    private OnboardingStep step(WorkspaceId workspace, ProgramId program, OnboardingStepId id) {
        return repository.step(workspace, id).filter(s -> s.programId().equals(program))
                .orElseThrow(() -> new NotFoundException("no onboarding step " + id + " in program " + program));
    }

    private static int indexOf(List<OnboardingStep> steps, OnboardingStepId id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

}
