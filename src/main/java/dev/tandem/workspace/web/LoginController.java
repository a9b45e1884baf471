package dev.tandem.workspace.web;

import dev.tandem.workspace.Workspaces;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; on a new install it sends people to setup instead. */
@Controller
class LoginController {

    private final Workspaces workspaces;

    LoginController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/login")
    String login() {
        return workspaces.isSetUp() ? "workspace/login" : "redirect:/setup";
    }
}
