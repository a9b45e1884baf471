package dev.tandem.core.web;

import dev.tandem.core.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API path nobody serves answers a 404 problem, not an HTML error page. API mappings declare no
 * {@code produces}: Spring MVC would hand a request whose Accept it does not match to this catch-all (404 for a
 * resource that exists); the web module's ApiChangesAnswerJson answers those 406 instead.
 */
@RestController
@Hidden
class UnknownApiPathController {

    @RequestMapping("/api/v1/**")
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("There is no API resource at " + request.getRequestURI() + ".");
    }
}
