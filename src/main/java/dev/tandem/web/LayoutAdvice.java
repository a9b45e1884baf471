package dev.tandem.web;

import java.util.List;

import dev.tandem.core.Language;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.workspace.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: who is signed in, their workspace, and the languages on offer;
 * and whether the reader may change things, which decides if staff pages show their forms (viewers
 * only look).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final Workspaces workspaces;

    LayoutAdvice(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @ModelAttribute("me")
    StaffPrincipal me(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff ? staff : null;
    }

    @ModelAttribute("canEdit")
    boolean canEdit(Authentication authentication) {
        StaffPrincipal me = me(authentication);
        return me != null && me.canEdit();
    }

    @ModelAttribute("workspaceName")
    String workspaceName(Authentication authentication) {
        StaffPrincipal me = me(authentication);
        return me == null ? null : workspaces.get(me.workspaceId()).name();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("languages")
    List<Language> languages() {
        return List.of(Language.values());
    }
}
