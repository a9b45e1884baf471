package dev.tandem.program.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every program page needs besides the layout's model: this Tandem's address for public links. */
@ControllerAdvice(assignableTypes = {ProgramsController.class, ProgramController.class, TiersController.class,
        AgreementPagesController.class, ApplicationFormController.class})
class ProgramPagesAdvice {

    @ModelAttribute("baseUrl")
    String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
