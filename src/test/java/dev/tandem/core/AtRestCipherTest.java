package dev.tandem.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtRestCipherTest {

    private static final byte[] IBAN = "DE89370400440532013000".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void aValueDecryptsOnItsOwnRowOnly() {
        AtRestCipher cipher = new AtRestCipher("key-one-0123456789abcdef", "", dataDir);
        byte[] stored = cipher.encrypt(IBAN, "payout-details:ws:ana");

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("DE89370400440532013000");
        assertThat(cipher.decrypt(stored, "payout-details:ws:ana")).isEqualTo(IBAN);
        assertThatThrownBy(() -> cipher.decrypt(stored, "payout-details:ws:eve"))
                .as("copied onto another partner's row").isInstanceOf(IllegalStateException.class);
        assertThat(cipher.encrypt(IBAN, "payout-details:ws:ana")).as("a fresh IV each time").isNotEqualTo(stored);
    }

    @Test
    void aNewKeyStillReadsWhatTheOldOneWroteWhenTheOldOneIsListed() {
        AtRestCipher before = new AtRestCipher("the-old-key-0123456789", "", dataDir);
        byte[] stored = before.encrypt(IBAN, "ctx");

        AtRestCipher rotated = new AtRestCipher("the-new-key-0123456789", "the-old-key-0123456789", dataDir);
        AtRestCipher forgotten = new AtRestCipher("the-new-key-0123456789", "", dataDir);

        assertThat(rotated.decrypt(stored, "ctx")).isEqualTo(IBAN);
        assertThat(rotated.knownKeyId(stored)).contains(before.currentKeyId());
        assertThat(forgotten.knownKeyId(stored)).as("the startup check refuses this node").isEmpty();
        assertThatThrownBy(() -> forgotten.decrypt(stored, "ctx")).hasMessageContaining("TANDEM_ENCRYPTION_OLD_KEYS");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKept() {
        AtRestCipher first = new AtRestCipher("", "", dataDir);
        AtRestCipher restarted = new AtRestCipher("", "", dataDir);

        assertThat(dataDir.resolve(AtRestCipher.KEY_FILE)).exists();
        assertThat(restarted.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(restarted.decrypt(first.encrypt(IBAN, "ctx"), "ctx")).isEqualTo(IBAN);
    }
}
