/** Commissions: the plan rules applied to attributed events, holds, approvals, reversals, clawbacks and adjustments, posted to the ledger. */
package dev.tandem.commission;
