package dev.tandem.web;

import dev.tandem.core.InvalidIdException;
import dev.tandem.core.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Pages asked about something that does not exist — or exists in another workspace, which must
 * look exactly the same — answer the readable 404 page. (The API has its own problem details.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler({NotFoundException.class, InvalidIdException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
