package dev.tandem.tracking;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.tandem.tracking.internal.TrackingSecrets;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Click ids: 40 URL-safe characters that carry the link and the click time (to the second),
 * signed with the workspace's secret (HMAC-SHA256 cut to 64 bits). A conversion is attributed
 * from the id alone, so it never depends on the click row having been written; anything altered
 * fails the signature and is ignored with a reason.
 */
@Component
public class ClickIds {

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 8;
    /** version + link id + seconds (5 bytes, until the year 36812) + MAC */
    private static final int LENGTH = 1 + 16 + 5 + MAC_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final TrackingSecrets secrets;
    /** Each thread's Mac, keyed with the secret it was last used for: the redirect signs without making one per click. */
    private final ThreadLocal<Signer> signers = new ThreadLocal<>();

    private record Signer(byte[] secret, Mac mac) {
    }

    ClickIds(TrackingSecrets secrets) {
        this.secrets = secrets;
    }

    /** The click id of a click on this link at this moment (the same link and second give the same id). */
    public String issue(WorkspaceId workspace, LinkId link, Instant clickedAt) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH);
        bytes.put(VERSION);
        bytes.putLong(link.value().getMostSignificantBits()).putLong(link.value().getLeastSignificantBits());
        long seconds = clickedAt.getEpochSecond();
        bytes.put((byte) (seconds >>> 32)).putInt((int) seconds);
        bytes.put(mac(workspace, bytes.array(), LENGTH - MAC_BYTES), 0, MAC_BYTES);
        return ENCODER.encodeToString(bytes.array());
    }

    /** Reads a click id sent back by the business; never throws on bad input. */
    public ClickCheck check(WorkspaceId workspace, String clickId) {
        if (clickId == null || clickId.isBlank()) {
            return new ClickCheck.Invalid("no click id");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(clickId.trim());
        } catch (IllegalArgumentException e) {
            return new ClickCheck.Invalid("click id is malformed (not base64url)");
        }
        if (bytes.length != LENGTH || bytes[0] != VERSION) {
            return new ClickCheck.Invalid("click id is malformed (wrong length or version)");
        }
        byte[] expected = mac(workspace, bytes, LENGTH - MAC_BYTES);
        byte[] given = new byte[MAC_BYTES];
        System.arraycopy(bytes, LENGTH - MAC_BYTES, given, 0, MAC_BYTES);
        byte[] wanted = new byte[MAC_BYTES];
        System.arraycopy(expected, 0, wanted, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(given, wanted)) {
            return new ClickCheck.Invalid("click id signature does not match this workspace (forged or altered)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, LENGTH - 1 - MAC_BYTES);
        UUID link = new UUID(buffer.getLong(), buffer.getLong());
        long seconds = ((buffer.get() & 0xFFL) << 32) | (buffer.getInt() & 0xFFFFFFFFL);
        return new ClickCheck.Valid(new LinkId(link), Instant.ofEpochSecond(seconds));
    }

    private byte[] mac(WorkspaceId workspace, byte[] data, int length) {
        // TrackingSecrets hands out the same array for a workspace every time: the same array, the same key
        byte[] secret = secrets.secretOf(workspace);
        Signer signer = signers.get();
        if (signer == null || signer.secret() != secret) {
            signer = new Signer(secret, hmac(secret));
            signers.set(signer);
        }
        signer.mac().update(data, 0, length);
        return signer.mac().doFinal(); // doFinal leaves the Mac ready for the next message with the same key
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
