package dev.tandem.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.ListPage;
import dev.tandem.core.ListRequest;
import dev.tandem.core.ListSort;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.referral.internal.ClaimRepository;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Missing-referral claims: a partner says a customer came from them and why; a manager accepts
 * (the customer is credited to the partner by hand, {@code attributedBy = claim}, and later events
 * and commissions follow) or declines with a reason. The partner is emailed the decision.
 */
@Service
public class Claims {

    static final int PARTNER_LIST_LIMIT = 200;
    static final int EVIDENCE_MAX = 4000;

    private final ClaimRepository repository;
    private final DealPrograms dealPrograms;
    private final Referrals referrals;
    private final Partners partners;
    private final DecisionEmails decisionEmails;
    private final AuditLog audit;
    private final Clock clock;

    Claims(ClaimRepository repository, DealPrograms dealPrograms, Referrals referrals, Partners partners,
            DecisionEmails decisionEmails, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.dealPrograms = dealPrograms;
        this.referrals = referrals;
        this.partners = partners;
        this.decisionEmails = decisionEmails;
        this.audit = audit;
        this.clock = clock;
    }

    /** A claim as lists show it, with the names of its partner and program. */
    public record Row(ReferralClaim claim, String partnerName, String programName) {
    }

    /** What a partner types into the claim form. */
    public record Submission(String programId, String customerEmail, String customerName, String evidence) {
    }

    /**
     * Files the partner's claim.
     *
     * @throws InvalidInputException naming every field that is wrong; nothing is stored then
     */
    @Transactional
    public ReferralClaim submit(WorkspaceId workspace, PartnerId partnerId, Submission input) {
        Partner partner = partners.get(workspace, partnerId);
        List<FieldProblem> problems = new ArrayList<>();
        Program program = dealPrograms.approved(workspace, partnerId, input.programId(), problems);
        String email = DealDecisions.email(problems, "customerEmail", input.customerEmail());
        String name = DealDecisions.text(input.customerName());
        DealDecisions.check(problems, "customerName", name, false, 200);
        String evidence = DealDecisions.text(input.evidence());
        DealDecisions.check(problems, "evidence", evidence, true, EVIDENCE_MAX);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReferralClaim claim = new ReferralClaim(workspace, new ClaimId(Ids.newId()), program.id(), partnerId, email,
                name, evidence, ClaimStatus.SUBMITTED, "", null, null, null, now);
        repository.insert(claim);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("program", program.id().toString());
        details.put("customerEmail", email);
        audit.record(workspace, new Actor(Actor.Kind.PARTNER, partnerId.value(), partner.name()), "claim.submitted",
                claim.id().toString(), details);
        return claim;
    }

    /**
     * Accepts a submitted claim: the customer is credited to the claiming partner by hand.
     *
     * @throws ConflictException naming the status when it is no longer submitted
     */
    @Transactional
    public Row accept(WorkspaceId workspace, Actor by, ClaimId id, String reason) {
        String why = DealDecisions.reason(reason, false);
        Row row = submitted(workspace, id, ClaimStatus.ACCEPTED);
        ReferralClaim claim = row.claim();
        Referral referral = referrals.assignByHand(workspace, by, claim.programId(), claim.partnerId(),
                claim.customerEmail(), claim.customerName(), "claim",
                why.isEmpty() ? "missing-referral claim " + id + " accepted" : why);
        return decide(workspace, by, row, ClaimStatus.ACCEPTED, why, referral.id());
    }

    /**
     * Declines a submitted claim; the reason is required because the partner is told it.
     *
     * @throws InvalidInputException on {@code reason}; nothing changes then
     * @throws ConflictException naming the status when it is no longer submitted
     */
    @Transactional
    public Row decline(WorkspaceId workspace, Actor by, ClaimId id, String reason) {
        String why = DealDecisions.reason(reason, true);
        return decide(workspace, by, submitted(workspace, id, ClaimStatus.DECLINED), ClaimStatus.DECLINED, why, null);
    }

    /** @throws NotFoundException if the workspace has no such claim (another workspace's looks the same) */
    public Row get(WorkspaceId workspace, ClaimId id) {
        return repository.find(workspace, id).orElseThrow(() -> new NotFoundException("no claim " + id));
    }

    /** The workspace's claims, newest first, optionally in one status. */
    public Page<Row> list(WorkspaceId workspace, ClaimStatus status, PageRequest page) {
        return Page.fromOverfetch(repository.list(workspace, status, page.startingAfter(), page.fetchSize()), page);
    }

    /** The manager's queue: every submitted claim, oldest first (at most {@code limit}). */
    public List<Row> waiting(WorkspaceId workspace, int limit) {
        return repository.submitted(workspace, limit);
    }

    /**
     * The orders a manager may sort the decided claims by: the latest decision first unless asked
     * otherwise (by the customer's email or the status); the id breaks ties. The partner's and
     * program's names are other modules' tables.
     */
    public static final ListSort DECIDED_SORTS = ListSort.of("c.id",
            ListSort.Key.descending("decided", "c.decided_at").nullable(),
            ListSort.Key.ascending("customer", "lower(c.customer_email)"),
            ListSort.Key.ascending("status", "c.status"));

    /** One page of the decided claims in the asked order ({@link #DECIDED_SORTS}), with how many there are. */
    public ListPage<Row> decided(WorkspaceId workspace, ListRequest request) {
        return ListPage.fetch(request, repository.countDecided(workspace),
                page -> repository.decided(workspace, page));
    }

    /** The partner's own claims, newest first. */
    public List<Row> ofPartner(WorkspaceId workspace, PartnerId partner) {
        return repository.ofPartner(workspace, partner, PARTNER_LIST_LIMIT);
    }

    private Row submitted(WorkspaceId workspace, ClaimId id, ClaimStatus to) {
        Row row = get(workspace, id);
        if (row.claim().status() != ClaimStatus.SUBMITTED) {
            throw new ConflictException("only a submitted claim can be " + to.code() + "; this one is "
                    + row.claim().status().code());
        }
        return row;
    }

    private Row decide(WorkspaceId workspace, Actor by, Row row, ClaimStatus to, String reason, ReferralId referral) {
        ReferralClaim claim = row.claim();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!repository.decide(workspace, claim.id(), to, reason, by.name(), now, referral)) {
            throw new ConflictException("claim " + claim.id() + " was decided meanwhile");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partner", claim.partnerId().toString());
        details.put("customerEmail", claim.customerEmail());
        details.put("reason", reason);
        if (referral != null) {
            details.put("referral", referral.toString());
        }
        audit.record(workspace, by, "claim." + to.code(), claim.id().toString(), details);
        decisionEmails.send(workspace, claim.partnerId(), row.programName(), "claim-decided", claim.customerEmail(),
                to == ClaimStatus.ACCEPTED, reason, Map.of("customerEmail", claim.customerEmail()));
        return get(workspace, claim.id());
    }
}
