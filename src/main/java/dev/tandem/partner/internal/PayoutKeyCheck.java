package dev.tandem.partner.internal;

import dev.tandem.core.AtRestCipher;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when stored payout details were encrypted with a key this node does not have
 * (a changed or mistyped TANDEM_ENCRYPTION_KEY): better a clear stop now than a payout run that
 * cannot read a single bank account later.
 */
@Component
class PayoutKeyCheck implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final AtRestCipher cipher;

    PayoutKeyCheck(JdbcClient jdbc, AtRestCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        cipher.requireKnownKeys(jdbc.sql("select distinct substring(encrypted from 1 for 5) from payout_details")
                .query(byte[].class).list(), "payout details");
    }
}
