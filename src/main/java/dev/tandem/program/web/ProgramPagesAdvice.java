package dev.tandem.program.web;

import dev.tandem.workspace.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every program page needs: whether the reader may change things, and this Tandem's address for public links. */
@ControllerAdvice(assignableTypes = {ProgramsController.class, ProgramController.class, TiersController.class,
        AgreementPagesController.class, ApplicationFormController.class})
class ProgramPagesAdvice {

    @ModelAttribute("canEdit")
    boolean canEdit(@AuthenticationPrincipal StaffPrincipal me) {
        return me != null && me.canEdit();
    }

    @ModelAttribute("baseUrl")
    String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
