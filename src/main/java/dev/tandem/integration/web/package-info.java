/** Stripe's webhook endpoint, its own security door, and the Stripe page of the admin console. */
package dev.tandem.integration.web;
