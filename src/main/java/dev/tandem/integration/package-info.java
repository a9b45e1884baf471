/** Inbound integrations: Stripe's webhooks, per workspace, turned into events of the intake. */
package dev.tandem.integration;
