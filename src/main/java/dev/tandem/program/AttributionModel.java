package dev.tandem.program;

/** Which click gets the credit when a customer clicked several partners' links within the window. */
public enum AttributionModel {
    LAST_CLICK, FIRST_CLICK;

    public String code() {
        return name().toLowerCase();
    }

    public static AttributionModel fromCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
