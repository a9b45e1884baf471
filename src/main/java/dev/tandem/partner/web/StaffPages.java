package dev.tandem.partner.web;

import java.util.Optional;

import dev.tandem.partner.EnrollmentStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the partner admin pages share: the status filter and this Tandem's address (canEdit comes from the layout). */
@ControllerAdvice(assignableTypes = {PartnerAdminController.class, ApplicationReviewController.class,
        InvitationPageController.class})
class StaffPages {

    /** A status from a form or a filter; unknown or blank is none. */
    static Optional<EnrollmentStatus> status(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EnrollmentStatus.fromCode(code.trim()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    @ModelAttribute("baseUrl")
    String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
