/**
 * Payout documents: the PDF statement a partner receives with each payout and the self-billing invoice the
 * business issues on the partner's behalf, drawn from plain records with no Spring beans and no database.
 */
package dev.tandem.payout.documents;
