package dev.tandem.referral;

import java.util.Arrays;
import java.util.Optional;

/** Where a referred customer stands: lead → qualified → customer → churned, or lost. */
public enum ReferralStatus {
    LEAD("lead"), QUALIFIED("qualified"), CUSTOMER("customer"), CHURNED("churned"), LOST("lost");

    private final String code;

    ReferralStatus(String code) {
        this.code = code;
    }

    /** The word used in the API and the database. */
    public String code() {
        return code;
    }

    public static Optional<ReferralStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
