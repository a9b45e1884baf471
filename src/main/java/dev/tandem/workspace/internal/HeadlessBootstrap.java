package dev.tandem.workspace.internal;

import dev.tandem.workspace.Actor;
import dev.tandem.workspace.ApiKeys;
import dev.tandem.workspace.RuleViolation;
import dev.tandem.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * For automated deployments and tests: with TANDEM_BOOTSTRAP_EMAIL and _PASSWORD set, the first
 * start creates the workspace, its owner and (with TANDEM_BOOTSTRAP_API_KEY) that API key, exactly
 * once. Once an owner exists, later starts leave everything alone.
 */
@Component
public class HeadlessBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HeadlessBootstrap.class);

    private final Settings settings;
    private final Workspaces workspaces;
    private final ApiKeys apiKeys;

    HeadlessBootstrap(Settings settings, Workspaces workspaces, ApiKeys apiKeys) {
        this.settings = settings;
        this.workspaces = workspaces;
        this.apiKeys = apiKeys;
    }

    @ConfigurationProperties("tandem.bootstrap")
    record Settings(String email, String password, String workspace, String apiKey) {
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrap(settings);
    }

    /** Returns whether anything was created. */
    @Transactional
    public boolean bootstrap(Settings settings) {
        if (settings.email() == null || settings.email().isBlank()) {
            return false;
        }
        if (settings.apiKey() != null && !settings.apiKey().isBlank() && !ApiKeys.wellFormed(settings.apiKey())) {
            throw new IllegalStateException(
                    "TANDEM_BOOTSTRAP_API_KEY must be tnd_sk_ followed by at least 32 letters and digits");
        }
        if (workspaces.isSetUp()) {
            log.info("Bootstrap skipped: Tandem already has an owner");
            return false;
        }
        String name = settings.workspace() == null || settings.workspace().isBlank() ? "My workspace" : settings.workspace();
        Workspaces.Created created;
        try {
            created = workspaces.setUp(
                    new Workspaces.NewWorkspace(name, settings.email(), settings.email(), settings.password(), null));
        } catch (Workspaces.AlreadySetUp raced) {
            log.info("Bootstrap skipped: another node set Tandem up first");
            return false;
        } catch (RuleViolation invalid) {
            throw new IllegalStateException("Bootstrap refused: " + invalid.field() + ": " + invalid.getMessage());
        }
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            apiKeys.createWithSecret(created.workspaceId(), Actor.system(), "Bootstrap key", settings.apiKey());
        }
        log.info("Bootstrapped workspace {} with owner {}", created.workspaceId(), settings.email());
        return true;
    }
}
