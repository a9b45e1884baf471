package dev.tandem.referral;

import java.util.Arrays;
import java.util.Optional;

/** What the business reports about a referred customer through the intake. */
public enum EventType {
    LEAD("lead"), QUALIFIED("qualified"), SALE("sale"), REFUND("refund"), CHARGEBACK("chargeback");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    /** The word used in the API and the database. */
    public String code() {
        return code;
    }

    public static Optional<EventType> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
