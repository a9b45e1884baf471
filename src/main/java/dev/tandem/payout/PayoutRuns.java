package dev.tandem.payout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.commission.Commission;
import dev.tandem.commission.Commissions;
import dev.tandem.core.BankAccounts;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.ListPage;
import dev.tandem.core.ListRequest;
import dev.tandem.core.ListSort;
import dev.tandem.core.Money;
import dev.tandem.core.NotFoundException;
import dev.tandem.ledger.Account;
import dev.tandem.ledger.Ledger;
import dev.tandem.partner.AcceptanceStatus;
import dev.tandem.partner.AgreementAcceptances;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.PayoutDetails;
import dev.tandem.partner.PayoutDetailsInput;
import dev.tandem.partner.PayoutDetailsSummary;
import dev.tandem.payout.internal.PayoutRepository;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payout runs: gather a program's payable commissions per partner and currency into payouts, and
 * move each payout from draft to paid (or failed, or canceled) exactly once.
 *
 * <p>Money follows the ledger: sending a payout moves its amount from the partner's payable
 * account to in transit; paid moves each of its commissions on to paid; a failure moves the
 * amount back to payable and lets go of the commissions, which the next run takes again.
 * Runs of one program never overlap (an advisory lock), and a commission is claimed with a
 * conditional update, so it is never in two payouts.
 */
@Service
public class PayoutRuns {

    private final PayoutRepository repository;
    private final Commissions commissions;
    private final Ledger ledger;
    private final PayoutDetails details;
    private final AgreementAcceptances agreements;
    private final PayoutSettings settings;
    private final Programs programs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PayoutRuns(PayoutRepository repository, Commissions commissions, Ledger ledger, PayoutDetails details,
            AgreementAcceptances agreements, PayoutSettings settings, Programs programs, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.commissions = commissions;
        this.ledger = ledger;
        this.details = details;
        this.agreements = agreements;
        this.settings = settings;
        this.programs = programs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A run with what it made and what it held back. */
    public record RunResult(PayoutRun run, List<Payout> payouts, List<HeldBalance> held) {
    }

    /**
     * Starts a run of the program: one payout per partner and currency whose payable balance
     * (commissions approved up to the cut-off, clawbacks netted) reaches the minimum and who can be
     * paid; everyone else is held back with the reason, and their balance stays payable.
     *
     * @param currency only this currency, or null for every currency
     * @throws PayoutConflict if nothing is payable (a second run started at the same time finds nothing)
     */
    @Transactional
    public RunResult start(WorkspaceId workspace, Actor by, ProgramId programId, Currency currency, boolean scheduled) {
        Program program = programs.get(workspace, programId);
        repository.lockProgram(workspace, programId);
        PayoutSettings.Schedule schedule = settings.schedule(workspace, programId);
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(schedule.cutoffDays()));
        List<Commissions.Payable> payable = commissions.payable(workspace, programId, currency, cutoff);
        if (payable.isEmpty()) {
            throw new PayoutConflict("payout.error.nothingPayable", "nothing to pay: no approved commission of "
                    + program.name() + (currency == null ? "" : " in " + currency.getCurrencyCode())
                    + " is waiting for a payout");
        }
        PayoutRun run = new PayoutRun(workspace, new PayoutRunId(dev.tandem.core.Ids.newId()), programId, currency,
                cutoff, scheduled, by.name(), now);
        repository.insertRun(run);
        PayoutSettings.BusinessAccount account = settings.account(workspace);
        boolean stripeReady = !account.stripeKeyHint().isEmpty();
        List<Payout> made = new ArrayList<>();
        List<HeldBalance> held = new ArrayList<>();
        for (Commissions.Payable p : payable) {
            Money net = new Money(p.amount(), p.currency());
            Optional<PayoutDetailsInput> chosen = details.reveal(workspace, p.partner());
            Optional<HeldBalance> hold = holdReason(workspace, run.id(), p.partner(), net, schedule, chosen,
                    stripeReady);
            if (hold.isPresent()) {
                boolean repeated = repository.latestHeld(workspace, p.partner()).stream().anyMatch(before ->
                        before.amount().currency().equals(p.currency()) && before.reason() == hold.get().reason());
                repository.insertHeld(workspace, hold.get());
                held.add(hold.get());
                events.publishEvent(new BalanceHeldBack(workspace, hold.get(), scheduled, repeated));
                continue;
            }
            PayoutDetailsSummary summary = details.summary(workspace, p.partner()).orElseThrow();
            PayoutId id = new PayoutId(dev.tandem.core.Ids.newId());
            PayoutStatus status = schedule.requireApproval() ? PayoutStatus.DRAFT : PayoutStatus.APPROVED;
            // the payout row first (commissions point at it), then its amount from what was really claimed
            Payout payout = new Payout(workspace, id, run.id(), programId, p.partner(), net,
                    PayoutMethod.fromCode(summary.method()).orElseThrow(), summary.summary(), status, "", "", null,
                    null, null, null, now, now);
            repository.insert(payout);
            if (chosen.get() instanceof PayoutDetailsInput.Stripe stripe) {
                repository.setRailAccount(workspace, id, stripe.accountId());
            }
            List<Commission> claimed = commissions.claim(workspace, programId, p.partner(), p.currency(), cutoff,
                    id.value());
            long sum = claimed.stream().mapToLong(c -> c.amount().amount()).sum();
            if (sum != net.amount()) {
                // a commission was approved or changed between the sum and the claim (the hold-period
                // sweep on another node): the payout pays what it really holds
                if (sum <= 0) {
                    commissions.unclaim(workspace, id.value());
                    repository.delete(workspace, id);
                    continue;
                }
                net = new Money(sum, p.currency());
                repository.setAmount(workspace, id, sum);
                payout = repository.find(workspace, id).orElseThrow();
            }
            repository.insertItems(workspace, id, claimed.stream().map(c -> c.id().value()).toList(),
                    claimed.stream().map(c -> c.amount().amount()).toList());
            repository.recordChange(workspace, id, null, status, schedule.requireApproval()
                    ? "waiting for a manager's approval" : "the program pays without approval", by.name(), now);
            events.publishEvent(new PayoutChanged(workspace, id, run.id(), p.partner(), null, status, net, ""));
            made.add(payout);
        }
        audit.record(workspace, by, "payout_run.started", run.id().toString(), Map.of("program", programId.toString(),
                "payouts", made.size(), "held", held.size(), "scheduled", scheduled));
        return new RunResult(run, made, held);
    }

