package dev.tandem.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.tandem.commission.CommissionId;
import dev.tandem.commission.CommissionStatus;
import dev.tandem.commission.Commissions;
import dev.tandem.core.Language;
import dev.tandem.payout.Payout;
import dev.tandem.payout.PayoutRuns;
import dev.tandem.payout.PayoutSettings;
import dev.tandem.tracking.Link;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import dev.tandem.workspace.Workspaces;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the demo workspace in one go: the owner and workspace, the programs and partners, links and
 * clicks, customers and their sales, commissions in every status, and one payout run paid.
 */
@Component
class DemoSeeder {

    static final String OWNER_EMAIL = "demo@tandem.test";
    static final String OWNER_PASSWORD = "demo-password-1";
    static final String WORKSPACE = "Northwind Demo";
    private static final long SEED = 20_260_101L;
    private static final int CLICKS = 3_000;

    private final Workspaces workspaces;
    private final DemoSetup setup;
    private final DemoTraffic traffic;
    private final DemoSales sales;
    private final Commissions commissions;
    private final PayoutSettings payoutSettings;
    private final PayoutRuns payoutRuns;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    DemoSeeder(Workspaces workspaces, DemoSetup setup, DemoTraffic traffic, DemoSales sales, Commissions commissions,
            PayoutSettings payoutSettings, PayoutRuns payoutRuns, Clock clock, PlatformTransactionManager transactions,
            JdbcTemplate jdbc) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.setup = setup;
        this.traffic = traffic;
        this.sales = sales;
        this.commissions = commissions;
        this.payoutSettings = payoutSettings;
        this.payoutRuns = payoutRuns;
        this.clock = clock;
    }

    /** What was made, for the log. */
    record Seeded(int partners, int clicks, int events, int payouts) {
    }

    /**
     * Two transactions: the workspace and its programs first, so that the agreement's publication is
     * handled (it asks the partners approved at that moment to accept it: none yet) before partners
     * join and accept it; then everything else, all of it or nothing.
     */
    Seeded seed() {
        Instant now = clock.instant();
        record Started(WorkspaceId workspace, Actor owner, DemoSetup.Launched launched) {
        }
        Started started = transaction.execute(status -> {
            Workspaces.Created created = workspaces.setUp(new Workspaces.NewWorkspace(WORKSPACE, "Dana Demo",
                    OWNER_EMAIL, OWNER_PASSWORD, Language.EN));
            Actor owner = new Actor(Actor.Kind.STAFF, created.ownerId().value(), "Dana Demo");
            return new Started(created.workspaceId(), owner, setup.programs(created.workspaceId(), owner, now));
        });
        awaitAgreementNotices();
        return transaction.execute(status -> seed(started.workspace(), started.owner(), started.launched(), now));
    }

    // the publication's listener runs after the commit, on another thread; a few milliseconds, 10 s at most
    private void awaitAgreementNotices() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && jdbc.queryForObject("select count(*) from event_publication"
                + " where completion_date is null and event_type like '%.AgreementPublished'", Long.class) > 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Seeded seed(WorkspaceId workspace, Actor owner, DemoSetup.Launched launched, Instant now) {
        Random random = new Random(SEED);
        DemoSetup.Built built = setup.partners(workspace, owner, launched);
        List<DemoSetup.Member> members = new ArrayList<>(built.referrers());
        members.addAll(built.affiliates());
        List<Link> links = traffic.links(workspace, owner, members);
        Map<DemoSetup.Member, Link> defaults = new LinkedHashMap<>();
        for (DemoSetup.Member m : members) {
            defaults.put(m, links.stream().filter(l -> l.isDefault() && l.partnerId().equals(m.partner().id())
                    && l.programId().equals(m.program().id())).findFirst().orElseThrow());
        }
        List<DemoTraffic.Click> clicks = new ArrayList<>(traffic.clicks(workspace, links, CLICKS, now, random));
        DemoSales.Activity activity = sales.referrals(workspace, owner, members, defaults, traffic, now, random);
        clicks.addAll(activity.leadClicks());
        traffic.write(workspace, clicks, random);

        int payouts = settle(workspace, owner, built, activity.earned(), now);
        return new Seeded(DemoPeople.ALL.size(), clicks.size(), activity.events(), payouts);
    }

    /**
     * Moves the commissions on as a manager would have over three months: the older ones approved by
     * hand (the 14-day hold would otherwise be waited out) and paid in one run, the month before approved
     * and waiting for the next run, a few recent ones held or rejected, the rest pending.
     */
    private int settle(WorkspaceId workspace, Actor owner, DemoSetup.Built built, List<DemoSales.Earned> earned,
            Instant now) {
        List<CommissionId> old = new ArrayList<>();
        List<CommissionId> recent = new ArrayList<>();
        List<CommissionId> fresh = new ArrayList<>();
        for (DemoSales.Earned e : earned) {
            if (commissions.get(workspace, e.commission().id()).status() != CommissionStatus.PENDING) {
                continue; // reversed by a refund
            }
            Duration age = Duration.between(e.saleAt(), now);
            boolean b2b = e.commission().programId().equals(built.partnersProgram().id());
            if (age.toDays() > 40 && b2b) {
                old.add(e.commission().id());
            } else if (age.toDays() > 14) {
                recent.add(e.commission().id());
            } else {
                fresh.add(e.commission().id());
            }
        }
        commissions.approve(workspace, owner, old, "refund window over");
        payoutSettings.saveAccount(workspace, owner, new PayoutSettings.BusinessAccount("Northwind Trading GmbH",
                "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Hauptstraße 1, 10115 Berlin", "DE", "DE123456789", ""));
        payoutSettings.saveSchedule(workspace, owner, built.partnersProgram().id(), "monthly", 1, 0, true,
                Map.of("EUR", 5_000L));
        PayoutRuns.RunResult run = payoutRuns.start(workspace, owner, built.partnersProgram().id(),
                Currency.getInstance("EUR"), false);
        List<Payout> drafts = run.payouts();
        payoutRuns.approve(workspace, owner, drafts.stream().map(Payout::id).toList());
        int n = 0;
        for (Payout p : drafts) {
            payoutRuns.markPaid(workspace, owner, p.id(), "NW-DEMO-" + (++n));
        }
        commissions.approve(workspace, owner, recent, "refund window over");
        if (fresh.size() >= 4) {
            commissions.hold(workspace, owner, fresh.subList(0, 2), "checking with the customer that the deal is theirs");
            commissions.reject(workspace, owner, fresh.subList(2, 4),
                    "self-referral: the customer is the partner's own company");
        }
        return drafts.size();
    }
}
