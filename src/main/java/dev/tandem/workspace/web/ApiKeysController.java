package dev.tandem.workspace.web;

import java.util.Set;

import dev.tandem.workspace.ApiKeyId;
import dev.tandem.workspace.ApiKeys;
import dev.tandem.workspace.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API keys for the business's own systems: create (the secret is shown once), list, revoke. */
@Controller
@RequestMapping("/admin/api-keys")
class ApiKeysController {

    private final ApiKeys apiKeys;
    private final String publicUrl;

    ApiKeysController(ApiKeys apiKeys, @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.apiKeys = apiKeys;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    record KeyForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String name,
            @NotBlank(message = "{validation.required}") @Pattern(regexp = "read|write", message = "{validation.required}") String access) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("form", new KeyForm("", "write"));
        return page(me, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") KeyForm form,
            BindingResult errors, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            Set<String> scopes = "write".equals(form.access()) ? Set.of("read", "write") : Set.of("read");
            // the secret is rendered into this one response and nowhere else: never stored, never cached
            response.setHeader("Cache-Control", "no-store");
            ApiKeys.Created created = apiKeys.create(me, form.name(), scopes);
            model.addAttribute("created", created);
            // a first call to paste into a terminal, so the key is seen working before it goes into a system
            model.addAttribute("tryIt", "curl -H \"Authorization: Bearer " + created.secret() + "\" " + publicUrl
                    + "/api/v1/workspace");
            model.addAttribute("eventsUrl", publicUrl + "/api/v1/events");
            model.addAttribute("form", new KeyForm("", "write"));
        }
        return page(me, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, RedirectAttributes flash) {
        apiKeys.revoke(me, ApiKeyId.parse(id));
        flash.addFlashAttribute("notice", "apiKeys.revoked");
        return "redirect:/admin/api-keys";
    }

    private String page(StaffPrincipal me, Model model) {
        model.addAttribute("keys", apiKeys.list(me.workspaceId()));
        return "workspace/api-keys";
    }
}