    private Optional<HeldBalance> holdReason(WorkspaceId workspace, PayoutRunId run, PartnerId partner, Money net,
            PayoutSettings.Schedule schedule, Optional<PayoutDetailsInput> chosen, boolean stripeReady) {
        if (net.amount() <= 0) {
            return Optional.of(new HeldBalance(run, partner, net, HeldBalance.Reason.NEGATIVE,
                    "clawbacks exceed earnings by " + net.negate() + "; netted against what comes next"));
        }
        Money minimum = schedule.minimum(net.currency());
        if (net.amount() < minimum.amount()) {
            return Optional.of(new HeldBalance(run, partner, net, HeldBalance.Reason.BELOW_MINIMUM,
                    "below the minimum payout of " + minimum + "; carried forward"));
        }
        if (chosen.isEmpty()) {
            return Optional.of(new HeldBalance(run, partner, net, HeldBalance.Reason.NO_PAYOUT_DETAILS,
                    "the partner has not said how to be paid"));
        }
        List<String> pending = agreements.pending(workspace, partner).stream().map(AcceptanceStatus::programName)
                .toList();
        if (!pending.isEmpty()) {
            return Optional.of(new HeldBalance(run, partner, net, HeldBalance.Reason.AGREEMENT_PENDING,
                    "the partner has not accepted the agreement of " + String.join(", ", pending)));
        }
        Optional<String> invalid = railProblem(chosen.get(), stripeReady);
        return invalid.map(why -> new HeldBalance(run, partner, net, HeldBalance.Reason.INVALID_DETAILS, why));
    }

