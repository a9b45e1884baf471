/** The notification module's pages: the outbox, where staff read every email Tandem wrote. */
package dev.tandem.notification.web;
