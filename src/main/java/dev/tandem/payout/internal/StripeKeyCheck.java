package dev.tandem.payout.internal;

import dev.tandem.core.AtRestCipher;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a workspace's Stripe key for payouts was sealed with an encryption key
 * this node does not have: better a clear stop now than a payout run whose transfers all fail.
 */
@Component
class StripeKeyCheck implements ApplicationRunner {

    private final SettingsRepository settings;
    private final AtRestCipher cipher;

    StripeKeyCheck(SettingsRepository settings, AtRestCipher cipher) {
        this.settings = settings;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        cipher.requireKnownKeys(settings.sealedStripeKeys(), "Stripe keys for payouts");
    }
}
