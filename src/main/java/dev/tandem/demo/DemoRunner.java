package dev.tandem.demo;

import dev.tandem.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code TANDEM_DEMO=true} or {@code --demo}, fills a Tandem that nobody has set up yet with the
 * demo workspace, before any other first-run setup.
 */
@Component
@Order(0)
class DemoRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

    private final boolean enabled;
    private final Workspaces workspaces;
    private final DemoSeeder seeder;

    DemoRunner(@Value("${tandem.demo:false}") boolean enabled, Workspaces workspaces, DemoSeeder seeder) {
        this.enabled = enabled;
        this.workspaces = workspaces;
        this.seeder = seeder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled && !args.containsOption("demo")) {
            return;
        }
        if (workspaces.isSetUp()) {
            log.info("Demo skipped: this Tandem already has a workspace");
            return;
        }
        long started = System.nanoTime();
        DemoSeeder.Seeded seeded;
        try {
            seeded = seeder.seed();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Demo seeding failed (" + e.getMessage() + "); if the workspace"
                    + " \"" + DemoSeeder.WORKSPACE + "\" was made, start again on an empty data directory", e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Demo workspace \"{}\" seeded in {} ms: {} partners, {} clicks, {} events, {} payouts paid",
                DemoSeeder.WORKSPACE, millis, seeded.partners(), seeded.clicks(), seeded.events(), seeded.payouts());
        log.info("Demo sign-in at /login: email {} password {}", DemoSeeder.OWNER_EMAIL, DemoSeeder.OWNER_PASSWORD);
    }
}
