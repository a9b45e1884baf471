package dev.tandem.referral;

import java.util.Arrays;
import java.util.Optional;

/** Where a missing-referral claim stands: submitted, then accepted or declined by a manager. */
public enum ClaimStatus {
    SUBMITTED("submitted"), ACCEPTED("accepted"), DECLINED("declined");

    private final String code;

    ClaimStatus(String code) {
        this.code = code;
    }

    /** The word used in the API and the database. */
    public String code() {
        return code;
    }

    public static Optional<ClaimStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
