/** Emails to partners in their language: rendered from templates, kept in a transactional outbox and sent over SMTP. */
package dev.tandem.notification;
