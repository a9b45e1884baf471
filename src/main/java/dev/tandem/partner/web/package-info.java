/** The partner module's admin pages, the public application page, the partner portal and the API endpoints. */
package dev.tandem.partner.web;
