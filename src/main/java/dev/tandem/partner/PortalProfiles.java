package dev.tandem.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.WebAddresses;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.partner.internal.PartnerRepository;
import dev.tandem.workspace.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partner's own profile in the portal: who they are, their language, and a password if they want one. */
@Service
public class PortalProfiles {

    /** As for staff: long enough to resist guessing; a sentence is easy to remember. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final PartnerRepository partners;
    private final Onboarding onboarding;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final AccountNotices notices;

    PortalProfiles(PartnerRepository partners, Onboarding onboarding, PasswordEncoder passwords, AuditLog audit,
            AccountNotices notices) {
        this.partners = partners;
        this.onboarding = onboarding;
        this.passwords = passwords;
        this.audit = audit;
        this.notices = notices;
    }

    /** What a partner may change about themselves. */
    public record ProfileChange(String name, String phone, String company, String website, Language language) {
    }

    public Partner get(PartnerPrincipal who) {
        return partners.find(who.workspaceId(), who.partnerId()).orElseThrow();
    }

    /**
     * Saves the profile; a complete one (name, phone and company) ticks the onboarding step
     * "complete the profile" in every program.
     *
     * @return the principal with the new name and language, for the session
     */
    @Transactional
    public PartnerPrincipal update(PartnerPrincipal who, ProfileChange change) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = checked("name", change.name(), 100, true, problems);
        String phone = checked("phone", change.phone(), 40, false, problems);
        String company = checked("company", change.company(), 100, false, problems);
        String website = checked("website", change.website(), 200, false, problems);
        if (!website.isEmpty() && !WebAddresses.valid(website)) {
            problems.add(new FieldProblem("website", "must be an http or https address, e.g. https://example.com",
                    "portal.error.url"));
        }
        if (change.language() == null) {
            problems.add(new FieldProblem("language", "is required", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Partner p = get(who);
        Partner updated = new Partner(p.workspaceId(), p.id(), p.email(), name, phone, company, website, p.profile(),
                change.language(), p.inviteCode(), p.introducedBy(), p.createdAt());
        partners.update(updated);
        audit.record(who.workspaceId(), who.asActor(), "partner.profile_updated", who.partnerId().toString(),
                Map.of("language", change.language().tag()));
        if (isComplete(name, phone, company)) {
            onboarding.systemDone(who.workspaceId(), who.partnerId(), OnboardingStepKind.COMPLETE_PROFILE);
        }
        return PartnerPrincipal.of(updated);
    }

    /** Sets (or replaces) the partner's password; signing in by emailed link keeps working too. */
    @Transactional
    public void setPassword(PartnerPrincipal who, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw InvalidInputException.of("password", "validation.password.length",
                    "needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        partners.updatePasswordHash(who.workspaceId(), who.partnerId(), passwords.encode(password));
        audit.record(who.workspaceId(), who.asActor(), "partner.password_set", who.partnerId().toString(), Map.of());
        partners.find(who.workspaceId(), who.partnerId()).ifPresent(partner ->
                notices.tell(who.workspaceId(), partner, "email.account-changed.password", ""));
    }

    /** Whether the partner has a password (otherwise they sign in by link only). */
    public boolean hasPassword(PartnerPrincipal who) {
        return partners.passwordHash(who.workspaceId(), who.partnerId()).isPresent();
    }

    private static boolean isComplete(String name, String phone, String company) {
        return !name.isBlank() && !phone.isBlank() && !company.isBlank();
    }

    private static String checked(String field, String value, int max, boolean required, List<FieldProblem> problems) {
        String clean = value == null ? "" : value.trim();
        if (required && clean.isEmpty()) {
            problems.add(new FieldProblem(field, "is required", "validation.required"));
        } else if (clean.length() > max) {
            problems.add(new FieldProblem(field, "is too long (" + max + " characters at most)", "validation.tooLong"));
        }
        return clean;
    }
}
