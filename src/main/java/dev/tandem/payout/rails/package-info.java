/** Payout rails: the files and API calls that move a payout's money over PayPal, Stripe Connect or a manual bank run. */
package dev.tandem.payout.rails;
