package dev.tandem.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import dev.tandem.partner.PartnerId;
import dev.tandem.program.Program;
import dev.tandem.referral.internal.DealRepository;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Finds what a new deal registration overlaps with: a referral the prospect already has in the
 * program, and other partners' registrations of the same email — or the same company domain,
 * since two people at one company are one deal — within the program's attribution window.
 */
@Component
class DealConflicts {

    // Addresses at these providers say nothing about the company: two gmail.com prospects are strangers.
    private static final Set<String> PUBLIC_DOMAINS = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com",
            "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com",
            "zoho.com", "yandex.com", "fastmail.com", "hey.com", "tutanota.com", "libero.it", "virgilio.it",
            "uol.com.br", "bol.com.br", "terra.com.br", "sapo.pt", "online.no", "t-online.de", "orange.fr", "qq.com");

    // The big providers have a domain per country (hotmail.es, yahoo.com.br, outlook.it): judged by their name.
    private static final Set<String> PUBLIC_PROVIDERS = Set.of("gmail", "hotmail", "outlook", "yahoo", "icloud",
            "aol", "gmx", "proton", "protonmail");

    private final Referrals referrals;
    private final DealRepository repository;

    DealConflicts(Referrals referrals, DealRepository repository) {
        this.referrals = referrals;
        this.repository = repository;
    }

    /** What overlaps with {@code partner} registering {@code email} in {@code program} now; null when nothing does. */
    DealConflict find(WorkspaceId workspace, Program program, PartnerId partner, String email, Instant now) {
        DealConflict.Customer customer = referrals.existingReferral(workspace, program.id(), email)
                .map(row -> new DealConflict.Customer(row.referral().id(), row.referral().partnerId(),
                        row.partnerName(), row.referral().createdAt()))
                .orElse(null);
        Instant since = now.minus(Duration.ofDays(program.attributionWindowDays()));
        DealConflict conflict = new DealConflict(customer,
                repository.overlapping(workspace, program.id(), partner, email, companyDomain(email), since));
        return conflict.any() ? conflict : null;
    }

    /** The domain of a company address, or blank for an address at a public mail provider. */
    static String companyDomain(String email) {
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        String provider = domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain;
        return PUBLIC_DOMAINS.contains(domain) || PUBLIC_PROVIDERS.contains(provider) ? "" : domain;
    }
}
