package dev.tandem.referral;

import java.util.Arrays;
import java.util.Optional;

/** Which door an event came through. */
public enum EventSource {
    API("api"), SNIPPET("snippet"), HOSTED_PAGE("hosted_page"), STRIPE("stripe"), MANUAL("manual");

    private final String code;

    EventSource(String code) {
        this.code = code;
    }

    /** The word used in the API and the database. */
    public String code() {
        return code;
    }

    public static Optional<EventSource> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