    // what the rail would refuse, checked before anything is claimed: only this partner is held
    private static Optional<String> railProblem(PayoutDetailsInput chosen, boolean stripeReady) {
        if (chosen instanceof PayoutDetailsInput.Sepa sepa) {
            Optional<FieldProblem> iban = BankAccounts.ibanProblem("iban", BankAccounts.compact(sepa.iban()));
            if (iban.isPresent()) {
                return Optional.of("IBAN " + iban.get().message());
            }
            return BankAccounts.bicProblem("bic", BankAccounts.compact(sepa.bic())).map(b -> "BIC " + b.message());
        }
        if (chosen instanceof PayoutDetailsInput.Stripe && !stripeReady) {
            return Optional.of("the business has not set the Stripe key that Connect transfers are made with");
        }
        return Optional.empty();
    }

    public RunResult get(WorkspaceId workspace, PayoutRunId id) {
        PayoutRun run = repository.run(workspace, id).orElseThrow(() -> new NotFoundException("no payout run " + id));
        return new RunResult(run, repository.ofRun(workspace, id), repository.heldOfRun(workspace, id));
    }

    /**
     * The orders staff may sort the list of runs by: newest first unless asked otherwise (by the
     * cut-off or who started it); the id breaks ties. The program's name is another module's table.
     */
    public static final ListSort SORTS = ListSort.of("id",
            ListSort.Key.descending("started", "created_at"),
            ListSort.Key.descending("cutoff", "cutoff"),
            ListSort.Key.ascending("by", "lower(started_by)"));

    /** One page of the workspace's runs in the asked order ({@link #SORTS}), with how many there are. */
    public ListPage<PayoutRun> sortedRuns(WorkspaceId workspace, ListRequest request) {
        return ListPage.fetch(request, repository.countRuns(workspace), page -> repository.sortedRuns(workspace, page));
    }

    /** The newest runs first; {@code program} null for every program. */
    public List<PayoutRun> runs(WorkspaceId workspace, ProgramId program, PayoutRunId before, int limit) {
        return repository.runs(workspace, program, before == null ? null : before.value(), limit);
    }

    public Payout payout(WorkspaceId workspace, PayoutId id) {
        return repository.find(workspace, id).orElseThrow(() -> new NotFoundException("no payout " + id));
    }

    public List<PayoutRepository.Change> history(WorkspaceId workspace, PayoutId id) {
        payout(workspace, id);
        return repository.history(workspace, id);
    }

    /** The commissions a payout holds or held. */
    public List<Commission> commissionsOf(WorkspaceId workspace, PayoutId id) {
        return commissions.get(workspace, repository.items(workspace, id).stream()
                .map(dev.tandem.commission.CommissionId::new).toList());
    }

    public List<Payout> ofPartner(WorkspaceId workspace, PartnerId partner, int limit) {
        return repository.ofPartner(workspace, partner, limit);
    }

    /** What the partner's latest runs held back, per currency: the reason is shown to them too. */
    public List<HeldBalance> heldBack(WorkspaceId workspace, PartnerId partner) {
        return repository.latestHeld(workspace, partner);
    }

    /** Approves drafts; approved ones stay as they are. */
    @Transactional
    public List<Payout> approve(WorkspaceId workspace, Actor by, List<PayoutId> ids) {
        List<Payout> done = new ArrayList<>();
        for (PayoutId id : ids) {
            Payout p = locked(workspace, id);
            done.add(p.status() == PayoutStatus.APPROVED ? p : move(p, PayoutStatus.APPROVED, "approved", by, null, null));
        }
        return done;
    }

