/** The commission module's API and pages. */
package dev.tandem.commission.web;
