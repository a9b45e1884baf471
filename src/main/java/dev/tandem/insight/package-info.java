/** Dashboards: the figures of a workspace's programs for the admin console and each partner's own figures for the portal. */
package dev.tandem.insight;
