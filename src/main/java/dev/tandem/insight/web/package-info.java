/** The admin console's dashboard at /admin and the partner's figures on the portal's home. */
package dev.tandem.insight.web;
