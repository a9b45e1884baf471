/** Payouts: runs that pay partners their approved balances through the rails they chose (so far: the SEPA credit transfer file). */
package dev.tandem.payout;
