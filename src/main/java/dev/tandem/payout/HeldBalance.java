package dev.tandem.payout;

import java.util.Locale;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;

/** A partner's balance a run did not pay, and why; it stays payable and the next run looks at it again. */
public record HeldBalance(PayoutRunId runId, PartnerId partnerId, Money amount, Reason reason, String detail) {

    public enum Reason {
        /** Below the program's minimum payout in that currency: carried forward. */
        BELOW_MINIMUM,
        /** Clawbacks exceed earnings: carried forward, netted against what comes next. */
        NEGATIVE,
        NO_PAYOUT_DETAILS,
        AGREEMENT_PENDING,
        /** Details the rail refuses (a bad IBAN, a currency the rail does not pay in, …): the detail says which. */
        INVALID_DETAILS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reason fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
