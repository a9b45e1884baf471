package dev.tandem.partner.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;

/**
 * Encrypts payout details at rest with AES-256-GCM (Spring Security's {@code Encryptors.stronger}:
 * a random IV per value, authenticated, so a tampered value fails to decrypt). The key comes from
 * {@code tandem.encryption-key} (TANDEM_ENCRYPTION_KEY); without it, one is generated once and
 * kept in {@code encryption.key} (readable by the owner only) in the data directory, with a warning:
 * losing that file means losing every stored bank account.
 */
@Component
public class PayoutDetailsCipher {

    static final String KEY_FILE = "encryption.key";

    private static final Logger log = LoggerFactory.getLogger(PayoutDetailsCipher.class);
    // PBKDF2 salt for turning the key into an AES key; the key itself carries the secret and the entropy
    private static final String SALT = HexFormat.of().formatHex("tandem/payout-details/v1".getBytes(StandardCharsets.UTF_8));

    private final BytesEncryptor encryptor;

    PayoutDetailsCipher(@Value("${tandem.encryption-key:}") String configuredKey,
            @Value("${tandem.database.data-dir:./data}") Path dataDir) {
        this.encryptor = Encryptors.stronger(configuredKey == null || configuredKey.isBlank()
                ? keyFromFile(dataDir.resolve(KEY_FILE)) : configuredKey.trim(), SALT);
    }

    public byte[] encrypt(byte[] clear) {
        return encryptor.encrypt(clear);
    }

    public byte[] decrypt(byte[] encrypted) {
        return encryptor.decrypt(encrypted);
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
            log.warn("Payout details are encrypted with the key generated in {}. In production set"
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
