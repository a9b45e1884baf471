package dev.tandem.program;

/** What kind of partners a program works with; it shapes wording and defaults, not the mechanics. */
public enum ProgramType {
    REFERRAL, AFFILIATE, RESELLER, INFLUENCER;

    public String code() {
        return name().toLowerCase();
    }

    public static ProgramType fromCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
