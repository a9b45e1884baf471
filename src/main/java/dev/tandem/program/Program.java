package dev.tandem.program;

import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import dev.tandem.workspace.WorkspaceId;

/**
 * A partner program: who it is for, the currency it pays in, where links lead, how referrals are
 * attributed, and the public slug of its application page {@code /p/{slug}}.
 *
 * @param tracking where disabled links go and whether customers stay with their first partner; changed
 *                 only through {@link Programs#setTrackingSettings}, never by saving the rest
 */
public record Program(WorkspaceId workspaceId, ProgramId id, String slug, String name, ProgramType type,
        String description, Currency currency, URI defaultDestination, List<String> allowedHosts,
        AttributionModel attributionModel, int attributionWindowDays, String commissionSummary,
        AutoApproval autoApproval, Instant archivedAt, Instant createdAt, TrackingSettings tracking) {

    /** Applications approved without a person: a fit score at least this high, or an email domain on the list. */
    public record AutoApproval(Integer minScore, List<String> emailDomains) {

        public static AutoApproval off() {
            return new AutoApproval(null, List.of());
        }

        public boolean enabled() {
            return minScore != null || !emailDomains.isEmpty();
        }

        /**
         * @param judged whether the ideal partner profile has criteria: without any, every applicant
         *               scores 100, which must not approve everyone
         */
        public boolean approves(int fitScore, boolean judged, String email) {
            return approvesByScore(fitScore, judged) || emailDomains.contains(domainOf(email));
        }

        public boolean approvesByScore(int fitScore, boolean judged) {
            return minScore != null && judged && fitScore >= minScore;
        }

        private static String domainOf(String email) {
            return email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        }
    }

    public boolean active() {
        return archivedAt == null;
    }

    /** Whether a link may send visitors to this host: the default destination's host always may. */
    public boolean allowsHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(defaultDestination.getHost().toLowerCase(Locale.ROOT)) || allowedHosts.contains(h);
    }
}
