package dev.tandem.integration;

import dev.tandem.integration.internal.AccountRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing secret is never in the database in clear, and one stored in clear before is sealed. */
class StripeSecretAtRestTest extends StripeTestBase {

    @Autowired
    AccountRepository accounts;

    @Test
    void theSigningSecretIsStoredEncryptedAndStillVerifiesDeliveries() {
        Shop shop = shop("Sealed");
        byte[] sealed = jdbc.sql("select signing_secret_sealed from stripe_account where workspace_id = ?")
                .param(shop.workspace().value()).query(byte[].class).single();
        assertThat(jdbc.sql("select signing_secret from stripe_account where workspace_id = ?")
                .param(shop.workspace().value()).query(String.class).optional()).isEmpty();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(shop.secret())
                .doesNotContain(shop.secret().substring(6, 20));
        assertThat(deliver(shop, event("customer.created", java.util.Map.of("id", "cus_sealed"))).status())
                .as("signed with the secret the shop set: verified through the sealed copy").isEqualTo(200);
    }

    @Test
    void aSecretStoredInClearByAnEarlierVersionIsSealedAtStart() {
        Shop shop = shop("Was clear");
        jdbc.sql("update stripe_account set signing_secret = ?, signing_secret_sealed = null where workspace_id = ?")
                .params(shop.secret(), shop.workspace().value()).update();
        assertThat(deliver(shop, event("customer.created", java.util.Map.of("id", "cus_clear"))).status())
                .as("still read while in clear").isEqualTo(200);

        assertThat(accounts.sealClearSecrets()).isEqualTo(1);

        assertThat(jdbc.sql("select count(*) from stripe_account where signing_secret is not null")
                .query(Long.class).single()).isZero();
        assertThat(deliver(shop, event("customer.created", java.util.Map.of("id", "cus_after"))).status()).isEqualTo(200);
    }

    @Test
    void aSecretSealedWithAKeyThisNodeLacksStopsTheStartWithTheReason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Shop shop = shop("Other key");
        byte[] foreign = new dev.tandem.core.AtRestCipher("another-key-0123456789abcdef", "", dir)
                .encrypt(shop.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8), "stripe_account/" + shop.workspace().value());
        byte[] ours = jdbc.sql("select signing_secret_sealed from stripe_account where workspace_id = ?")
                .param(shop.workspace().value()).query(byte[].class).single();
        accounts.requireKnownKeys();
        jdbc.sql("update stripe_account set signing_secret_sealed = ? where workspace_id = ?")
                .params(foreign, shop.workspace().value()).update();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(accounts::requireKnownKeys)
                    .hasMessageContaining("Stored Stripe signing secrets were encrypted with key")
                    .hasMessageContaining("TANDEM_ENCRYPTION_OLD_KEYS");
        } finally {
            jdbc.sql("update stripe_account set signing_secret_sealed = ? where workspace_id = ?")
                    .params(ours, shop.workspace().value()).update();
        }
    }
}
