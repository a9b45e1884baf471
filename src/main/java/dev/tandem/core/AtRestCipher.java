package dev.tandem.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (partners' payout details, integrations' signing secrets) with
 * AES-256-GCM: a random 96-bit IV per value, authenticated, and bound to its row (e.g. the
 * workspace and partner are the associated data), so a value copied onto another row fails to
 * decrypt instead of paying the wrong account. Each value starts with
 * the id of its key; keys named in {@code tandem.encryption-old-keys} still decrypt, so the key can
 * be changed without losing what is stored. The key comes from {@code tandem.encryption-key}
 * (TANDEM_ENCRYPTION_KEY); without it, one is generated once and kept in {@code encryption.key}
 * (readable by the owner only) in the data directory, with a warning.
 */
@Component
public class AtRestCipher {

    static final String KEY_FILE = "encryption.key";
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger log = LoggerFactory.getLogger(AtRestCipher.class);
    // named after its first use; it must never change, or every stored value becomes unreadable
    private static final byte[] SALT = "tandem/payout-details/v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Key current;
    private final Map<String, Key> ring = new HashMap<>();

    /** An AES key and the short id stored in front of what it encrypted. */
    private record Key(String id, SecretKey aes) {
    }

    public AtRestCipher(@Value("${tandem.encryption-key:}") String configuredKey,
            @Value("${tandem.encryption-old-keys:}") String oldKeys,
            @Value("${tandem.database.data-dir:./data}") Path dataDir) {
        this.current = key(configuredKey == null || configuredKey.isBlank()
                ? keyFromFile(dataDir.resolve(KEY_FILE)) : configuredKey.trim());
        ring.put(current.id(), current);
        for (String old : oldKeys == null ? new String[0] : oldKeys.split(",")) {
            if (!old.isBlank()) {
                Key key = key(old.trim());
                ring.putIfAbsent(key.id(), key);
            }
        }
    }

    /** Encrypts with the current key, bound to {@code context} (e.g. the row's workspace and partner). */
    public byte[] encrypt(byte[] clear, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, current, iv, clear, context);
        byte[] id = HexFormat.of().parseHex(current.id());
        return ByteBuffer.allocate(1 + id.length + IV_BYTES + sealed.length).put(FORMAT).put(id).put(iv).put(sealed)
                .array();
    }

    /** Decrypts with whichever known key encrypted it; fails if the value was altered or moved. */
    public byte[] decrypt(byte[] encrypted, String context) {
        ByteBuffer in = ByteBuffer.wrap(encrypted);
        if (in.get() != FORMAT) {
            throw new IllegalStateException("unknown encrypted value format");
        }
        byte[] id = new byte[4];
        in.get(id);
        Key key = keyFor(encrypted).orElseThrow(() -> new IllegalStateException("the value was encrypted with"
                + " key " + HexFormat.of().formatHex(id) + ", which is neither TANDEM_ENCRYPTION_KEY nor one of"
                + " TANDEM_ENCRYPTION_OLD_KEYS"));
        byte[] iv = new byte[IV_BYTES];
        in.get(iv);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return crypt(Cipher.DECRYPT_MODE, key, iv, sealed, context);
    }

    /** The key that encrypted this value, if this node knows it. */
    public Optional<String> knownKeyId(byte[] encrypted) {
        // works on the first five bytes alone: format and key id
        return keyFor(encrypted).map(Key::id);
    }

    /**
     * Refuses to go on when a stored value was encrypted with a key this node does not have (a
     * changed or mistyped TANDEM_ENCRYPTION_KEY): better a clear stop at start than failures later.
     *
     * @param prefixes the first five bytes of each distinct stored value (format and key id)
     * @param what     what the values are, for the message ("payout details")
     */
    public void requireKnownKeys(java.util.List<byte[]> prefixes, String what) {
        for (byte[] prefix : prefixes) {
            if (knownKeyId(prefix).isEmpty()) {
                throw new IllegalStateException("Stored " + what + " were encrypted with key "
                        + HexFormat.of().formatHex(prefix, 1, Math.min(5, prefix.length)) + ", but this node has key "
                        + currentKeyId() + ". Set TANDEM_ENCRYPTION_KEY to the key they were written with, or"
                        + " add that key to TANDEM_ENCRYPTION_OLD_KEYS.");
            }
        }
    }

    /** The id of the key new values are encrypted with (shown to operators, never the key). */
    public String currentKeyId() {
        return current.id();
    }

    private Optional<Key> keyFor(byte[] encrypted) {
        if (encrypted.length < 5 || encrypted[0] != FORMAT) {
            return Optional.empty();
        }
        return Optional.ofNullable(ring.get(HexFormat.of().formatHex(encrypted, 1, 5)));
    }

    private static byte[] crypt(int mode, Key key, byte[] iv, byte[] input, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.aes(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted: wrong key, or the stored value was altered or moved"), e);
        }
    }

    /** PBKDF2 turns the configured secret (a long random string, ideally) into an AES-256 key. */
    private static Key key(String secret) {
        try {
            byte[] aes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(secret.toCharArray(), SALT, 100_000, 256)).getEncoded();
            String id = HexFormat.of().formatHex(Sha256.of(aes), 0, 4);
            return new Key(id, new SecretKeySpec(aes, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String key = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (key.isEmpty()) {
                throw new IllegalStateException(file + " is empty: restore the encryption key or set TANDEM_ENCRYPTION_KEY");
            }
            log.warn("Payout details and signing secrets are encrypted with the key generated in {}. In production set"
                    + " TANDEM_ENCRYPTION_KEY (and keep a copy of it: without the key stored bank accounts cannot be read).",
                    file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the encryption key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            // a second node on the same directory created it meanwhile: use theirs
        }
    }
}
