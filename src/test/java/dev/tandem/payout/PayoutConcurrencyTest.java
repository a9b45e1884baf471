package dev.tandem.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tandem.commission.Commission;
import dev.tandem.commission.CommissionTestBase;
import dev.tandem.core.Ids;
import dev.tandem.core.Money;
import dev.tandem.payout.internal.PayoutRepository;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people (or a person and the scheduler) starting a run of the same program at the same moment
 * must not pay anyone twice: one run makes the payouts, the other finds nothing left, and no
 * commission is in two live payouts. Underneath, a commission one transaction claimed cannot be
 * claimed by another that was waiting for it.
 */
class PayoutConcurrencyTest extends CommissionTestBase {

    @Autowired
    PayoutRuns payoutRuns;

    @Autowired
    PayoutRepository payoutRows;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** What one of the racing starts came to: the run it made, or the conflict it was refused with. */
    record Outcome(PayoutRuns.RunResult run, PayoutConflict refused) {
    }

    @Test
    void twoRunsStartedAtOnceMakeOneSetOfPayouts() throws Exception {
        start("Racing runs");
        List<ProgramFixtures.Member> paid = new ArrayList<>();
        for (String name : List.of("Ana Race", "Bo Race", "Cy Race")) {
            ProgramFixtures.Member m = programs.approvedPartner(setup, name);
            payoutMethod(m, "{\"type\": \"manual\"}");
            paid.add(m);
        }
        ProgramFixtures.Member held = programs.approvedPartner(setup, "Di Nodetails");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        for (ProgramFixtures.Member m : paid) {
            sale(m, "cus_1_" + m.partner().name().charAt(0), 20_000, days(1));
            sale(m, "cus_2_" + m.partner().name().charAt(0), 30_000, days(2));
        }
        sale(held, "cus_held", 40_000, days(2));
        later(Duration.ofDays(16));

        List<Outcome> outcomes = race(() -> {
            try {
                return new Outcome(payoutRuns.start(setup.workspace(), Actor.system(), setup.program().id(), null,
                        false), null);
            } catch (PayoutConflict refused) {
                return new Outcome(null, refused);
            }
        });

        List<Outcome> made = outcomes.stream().filter(o -> o.run() != null && !o.run().payouts().isEmpty()).toList();
        assertThat(made).as("exactly one run made payouts").hasSize(1);
        assertThat(made.get(0).run().payouts()).hasSize(paid.size());
        Outcome other = outcomes.stream().filter(o -> o != made.get(0)).findFirst().orElseThrow();
        if (other.refused() != null) {
            assertThat(other.refused().getMessage()).contains("nothing to pay");
        } else {
            assertThat(other.run().payouts()).as("the second run found nothing left to pay").isEmpty();
            assertThat(other.run().held()).extracting(HeldBalance::partnerId).containsExactly(held.partner().id());
        }

        WorkspaceId ws = setup.workspace();
        assertThat(jdbc.sql("select count(*) from payout where workspace_id = ? and program_id = ?")
                .params(ws.value(), setup.program().id().value()).query(Long.class).single())
                .as("one payout per partner with a payable balance").isEqualTo(paid.size());
        assertThat(jdbc.sql("select i.commission_id from payout_item i join payout p on p.workspace_id = i.workspace_id"
                        + " and p.id = i.payout_id where i.workspace_id = ? and p.status <> 'failed'"
                        + " group by i.commission_id having count(*) > 1")
                .param(ws.value()).query(UUID.class).list()).as("no commission in two live payouts").isEmpty();
        assertThat(jdbc.sql("select count(*) from payout_item where workspace_id = ?").param(ws.value())
                .query(Long.class).single()).as("every approved commission of a payable partner, once")
                .isEqualTo(2L * paid.size());
        assertThat(jdbc.sql("select count(*) from commission where workspace_id = ? and program_id = ?"
                        + " and status = 'approved' and payout_id is null and partner_id <> ?")
                .params(ws.value(), setup.program().id().value(), held.partner().id().value())
                .query(Long.class).single()).as("nothing payable left behind").isZero();
        assertBooksBalance();
    }

    @Test
    void aCommissionClaimedByOneTransactionIsNotClaimedByAnotherWaitingForIt() throws Exception {
        start("Racing claims");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Claimed");
        payoutMethod(ana, "{\"type\": \"manual\"}");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(ana, "cus_claim", 20_000, days(1));
        later(Duration.ofDays(16));
        PayoutId first = draftPayout(ana);
        PayoutId second = draftPayout(ana);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        Currency eur = Currency.getInstance("EUR");
        Instant cutoff = clock.instant();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Commission>> byFirst = threads.submit(() -> tx.execute(s -> {
                List<Commission> got = commissions.claim(setup.workspace(), setup.program().id(), ana.partner().id(),
                        eur, cutoff, first.value());
                claimed.countDown();
                await(commit);
                return got;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
            // the second update waits on the row the first holds, then sees it taken
            Future<List<Commission>> bySecond = threads.submit(() -> tx.execute(s -> commissions.claim(
                    setup.workspace(), setup.program().id(), ana.partner().id(), eur, cutoff, second.value())));
            Thread.sleep(500);
            assertThat(bySecond.isDone()).as("the second claim waits for the first transaction").isFalse();
            commit.countDown();

            assertThat(byFirst.get(30, TimeUnit.SECONDS)).hasSize(1);
            assertThat(bySecond.get(30, TimeUnit.SECONDS)).as("nothing left to claim").isEmpty();
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("select payout_id from commission where workspace_id = ? and partner_id = ?")
                .params(setup.workspace().value(), ana.partner().id().value()).query(UUID.class).list())
                .containsExactly(first.value());
    }

    /** Runs the same work on two threads released at the same moment. */
    private static <T> List<T> race(Callable<T> work) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    await(go);
                    return work.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** An empty draft payout to the partner, for a claim to point at. */
    private PayoutId draftPayout(ProgramFixtures.Member partner) {
        Instant now = clock.instant();
        PayoutRun run = new PayoutRun(setup.workspace(), new PayoutRunId(Ids.newId()), setup.program().id(), null, now,
                false, "test", now);
        payoutRows.insertRun(run);
        PayoutId id = new PayoutId(Ids.newId());
        payoutRows.insert(new Payout(setup.workspace(), id, run.id(), setup.program().id(), partner.partner().id(),
                Money.of(2_000, "EUR"), PayoutMethod.MANUAL, "Manual", PayoutStatus.DRAFT, "", "", null, null, null,
                null, now, now));
        return id;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("nobody let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
