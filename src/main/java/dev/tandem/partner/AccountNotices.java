package dev.tandem.partner;

import java.util.HashMap;
import java.util.Map;

import dev.tandem.notification.Emails;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Emails a partner when something that moves their money or guards their account changes (payout
 * details, password), so that a change they did not make is noticed before a payout goes astray.
 */
@Component
class AccountNotices {

    private final Emails emails;

    AccountNotices(Emails emails) {
        this.emails = emails;
    }

    /** @param change the message key saying what changed; {@code detail} what it is now, masked (may be empty) */
    void tell(WorkspaceId workspace, Partner partner, String change, String detail) {
        Map<String, Object> model = new HashMap<>();
        model.put("partnerName", partner.name());
        model.put("change", change);
        model.put("detail", detail == null ? "" : detail);
        emails.send(workspace, partner.email(), partner.language(), "account-changed", model);
    }
}
