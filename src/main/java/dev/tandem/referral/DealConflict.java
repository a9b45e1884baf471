package dev.tandem.referral;

import java.time.Instant;
import java.util.List;

import dev.tandem.partner.PartnerId;

/**
 * What a manager should know before accepting a deal registration, as found when it was submitted:
 * the prospect is already a referred customer, and/or other partners registered the same email (or
 * the same company domain) within the program's attribution window.
 *
 * @param customer the existing referral of the prospect's email in the program, or null
 * @param registrations other partners' registrations that overlap, oldest first
 */
public record DealConflict(Customer customer, List<Registration> registrations) {

    public DealConflict {
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
    }

    /** The prospect is already referred: by whom, since when. */
    public record Customer(ReferralId referralId, PartnerId partnerId, String partnerName, Instant since) {
    }

    /**
     * Another partner's registration of the same prospect.
     *
     * @param match {@code email} for the same address, {@code domain} for the same company email domain
     */
    public record Registration(DealId dealId, PartnerId partnerId, String partnerName, Instant registeredAt,
            String match) {
    }

    public boolean any() {
        return customer != null || !registrations.isEmpty();
    }
}
