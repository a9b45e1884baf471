/** The double-entry ledger: what the business owes each partner, per currency, as balanced append-only entries. */
package dev.tandem.ledger;
