package dev.tandem.referral;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a deal registration stands: submitted, then accepted or rejected by a manager; a submitted
 * one nobody decided within the program's attribution window is expired.
 */
public enum DealStatus {
    SUBMITTED("submitted"), ACCEPTED("accepted"), REJECTED("rejected"), EXPIRED("expired");

    private final String code;

    DealStatus(String code) {
        this.code = code;
    }

    /** The word used in the API and the database. */
    public String code() {
        return code;
    }

    public static Optional<DealStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
