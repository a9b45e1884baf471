package dev.tandem.payout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PayoutDetails;
import dev.tandem.partner.PayoutDetailsInput;
import dev.tandem.partner.Partners;
import dev.tandem.payout.internal.PayoutRepository;
import dev.tandem.payout.rails.ManualPayoutCsv;
import dev.tandem.payout.rails.PayPalBatch;
import dev.tandem.payout.rails.PayoutLine;
import dev.tandem.program.Programs;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;

/**
 * The files a run's payouts are paid with, per rail: the SEPA credit transfer file for the bank,
 * PayPal's batch file (or its Payouts API body), and a sheet for any other bank or tool. A file
 * holds the run's payouts of that rail that are approved or on their way; reading it changes nothing.
 */
@Service
public class PayoutFiles {

    private static final Set<PayoutStatus> IN_FILE = Set.of(PayoutStatus.APPROVED, PayoutStatus.PROCESSING,
            PayoutStatus.PAID);

    private final PayoutRepository repository;
    private final PayoutDetails details;
    private final Partners partners;
    private final PayoutSettings settings;
    private final Programs programs;
    private final Clock clock;

    PayoutFiles(PayoutRepository repository, PayoutDetails details, Partners partners, PayoutSettings settings,
            Programs programs, Clock clock) {
        this.repository = repository;
        this.details = details;
        this.partners = partners;
        this.settings = settings;
        this.programs = programs;
        this.clock = clock;
    }

    /**
     * The run's SEPA payouts as one {@code pain.001.001.09} file, executed the next day.
     *
     * @throws InvalidInputException naming the business account's missing fields, or the transfers the bank would refuse
     * @throws PayoutConflict if the run has no SEPA payout ready
     */
    public String sepa(WorkspaceId workspace, PayoutRunId runId) {
        PayoutRun run = run(workspace, runId);
        PayoutSettings.BusinessAccount account = settings.account(workspace);
        List<FieldProblem> problems = new ArrayList<>();
        if (account.name().isEmpty()) {
            problems.add(new FieldProblem("payoutAccount.name", "is required: set the business's payout account first",
                    "payout.error.accountMissing"));
        }
        if (account.iban().isEmpty() || account.bic().isEmpty()) {
            problems.add(new FieldProblem("payoutAccount.iban", "and BIC are required: set the business's payout"
                    + " account first", "payout.error.accountMissing"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<SepaCreditTransferFile.Transfer> transfers = new ArrayList<>();
        String programName = programs.get(workspace, run.programId()).name();
        for (Payout p : ready(workspace, runId, PayoutMethod.SEPA)) {
            if (!"EUR".equals(p.sent().currency().getCurrencyCode())) {
                continue;
            }
            PayoutDetailsInput chosen = unchanged(workspace, p);
            if (!(chosen instanceof PayoutDetailsInput.Sepa sepa)) {
                continue;
            }
            transfers.add(new SepaCreditTransferFile.Transfer(p.id().toString(), p.sent(), sepa.holderName(),
                    sepa.iban(), sepa.bic(), programName + " " + p.id()));
        }
        if (transfers.isEmpty()) {
            throw new PayoutConflict("payout.error.noFile", "run " + runId + " has no SEPA payout in euros that is"
                    + " approved or on its way", "SEPA", runId.toString());
        }
        return SepaCreditTransferFile.write(messageId(runId), clock.instant(),
                new SepaCreditTransferFile.Debtor(account.name(), account.iban(), account.bic()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1), transfers);
    }

    /** The run's PayPal payouts in one currency as PayPal's batch upload file. */
    public String payPalCsv(WorkspaceId workspace, PayoutRunId runId, Currency currency) {
        run(workspace, runId);
        return PayPalBatch.csv(payPalItems(workspace, runId, currency));
    }

    /** The run's PayPal payouts as the body of PayPal's {@code POST /v1/payments/payouts}. */
    public String payPalRequest(WorkspaceId workspace, PayoutRunId runId) {
        PayoutRun run = run(workspace, runId);
        return PayPalBatch.requestBody(runId.toString(), programs.get(workspace, run.programId()).name() + " payout",
                payPalItems(workspace, runId, null));
    }

    /** Every payout of the run that is approved or on its way, whatever the rail, as a sheet. */
    public String manualCsv(WorkspaceId workspace, PayoutRunId runId) {
        run(workspace, runId);
        List<ManualPayoutCsv.Row> rows = new ArrayList<>();
        for (Payout p : repository.ofRun(workspace, runId)) {
            if (IN_FILE.contains(p.status())) {
                rows.add(new ManualPayoutCsv.Row(line(workspace, p), p.method().code(), p.destination()));
            }
        }
        return ManualPayoutCsv.write(rows);
    }

    // the caller has checked the run is the workspace's
    private List<PayPalBatch.Item> payPalItems(WorkspaceId workspace, PayoutRunId runId, Currency currency) {
        List<PayPalBatch.Item> items = new ArrayList<>();
        for (Payout p : ready(workspace, runId, PayoutMethod.PAYPAL)) {
            if (currency != null && !p.sent().currency().equals(currency)) {
                continue;
            }
            if (unchanged(workspace, p) instanceof PayoutDetailsInput.PayPal payPal) {
                items.add(new PayPalBatch.Item(payPal.email(), line(workspace, p)));
            }
        }
        if (items.isEmpty()) {
            throw new PayoutConflict("payout.error.noFile", "run " + runId + " has no PayPal payout"
                    + (currency == null ? "" : " in " + currency.getCurrencyCode()) + " that is approved or on its way",
                    "PayPal", runId.toString());
        }
        return items;
    }

    /**
     * The partner's details, if they are still those the payout was made for: money is never sent to
     * an account the payout page did not show.
     *
     * @throws PayoutConflict naming the payout when the partner changed them since the run
     */
    private PayoutDetailsInput unchanged(WorkspaceId workspace, Payout p) {
        String now = details.summary(workspace, p.partnerId()).map(s -> s.summary()).orElse("");
        if (!now.equals(p.destination())) {
            throw new PayoutConflict("payout.error.detailsChanged", "the partner of payout " + p.id() + " changed their"
                    + " payout details since the run (" + p.destination() + " is now " + now + "): cancel that payout"
                    + " and start a run again", p.id().toString());
        }
        return details.reveal(workspace, p.partnerId()).orElse(null);
    }

    private PayoutLine line(WorkspaceId workspace, Payout p) {
        Partner partner = partners.get(workspace, p.partnerId());
        return new PayoutLine(p.id().toString(), partner.name(), partner.email(), p.sent(), "Payout " + p.id());
    }

    private List<Payout> ready(WorkspaceId workspace, PayoutRunId runId, PayoutMethod method) {
        return repository.ofRun(workspace, runId).stream()
                .filter(p -> p.method() == method && IN_FILE.contains(p.status())).toList();
    }

    private PayoutRun run(WorkspaceId workspace, PayoutRunId id) {
        return repository.run(workspace, id).orElseThrow(() -> new NotFoundException("no payout run " + id));
    }

    // unique per file for the bank, at most 35 characters: the run and the second it was written
    private String messageId(PayoutRunId run) {
        String id = run.toString();
        return (id.length() > 24 ? id.substring(0, 24) : id) + "-" + clock.instant().getEpochSecond() % 10_000_000_000L;
    }
}
