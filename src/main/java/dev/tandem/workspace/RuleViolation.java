package dev.tandem.workspace;

/**
 * A workspace rule the input broke, e.g. an email that is already taken. Carries the field and a
 * message code so that pages can say it in the reader's language.
 */
public class RuleViolation extends RuntimeException {

    private final String field;
    private final String code;

    public RuleViolation(String field, String code, String englishMessage) {
        super(englishMessage);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
