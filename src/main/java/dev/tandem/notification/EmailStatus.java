package dev.tandem.notification;

/**
 * Where an email stands. {@code QUEUED} waits for (another) SMTP attempt; {@code HELD} was written
 * while no SMTP server was configured and is only kept to be read; {@code FAILED} gave up after
 * {@link Emails#MAX_ATTEMPTS} attempts.
 */
public enum EmailStatus {
    QUEUED, SENT, HELD, FAILED;

    public String code() {
        return name().toLowerCase();
    }

    public static EmailStatus fromCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
