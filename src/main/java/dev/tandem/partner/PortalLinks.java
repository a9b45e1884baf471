package dev.tandem.partner;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import dev.tandem.core.Sha256;
import dev.tandem.partner.internal.LoginTokenRepository;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use links into the partner portal: sign-in links (valid 15 minutes), invitation links
 * (7 days) and links in approval and new-agreement emails (3 days). The token is 256 random bits; only its SHA-256 is stored.
 */
@Service
public class PortalLinks {

    public static final Duration SIGN_IN_VALIDITY = Duration.ofMinutes(15);
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    public static final Duration WELCOME_VALIDITY = Duration.ofDays(3);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a link is for. */
    public enum Purpose {
        /** Asked for on the portal's sign-in page: 15 minutes. */
        SIGN_IN,
        /** In an invitation: 7 days, and using it accepts the invitation. */
        INVITATION,
        /** In an email Tandem sends unasked (approved, new agreement): 3 days. */
        WELCOME;

        String code() {
            return name().toLowerCase();
        }
    }

    /** The partner a link signed in, and what the link was for. */
    public record Redeemed(WorkspaceId workspaceId, PartnerId partnerId, Purpose purpose) {
    }

    private final LoginTokenRepository tokens;
    private final Clock clock;
    private final String publicUrl;

    PortalLinks(LoginTokenRepository tokens, Clock clock,
            @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.tokens = tokens;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Issues a new link for the partner; the absolute URL goes into an email and nowhere else. */
    @Transactional
    public String issue(WorkspaceId workspace, PartnerId partner, Purpose purpose) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Duration validity = switch (purpose) {
            case SIGN_IN -> SIGN_IN_VALIDITY;
            case INVITATION -> INVITATION_VALIDITY;
            case WELCOME -> WELCOME_VALIDITY;
        };
        Instant now = clock.instant();
        tokens.insert(workspace, partner, Sha256.of(token), purpose.code(), now.plus(validity), now);
        return publicUrl + "/portal/login/" + token;
    }

    /** The portal's own address, for emails that tell partners where to ask for a new link. */
    public String portalUrl() {
        return publicUrl + "/portal";
    }

    /** Whether the link still works, without using it up (mail scanners open links too). */
    public boolean usable(String token) {
        return token != null && tokens.usable(Sha256.of(token), clock.instant());
    }

    /** Uses the link: the first call within its validity gets the partner, every later call nothing. */
    @Transactional
    public Optional<Redeemed> redeem(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return tokens.use(Sha256.of(token), clock.instant()).map(used -> new Redeemed(used.workspaceId(),
                used.partnerId(), Purpose.valueOf(used.purpose().toUpperCase())));
    }

    /** Links are deleted a day after they expire: they can never be used again. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 300_000)
    void forgetExpired() {
        tokens.deleteExpired(clock.instant().minus(Duration.ofDays(1)));
    }
}
