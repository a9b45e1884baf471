package dev.tandem.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.ListSort;
import dev.tandem.core.ListRequest;
import dev.tandem.core.ListPage;
import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.ProgramId;
import dev.tandem.tracking.internal.LinkRepository;
import dev.tandem.tracking.internal.Slugs;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral codes (one active per partner and program, made by Tandem from the partner's name) and
 * coupon codes (the business's discount codes mapped to a partner). Both share one namespace per
 * workspace, whatever the case: {@code ana10} and {@code ANA10} are the same code.
 */
@Service
public class Codes {

    private static final int ATTEMPTS = 40;

    private final LinkRepository repository;
    private final ApprovedPartners approved;
    private final Partners partners;
    private final AuditLog audit;
    private final Clock clock;

    Codes(LinkRepository repository, ApprovedPartners approved, Partners partners, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.approved = approved;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
    }

    /** A coupon to map to a partner: the code as the checkout knows it, and what it gives the customer. */
    public record NewCoupon(ProgramId programId, PartnerId partnerId, String code, String description) {
    }

    /** The partner's active referral code in the program, created (e.g. {@code ANA42}) if they have none. */
    @Transactional
    public ReferralCode referralCode(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        Optional<ReferralCode> existing = repository.referralCodeOf(workspace, program, partner);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!approved.approved(workspace, program, partner)) {
            throw new ConflictException("partner " + partner + " is not approved in program " + program);
        }
        String name = partners.get(workspace, partner).name();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ReferralCode code = new ReferralCode(workspace, new CodeId(Ids.newId()), program, partner,
                    Slugs.codeCandidate(name, attempt), CodeKind.REFERRAL, "", null, now());
            if (repository.insert(code)) {
                audit.record(workspace, Actor.system(), "code.created", code.id().toString(),
                        Map.of("code", code.code(), "kind", "referral", "partner", partner.toString(),
                                "program", program.toString()));
                return code;
            }
            // another request may have made it meanwhile; otherwise the candidate was taken: try the next
            Optional<ReferralCode> raced = repository.referralCodeOf(workspace, program, partner);
            if (raced.isPresent()) {
                return raced.get();
            }
        }
        throw new IllegalStateException("no free referral code for partner " + partner + " after " + ATTEMPTS + " attempts");
    }

    /** The partner's active referral code in the program, if they have one (never creates). */
    public Optional<ReferralCode> activeReferralCode(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        return repository.referralCodeOf(workspace, program, partner);
    }

    /** The active referral codes of these partners, in whichever programs they have one (never creates). */
    public List<ReferralCode> activeReferralCodes(WorkspaceId workspace, Collection<PartnerId> partners) {
        return repository.referralCodesOf(workspace, partners);
    }

    /** Maps a coupon code to a partner approved in the program; a code already used in the workspace (any case) is taken. */
    @Transactional
    public ReferralCode addCoupon(WorkspaceId workspace, Actor by, NewCoupon coupon) {
        List<FieldProblem> problems = new ArrayList<>();
        if (coupon.programId() == null) {
            problems.add(new FieldProblem("programId", "is required", "validation.required"));
        }
        if (coupon.partnerId() == null) {
            problems.add(new FieldProblem("partnerId", "is required", "validation.required"));
        }
        String code = coupon.code() == null ? "" : coupon.code().trim();
        if (code.isEmpty()) {
            problems.add(new FieldProblem("code", "is required", "validation.required"));
        } else if (!Slugs.CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "may use letters, digits, - and _ (3 to 32 characters)",
                    "tracking.error.codeFormat"));
        } else if (repository.findCode(workspace, code).isPresent()) {
            problems.add(new FieldProblem("code", "is already taken", "tracking.error.taken"));
        }
        String description = coupon.description() == null ? "" : coupon.description().trim();
        if (description.length() > 200) {
            problems.add(new FieldProblem("description", "is too long (200 characters at most)",
                    "tracking.error.descriptionLength"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        approved.require(workspace, coupon.programId(), coupon.partnerId());
        ReferralCode created = new ReferralCode(workspace, new CodeId(Ids.newId()), coupon.programId(),
                coupon.partnerId(), code, CodeKind.COUPON, description, null, now());
        if (!repository.insert(created)) {
            throw InvalidInputException.of("code", "tracking.error.taken", "is already taken");
        }
        audit.record(workspace, by, "code.created", created.id().toString(), Map.of("code", code, "kind", "coupon",
                "partner", coupon.partnerId().toString(), "program", coupon.programId().toString()));
        return created;
    }

    /** Stops a code from naming its partner; disabling twice changes nothing. */
    @Transactional
    public ReferralCode disable(WorkspaceId workspace, Actor by, CodeId id) {
        ReferralCode code = get(workspace, id);
        if (!code.enabled()) {
            return code;
        }
        repository.setCodeDisabled(workspace, id, now());
        audit.record(workspace, by, "code.disabled", id.toString(), Map.of("code", code.code(),
                "kind", code.kind().code()));
        return get(workspace, id);
    }

    public ReferralCode get(WorkspaceId workspace, CodeId id) {
        return repository.findCode(workspace, id).orElseThrow(() -> new NotFoundException("no code " + id));
    }

    /** The orders staff may sort a program's codes by: newest first unless asked otherwise; the id breaks ties. */
    public static final ListSort SORTS = ListSort.of("id",
            ListSort.Key.descending("created", "created_at"),
            ListSort.Key.ascending("code", "upper(code)"),
            ListSort.Key.ascending("kind", "kind"),
            ListSort.Key.ascending("status", "disabled_at is not null"));

    /** One page of a program's referral and coupon codes in the asked order. */
    public ListPage<ReferralCode> sorted(WorkspaceId workspace, ProgramId program, ListRequest request) {
        return ListPage.fetch(request, repository.countCodes(workspace, program),
                page -> repository.sortedCodes(workspace, program, page));
    }

    /** Codes newest first, optionally of one program and/or partner (the API's cursor pages). */
    public Page<ReferralCode> page(WorkspaceId workspace, ProgramId program, PartnerId partner, PageRequest page) {
        return Page.fromOverfetch(repository.codePage(workspace, program, partner, page.startingAfter(),
                page.fetchSize()), page);
    }

    /** A partner's codes, referral codes first; {@code program} null means every program. */
    public List<ReferralCode> ofPartner(WorkspaceId workspace, PartnerId partner, ProgramId program) {
        return repository.codesOf(workspace, partner, program);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
