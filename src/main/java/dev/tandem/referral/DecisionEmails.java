package dev.tandem.referral;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.notification.Emails;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Emails a partner, in their language, a manager's decision on their deal registration or claim,
 * with the note and a link to the portal page where both are listed.
 */
@Component
class DecisionEmails {

    private final Partners partners;
    private final Emails emails;
    private final String portalUrl;

    DecisionEmails(Partners partners, Emails emails,
            @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.partners = partners;
        this.emails = emails;
        this.portalUrl = publicUrl.replaceAll("/+$", "") + "/portal/deals";
    }

    /**
     * @param subject what the subject line names after the brand (the company, the customer)
     * @param details the template's own fields
     */
    void send(WorkspaceId workspace, PartnerId partnerId, String programName, String template, String subject,
            boolean accepted, String reason, Map<String, Object> details) {
        Partner partner = partners.get(workspace, partnerId);
        Map<String, Object> model = new HashMap<>(details);
        model.put(Emails.BRAND, programName);
        model.put(Emails.SUBJECT_ARGS, List.of(subject));
        model.put("partnerName", partner.name());
        model.put("programName", programName);
        model.put("accepted", accepted);
        model.put("reason", reason);
        model.put("portalUrl", portalUrl);
        emails.send(workspace, partner.email(), partner.language(), template, model);
    }
}
