/** How API errors reach clients: RFC 9457 problem details naming each invalid field and why. */
package dev.tandem.core.web;
