package dev.tandem.referral;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tandem.core.ConflictException;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.referral.internal.PublishableKeyRepository;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publishable keys of the JavaScript snippet: {@code tnd_pk_} and 32 random letters and digits,
 * one program each, usable only from the web origins listed. Unlike API keys they are not secret
 * (they sit in every page of the business's site), so they are stored as they are; what keeps them
 * harmless is that they can only create leads, only from those origins, and only at a limited rate.
 */
@Service
public class PublishableKeys {

    public static final String PREFIX = "tnd_pk_";
    /** More origins than a business has sites is a list nobody reviews. */
    public static final int MAX_ORIGINS = 20;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PublishableKeyRepository keys;
    private final Programs programs;
    private final AuditLog audit;
    private final Clock clock;

    PublishableKeys(PublishableKeyRepository keys, Programs programs, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new key for an active program, allowed from the program's own sites (its default destination and allowed hosts). */
    @Transactional
    public PublishableKey create(WorkspaceId workspace, Actor by, ProgramId programId) {
        Program program = programs.get(workspace, programId);
        if (!program.active()) {
            throw new ConflictException("program " + programId + " is archived");
        }
        PublishableKey key = new PublishableKey(workspace, new PublishableKeyId(Ids.newId()), programId, newKey(),
                defaultOrigins(program), clock.instant().truncatedTo(ChronoUnit.MICROS), null);
        keys.insert(key);
        audit.record(workspace, by, "publishable_key.created", key.id().toString(),
                Map.of("program", programId.toString(), "allowedOrigins", key.allowedOrigins()));
        return key;
    }

    /** Replaces the origins the key may be used from; each is normalised ({@code https://Shop.test/} → {@code https://shop.test}). */
    @Transactional
    public PublishableKey setAllowedOrigins(WorkspaceId workspace, Actor by, PublishableKeyId id, List<String> origins) {
        PublishableKey key = get(workspace, id);
        if (!key.active()) {
            throw new ConflictException("publishable key " + id + " is revoked");
        }
        List<String> normalised = validOrigins(origins);
        keys.setAllowedOrigins(workspace, id, normalised);
        audit.record(workspace, by, "publishable_key.origins_changed", id.toString(),
                Map.of("from", key.allowedOrigins(), "to", normalised));
        return get(workspace, id);
    }

    /** Refuses the key at once, everywhere; revoking twice changes nothing. */
    @Transactional
    public void revoke(WorkspaceId workspace, Actor by, PublishableKeyId id) {
        get(workspace, id);
        if (keys.revoke(workspace, id, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            audit.record(workspace, by, "publishable_key.revoked", id.toString(), Map.of());
        }
    }

    public PublishableKey get(WorkspaceId workspace, PublishableKeyId id) {
        return keys.find(workspace, id).orElseThrow(() -> new NotFoundException("no publishable key " + id));
    }

    /** The program's keys, active first, newest first. */
    public List<PublishableKey> list(WorkspaceId workspace, ProgramId program) {
        return keys.list(workspace, program);
    }

    /** The active key with this value, whatever its workspace (the public endpoint knows no workspace). */
    public Optional<PublishableKey> findActive(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        return keys.findActiveByKey(key);
    }

    /** Whether any active key may be used from this origin: all a CORS preflight, which carries no key, can be told. */
    public boolean anyActiveKeyAllows(String origin) {
        return normalisedOrigin(origin).map(keys::anyActiveAllows).orElse(false);
    }

    /** The https origins of the program's own sites: its default destination's and each allowed host's. */
    public static List<String> defaultOrigins(Program program) {
        Set<String> origins = new LinkedHashSet<>();
        normalisedOrigin(program.defaultDestination().toString()).ifPresent(origins::add);
        program.allowedHosts().forEach(host -> normalisedOrigin("https://" + host).ifPresent(origins::add));
        return List.copyOf(origins);
    }

    /**
     * An origin as browsers send it: scheme, host in lower case, and the port unless it is the
     * scheme's default; a trailing slash is forgiven. Empty for anything else (paths, wildcards, other schemes).
     */
    public static Optional<String> normalisedOrigin(String text) {
        if (text == null || text.isBlank() || text.length() > 300) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                    || !uri.getHost().matches("[A-Za-z0-9.-]+")) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static List<String> validOrigins(List<String> given) {
        Set<String> origins = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String text : given) {
            if (text == null || text.isBlank()) {
                continue;
            }
            normalisedOrigin(text).ifPresentOrElse(origins::add, () -> bad.add(text.trim()));
        }
        if (!bad.isEmpty()) {
            throw InvalidInputException.of("allowedOrigins", "intake.origins.error.invalid",
                    "not an origin (scheme, host and optional port, e.g. https://shop.example.com): " + String.join(", ", bad));
        }
        if (origins.size() > MAX_ORIGINS) {
            throw InvalidInputException.of("allowedOrigins", "intake.origins.error.tooMany",
                    "at most " + MAX_ORIGINS + " origins");
        }
        return List.copyOf(origins);
    }

    private static String newKey() {
        StringBuilder key = new StringBuilder(PREFIX);
        for (int i = 0; i < 32; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }
}
