package dev.tandem.partner;

import java.time.Instant;

import dev.tandem.core.Language;
import dev.tandem.workspace.WorkspaceId;

/** A partner: who they are, how to reach them, the language they read, and who introduced them. */
public record Partner(WorkspaceId workspaceId, PartnerId id, String email, String name, String phone, String company,
        String website, Profile profile, Language language, String inviteCode, PartnerId introducedBy,
        Instant createdAt) {

    /** What the ideal partner profile judges: industry, company size, audience, region. */
    public record Profile(String industry, String companySize, String audience, String region) {
        public static Profile empty() {
            return new Profile("", "", "", "");
        }
    }
}
