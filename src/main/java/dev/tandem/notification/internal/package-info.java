/** The notification module's outbox table, template rendering and SMTP senders; reached from outside only through the module's public types. */
package dev.tandem.notification.internal;
