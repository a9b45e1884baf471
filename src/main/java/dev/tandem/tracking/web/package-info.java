/** The redirect, the admin and portal pages for links and codes, and their API. */
package dev.tandem.tracking.web;
