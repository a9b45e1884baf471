package dev.tandem.partner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.EmailAddresses;
import dev.tandem.notification.Emails;
import dev.tandem.partner.internal.PartnerRepository;
import dev.tandem.workspace.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How partners get into the portal: with their password once they have set one, or with a
 * single-use link emailed to them. Nothing here tells whether an email belongs to a partner: an
 * unknown email gets the same answer, no email, and takes about as long.
 */
@Service
public class PortalSignIn {

    private final PartnerRepository partners;
    private final Partners enrollments;
    private final PortalLinks links;
    private final Emails emails;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final String decoyHash;

    PortalSignIn(PartnerRepository partners, Partners enrollments, PortalLinks links, Emails emails,
            PasswordEncoder passwords, AuditLog audit, ApplicationEventPublisher events) {
        this.partners = partners;
        this.enrollments = enrollments;
        this.links = links;
        this.emails = emails;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.decoyHash = passwords.encode("a password nobody has");
    }

    /**
     * The partner with this email whose password this is, if any (the first such, when one person
     * set the same password with two businesses). Not in a transaction: bcrypt takes its time
     * and should not hold a database connection meanwhile.
     */
    public Optional<PartnerPrincipal> withPassword(String email, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.empty();
        }
        boolean compared = false;
        for (Partner partner : partners.findAllByEmail(EmailAddresses.normalised(email))) {
            Optional<String> hash = partners.passwordHash(partner.workspaceId(), partner.id());
            if (hash.isPresent()) {
                compared = true;
                if (passwords.matches(password, hash.get())) {
                    audit.record(partner.workspaceId(), PartnerPrincipal.of(partner).asActor(), "partner.signed_in",
                            partner.id().toString(), Map.of("with", "password"));
                    return Optional.of(PartnerPrincipal.of(partner));
                }
            }
        }
        if (!compared) {
            // as slow as a real comparison, so the time taken does not tell who has an account
            passwords.matches(password, decoyHash);
        }
        return Optional.empty();
    }

    /**
     * Asks for a sign-in link to be emailed to every partner with this address. Only records the
     * request (the same small write for any address), so the page answers as fast for a stranger as
     * for a partner; {@link #sendLinks(SignInLinkRequested)} does the rest after the answer.
     */
    @Transactional
    public void requestLinks(String email) {
        events.publishEvent(new SignInLinkRequested(EmailAddresses.normalised(email)));
    }

    /**
     * Emails a sign-in link to every partner with this email, in any workspace, each in the
     * partner's language and for that workspace. Unknown or malformed addresses get nothing.
     */
    @ApplicationModuleListener
    void sendLinks(SignInLinkRequested request) {
        for (Partner partner : partners.findAllByEmail(request.email())) {
            String link = links.issue(partner.workspaceId(), partner.id(), PortalLinks.Purpose.SIGN_IN);
            Map<String, Object> model = new HashMap<>();
            model.put("partnerName", partner.name());
            model.put("link", new Emails.Secret(link));
            model.put("minutes", PortalLinks.SIGN_IN_VALIDITY.toMinutes());
            emails.send(partner.workspaceId(), partner.email(), partner.language(), "magic-link", model);
        }
    }

    /**
     * Uses a link from an email: once, within its validity. An invitation link also accepts the
     * invitation: every program the partner was invited to approves them.
     */
    @Transactional
    public Optional<PartnerPrincipal> redeem(String token) {
        return links.redeem(token).map(redeemed -> {
            Partner partner = partners.find(redeemed.workspaceId(), redeemed.partnerId()).orElseThrow();
            PartnerPrincipal principal = PartnerPrincipal.of(partner);
            if (redeemed.purpose() == PortalLinks.Purpose.INVITATION) {
                for (Enrollment enrollment : enrollments.enrollmentsOf(partner.workspaceId(), partner.id())) {
                    if (enrollment.status() == EnrollmentStatus.INVITED) {
                        enrollments.transition(partner.workspaceId(), principal.asActor(), enrollment.id(),
                                EnrollmentStatus.APPROVED, "accepted invitation");
                    }
                }
            }
            audit.record(partner.workspaceId(), principal.asActor(), "partner.signed_in", partner.id().toString(),
                    Map.of("with", redeemed.purpose() == PortalLinks.Purpose.INVITATION ? "invitation" : "link"));
            return principal;
        });
    }

    /** The partner as the portal knows them now (after a change of name or language). */
    public PartnerPrincipal principal(PartnerPrincipal who) {
        return partners.find(who.workspaceId(), who.partnerId()).map(PartnerPrincipal::of).orElseThrow();
    }

    /** The partner's enrollments: what a partner whose every enrollment ended still sees. */
    public List<Enrollment> enrollments(PartnerPrincipal who) {
        return enrollments.enrollmentsOf(who.workspaceId(), who.partnerId());
    }
}