    /**
     * Sends a payout: from approved to processing, its amount moved from payable to in transit.
     * A SEPA payout must be in euros by then (an exchange rate can make it so).
     */
    @Transactional
    public Payout markSent(WorkspaceId workspace, Actor by, PayoutId id) {
        Payout p = locked(workspace, id);
        if (p.status() == PayoutStatus.PROCESSING) {
            return p;
        }
        if (p.method() == PayoutMethod.SEPA && !"EUR".equals(p.sent().currency().getCurrencyCode())) {
            throw new PayoutConflict("payout.error.sepaEuro", "payout " + id + " is in "
                    + p.sent().currency().getCurrencyCode() + ": SEPA transfers are in euros; set an exchange rate"
                    + " to EUR first", id.toString(), p.sent().currency().getCurrencyCode());
        }
        Payout moved = move(p, PayoutStatus.PROCESSING, "sent by " + p.method().code(), by, null, null);
        ledger.move(workspace, "payout:" + id.value() + ":sent", "payout " + id + " sent", clock.instant(),
                p.partnerId(), p.amount(), Account.PARTNER_PAYABLE, Account.PARTNER_IN_TRANSIT);
        return moved;
    }

    /**
     * Records that the money arrived: each commission is paid, and a self-billing invoice number is
     * given when the partner is an EU business. An approved payout is sent and paid at once.
     *
     * @param reference the bank's or rail's reference, shown on the statement
     */
    @Transactional
    public Payout markPaid(WorkspaceId workspace, Actor by, PayoutId id, String reference) {
        String ref = reference == null ? "" : reference.trim();
        if (ref.length() > 140) {
            throw InvalidInputException.of("reference", "validation.tooLong", "is too long (140 characters at most)");
        }
        Payout p = locked(workspace, id);
        if (p.status() == PayoutStatus.PAID) {
            return p;
        }
        if (p.status() == PayoutStatus.APPROVED) {
            p = markSent(workspace, by, id);
        }
        Payout paid = move(p, PayoutStatus.PAID, ref.isEmpty() ? "paid" : "paid, reference " + ref, by, ref, null);
        commissions.markPaid(workspace, by, id.value());
        if (invoiced(workspace, p.partnerId())) {
            repository.lockProgram(workspace, p.programId());
            repository.setInvoiceNumber(workspace, id, repository.nextInvoiceNumber(workspace, p.programId(),
                    clock.instant().atZone(ZoneOffset.UTC).getYear()));
        }
        return payout(workspace, paid.id());
    }

