package dev.tandem.payout;

import dev.tandem.core.ConflictException;

/**
 * A payout action that cannot be done as things stand (409 in the API), with a message code and
 * arguments so that pages say it in the reader's language.
 */
public class PayoutConflict extends ConflictException {

    private final String code;
    private final transient Object[] args;

    public PayoutConflict(String code, String english, Object... args) {
        super(english);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
