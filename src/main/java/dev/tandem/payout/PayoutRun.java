package dev.tandem.payout;

import java.time.Instant;
import java.util.Currency;

import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/** One gathering of a program's payable commissions into payouts; {@code currency} null when it took every currency. */
public record PayoutRun(WorkspaceId workspaceId, PayoutRunId id, ProgramId programId, Currency currency,
        Instant cutoff, boolean scheduled, String startedBy, Instant createdAt) {
}
