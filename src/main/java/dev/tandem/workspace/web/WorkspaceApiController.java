package dev.tandem.workspace.web;

import java.time.Instant;

import dev.tandem.workspace.ApiKeyPrincipal;
import dev.tandem.workspace.Workspace;
import dev.tandem.workspace.Workspaces;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import io.swagger.v3.oas.annotations.Operation;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/workspace}: the workspace the calling key belongs to. */
@RestController
@Tag(name = "Workspace")
class WorkspaceApiController {

    private final Workspaces workspaces;

    WorkspaceApiController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    record WorkspaceResponse(String id, String name, String defaultLanguage, Instant createdAt) {
        static WorkspaceResponse of(Workspace workspace) {
            return new WorkspaceResponse(workspace.id().toString(), workspace.name(), workspace.defaultLanguage().tag(),
                    workspace.createdAt());
        }
    }

    record UpdateWorkspace(
            @Size(min = 1, max = 100, message = "must be 1 to 100 characters") String name,
            @Pattern(regexp = "en|es|pt|it|nb", message = "must be one of en, es, pt, it, nb") String defaultLanguage) {
    }

    @PatchMapping("/api/v1/workspace")
    @Operation(summary = "Rename the workspace or change its default language")
    WorkspaceResponse update(@AuthenticationPrincipal ApiKeyPrincipal key, @Valid @RequestBody UpdateWorkspace body) {
        Workspace current = workspaces.get(key.workspaceId());
        String name = body.name() == null ? current.name() : body.name();
        if (name.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        Language language = body.defaultLanguage() == null ? current.defaultLanguage()
                : Language.fromTag(body.defaultLanguage()).orElseThrow();
        workspaces.update(key.workspaceId(), key.asActor(), name, language);
        return WorkspaceResponse.of(workspaces.get(key.workspaceId()));
    }

    @GetMapping("/api/v1/workspace")
    @Operation(summary = "The workspace of the calling API key")
    WorkspaceResponse workspace(@AuthenticationPrincipal ApiKeyPrincipal key) {
        return WorkspaceResponse.of(workspaces.get(key.workspaceId()));
    }
}
