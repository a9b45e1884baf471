/** The integration module's storage and its reading of Stripe's events; reached from outside only through the module's public types. */
package dev.tandem.integration.internal;
