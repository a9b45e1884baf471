package dev.tandem.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The bare address leads to the admin console (which asks for sign-in, or setup on a new install). */
@Controller
class RootController {

    @GetMapping("/")
    String root() {
        return "redirect:/admin";
    }
}
