package dev.tandem.integration.internal;

/** A Stripe event that cannot become a Tandem event, with the reason in words (shown to managers). */
class Unmappable extends RuntimeException {

    Unmappable(String reason) {
        super(reason, null, false, false);
    }
}