    /**
     * Records that the rail could not pay: the amount goes back to payable and the commissions to
     * the next run; partner and manager are told why.
     */
    @Transactional
    public Payout markFailed(WorkspaceId workspace, Actor by, PayoutId id, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw InvalidInputException.of("reason", "validation.required", "is required");
        }
        Payout p = locked(workspace, id);
        Payout failed = move(p, PayoutStatus.FAILED, why, by, null, why.length() > 500 ? why.substring(0, 500) : why);
        ledger.move(workspace, "payout:" + id.value() + ":failed", "payout " + id + " failed", clock.instant(),
                p.partnerId(), p.amount(), Account.PARTNER_IN_TRANSIT, Account.PARTNER_PAYABLE);
        commissions.unclaim(workspace, id.value());
        return failed;
    }

    /** Cancels a payout not yet sent: its commissions are payable again, for the next run. */
    @Transactional
    public Payout cancel(WorkspaceId workspace, Actor by, PayoutId id, String reason) {
        Payout p = locked(workspace, id);
        Payout canceled = move(p, PayoutStatus.CANCELED, reason == null || reason.isBlank() ? "canceled" : reason.trim(),
                by, null, null);
        commissions.unclaim(workspace, id.value());
        return canceled;
    }

    /**
     * Pays a draft or approved payout in another currency at a rate the manager gives (one unit of
     * the earned currency buys {@code rate} of {@code currency}); the rate, its source and both
     * amounts are kept. A null currency removes the conversion.
     */
    @Transactional
    public Payout convert(WorkspaceId workspace, Actor by, PayoutId id, String currency, BigDecimal rate,
            String source) {
        Payout p = locked(workspace, id);
        if (p.status() != PayoutStatus.DRAFT && p.status() != PayoutStatus.APPROVED) {
            throw new PayoutConflict("payout.error.convertStatus", "payout " + id + " is " + p.status().code()
                    + ": only a draft or approved payout can be converted", id.toString(), p.status().code());
        }
        if (currency == null || currency.isBlank()) {
            repository.setConversion(workspace, id, null, null, null, clock.instant());
            return payout(workspace, id);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Currency> to = Money.currency(currency.trim());
        if (to.isEmpty()) {
            problems.add(new FieldProblem("currency", "is not an ISO 4217 currency code", "payout.error.currency"));
        } else if (to.get().equals(p.amount().currency())) {
            problems.add(new FieldProblem("currency", "is the currency earned already", "payout.error.sameCurrency"));
        }
        if (rate == null || rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            problems.add(new FieldProblem("rate", "must be a positive number", "payout.error.rate"));
        }
        String src = source == null ? "" : source.trim();
        if (src.isEmpty()) {
            problems.add(new FieldProblem("source", "is required: say where the rate comes from", "validation.required"));
        } else if (src.length() > 200) {
            problems.add(new FieldProblem("source", "is too long (200 characters at most)", "validation.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BigDecimal major = p.amount().toMajor().multiply(rate);
        Money paid = Money.ofMajor(major.setScale(to.get().getDefaultFractionDigits(), RoundingMode.HALF_EVEN), to.get());
        repository.setConversion(workspace, id, paid, rate.stripTrailingZeros(), src, clock.instant());
        audit.record(workspace, by, "payout.converted", id.toString(), Map.of("amount", p.amount().toString(),
                "paid", paid.toString(), "rate", rate.toPlainString(), "source", src));
        return payout(workspace, id);
    }

    // a self-billing invoice is issued for partners who bill as EU businesses (with a VAT id)
    private boolean invoiced(WorkspaceId workspace, PartnerId partner) {
        return PayoutStatements.invoiced(settings.billing(workspace, partner).orElse(null));
    }

    private Payout locked(WorkspaceId workspace, PayoutId id) {
        return repository.lock(workspace, id).orElseThrow(() -> new NotFoundException("no payout " + id));
    }

    private Payout move(Payout p, PayoutStatus to, String reason, Actor by, String reference, String failure) {
        if (!p.status().canBecome(to)) {
            throw new PayoutConflict("payout.error.status", "payout " + p.id() + " is " + p.status().code()
                    + " and cannot become " + to.code(), p.id().toString(), p.status().code(), to.code());
        }
        Instant now = clock.instant();
        if (!repository.setStatus(p.workspaceId(), p.id(), p.status(), to, reference, failure, now)) {
            throw new PayoutConflict("payout.error.changed", "payout " + p.id() + " changed meanwhile", p.id().toString());
        }
        repository.recordChange(p.workspaceId(), p.id(), p.status(), to, reason, by.name(), now);
        audit.record(p.workspaceId(), by, "payout." + to.code(), p.id().toString(), Map.of("reason", reason,
                "amount", p.amount().toString()));
        events.publishEvent(new PayoutChanged(p.workspaceId(), p.id(), p.runId(), p.partnerId(), p.status(), to,
                p.amount(), reason));
        return payout(p.workspaceId(), p.id());
    }

    /** The Stripe account the payout's transfer goes to, as it was when the payout was made. */
    String stripeAccount(WorkspaceId workspace, PayoutId id) {
        return repository.railAccount(workspace, id);
    }

    /** Every payout of the run in a status, in order. */
    public List<Payout> inStatus(WorkspaceId workspace, PayoutRunId run, PayoutStatus status) {
        return repository.ofRun(workspace, run).stream().filter(p -> p.status() == status).toList();
    }

    /** Approves every draft of the run. */
    @Transactional
    public List<Payout> approveRun(WorkspaceId workspace, Actor by, PayoutRunId run) {
        return approve(workspace, by, inStatus(workspace, run, PayoutStatus.DRAFT).stream().map(Payout::id).toList());
    }
}
