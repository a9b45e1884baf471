package dev.tandem.partner;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.ConflictException;
import dev.tandem.core.EmailAddresses;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.internal.PartnerRepository;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.Tier;
import dev.tandem.program.TierId;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners and their enrollments: creating a partner (once per email and workspace), enrolling
 * them in a program (once per program), and every guarded status change and tier move, recorded
 * with who, when and why.
 */
@Service
public class Partners {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PartnerRepository repository;
    private final Programs programs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Partners(PartnerRepository repository, Programs programs, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.programs = programs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Who a new partner is; only name and email are required. */
    public record NewPartner(String email, String name, String phone, String company, String website,
            Partner.Profile profile, Language language, PartnerId introducedBy) {
    }

    /** The partner with this email in the workspace, created from {@code details} if there is none yet. */
    @Transactional
    public Partner findOrCreate(WorkspaceId workspace, NewPartner details) {
        String email = checkedEmail(details.email());
        Optional<Partner> existing = repository.findByEmail(workspace, email);
        if (existing.isPresent()) {
            return existing.get();
        }
        String name = details.name() == null ? "" : details.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw InvalidInputException.of("name", "validation.required", "is required (100 characters at most)");
        }
        return repository.insertOrGet(new Partner(workspace, new PartnerId(Ids.newId()), email, name,
                text(details.phone()), text(details.company()), text(details.website()),
                details.profile() == null ? Partner.Profile.empty() : details.profile(),
                details.language() == null ? Language.EN : details.language(), newInviteCode(), details.introducedBy(),
                clock.instant()));
    }

    /**
     * Enrolls the partner in the program in the given status (tier null = the program's default).
     * A partner is enrolled in a program once: a second time is a conflict, not a second row.
     */
    @Transactional
    public Enrollment enroll(WorkspaceId workspace, Actor by, ProgramId program, PartnerId partner, TierId tier,
            EnrollmentStatus status, String reason) {
        programs.get(workspace, program); // an unknown program is a 404, not a missing default tier
        TierId chosen = tier == null ? programs.defaultTier(workspace, program).id()
                : programs.tier(workspace, program, tier).id();
        Partner who = get(workspace, partner);
        Enrollment enrollment = new Enrollment(workspace, new EnrollmentId(Ids.newId()), program, partner, chosen,
                status, text(reason), who.introducedBy(), clock.instant(), clock.instant());
        if (!repository.insertEnrollment(enrollment)) {
            throw new ConflictException(who.email() + " is already a partner of or has already applied to this program");
        }
        repository.insertEvent(workspace, enrollment.id(),
                new EnrollmentEvent(clock.instant(), EnrollmentEvent.Kind.STATUS, null, status.code(), text(reason), by));
        audit.record(workspace, by, "enrollment.created", enrollment.id().toString(),
                Map.of("partner", partner.toString(), "program", program.toString(), "status", status.code()));
        events.publishEvent(new EnrollmentStatusChanged(workspace, enrollment.id(), program, partner, null, status,
                text(reason)));
        return enrollment;
    }

    /** Moves an enrollment to another status if the current one allows it; the reason is kept. */
    @Transactional
    public Enrollment transition(WorkspaceId workspace, Actor by, EnrollmentId id, EnrollmentStatus to, String reason) {
        Enrollment current = enrollment(workspace, id);
        if (!current.status().canBecome(to)) {
            throw new ConflictException("an enrollment that is " + current.status().code() + " cannot become "
                    + to.code());
        }
        if (!repository.updateStatus(workspace, id, current.status(), to, text(reason), clock.instant())) {
            throw new ConflictException("the enrollment changed meanwhile; reload and try again");
        }
        repository.insertEvent(workspace, id, new EnrollmentEvent(clock.instant(), EnrollmentEvent.Kind.STATUS,
                current.status().code(), to.code(), text(reason), by));
        audit.record(workspace, by, "enrollment." + to.code(), id.toString(),
                Map.of("from", current.status().code(), "reason", text(reason)));
        events.publishEvent(new EnrollmentStatusChanged(workspace, id, current.programId(), current.partnerId(),
                current.status(), to, text(reason)));
        return enrollment(workspace, id);
    }

    /** Moves the partner to another tier of the same program; who, when and why are recorded. */
    @Transactional
    public Enrollment moveTier(WorkspaceId workspace, Actor by, EnrollmentId id, TierId tier, String reason) {
        Enrollment current = enrollment(workspace, id);
        programs.tier(workspace, current.programId(), tier);
        if (current.tierId().equals(tier)) {
            return current;
        }
        repository.updateTier(workspace, id, tier, clock.instant());
        repository.insertEvent(workspace, id, new EnrollmentEvent(clock.instant(), EnrollmentEvent.Kind.TIER,
                current.tierId().toString(), tier.toString(), text(reason), by));
        audit.record(workspace, by, "enrollment.tier_changed", id.toString(),
                Map.of("from", current.tierId().toString(), "to", tier.toString(), "reason", text(reason)));
        return enrollment(workspace, id);
    }

    /** The program's tier with this id (null: the default tier); another program's tier is invalid input on {@code field}. */
    Tier tierOf(WorkspaceId workspace, ProgramId program, TierId tier, String field) {
        if (tier == null) {
            return programs.defaultTier(workspace, program);
        }
        return programs.tiers(workspace, program).stream().filter(t -> t.id().equals(tier)).findFirst()
                .orElseThrow(() -> InvalidInputException.of(field, "partner.error.tier", "is not a tier of this program"));
    }

    public Partner get(WorkspaceId workspace, PartnerId id) {
        return repository.find(workspace, id).orElseThrow(() -> new NotFoundException("no partner " + id));
    }

    public Enrollment enrollment(WorkspaceId workspace, EnrollmentId id) {
        return repository.findEnrollment(workspace, id).orElseThrow(() -> new NotFoundException("no enrollment " + id));
    }

    public Optional<Enrollment> enrollment(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        return repository.findEnrollment(workspace, program, partner);
    }

    public List<Enrollment> enrollmentsOf(WorkspaceId workspace, PartnerId partner) {
        return repository.enrollmentsOf(workspace, partner);
    }

    public Page<Enrollment> enrollmentsIn(WorkspaceId workspace, ProgramId program, EnrollmentStatus status,
            PageRequest page) {
        return Page.fromOverfetch(repository.enrollmentsIn(workspace, program, status, page.startingAfter(),
                page.fetchSize()), page);
    }

    public List<EnrollmentEvent> history(WorkspaceId workspace, EnrollmentId id) {
        return repository.history(workspace, id);
    }

    /** The partner whose own invite link carries this code, in whichever workspace. */
    public Optional<Partner> byInviteCode(String code) {
        return code == null || code.isBlank() ? Optional.empty()
                : repository.findByInviteCode(code.trim().toUpperCase(Locale.ROOT));
    }

    static String checkedEmail(String raw) {
        String email = EmailAddresses.normalised(raw);
        if (email.isEmpty()) {
            throw InvalidInputException.of("email", "validation.required", "is required");
        }
        if (!EmailAddresses.valid(email)) {
            throw InvalidInputException.of("email", "validation.email", "must be an email address");
        }
        return email;
    }

    private static String newInviteCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
