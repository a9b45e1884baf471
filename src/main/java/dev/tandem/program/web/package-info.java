/** The program module's admin pages, its public application page and its API endpoints. */
package dev.tandem.program.web;
