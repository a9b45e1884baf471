package dev.tandem.tracking;

import java.util.Arrays;

/** A referral code is the partner's own (typed by a prospect); a coupon is the business's discount code mapped to a partner. */
public enum CodeKind {
    REFERRAL("referral"), COUPON("coupon");

    private final String code;

    CodeKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CodeKind fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown code kind " + code));
    }
}
