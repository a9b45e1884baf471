package dev.tandem.integration.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, stops if the sealed Stripe signing secrets need a key this node lacks (every delivery
 * would fail later), and encrypts secrets that an earlier version stored in clear.
 */
@Component
class ClearSecretSealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ClearSecretSealing.class);

    private final AccountRepository accounts;

    ClearSecretSealing(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.requireKnownKeys();
        int sealed = accounts.sealClearSecrets();
        if (sealed > 0) {
            log.info("Encrypted {} Stripe signing secret(s) stored in clear by an earlier version", sealed);
        }
    }
}
