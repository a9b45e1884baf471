/** Partners and their way into programs: applications and vetting, invitations, enrollments, agreements accepted, onboarding, the portal. */
package dev.tandem.partner;
