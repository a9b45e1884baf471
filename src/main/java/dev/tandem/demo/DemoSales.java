package dev.tandem.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.tandem.commission.Commission;
import dev.tandem.commission.Commissions;
import dev.tandem.referral.ConversionEvent;
import dev.tandem.referral.EventInput;
import dev.tandem.referral.EventSource;
import dev.tandem.referral.Intake;
import dev.tandem.tracking.Link;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * The demo's customers: leads from clicks, first sales, renewals and a few refunds, all sent through
 * the event intake as an integrator would, so that referrals, commissions and the ledger follow.
 */
@Component
class DemoSales {

    private static final String[] FIRST = {"Alba", "Bruno", "Carla", "Diego", "Eva", "Filipe", "Greta", "Hugo", "Irene",
        "Jonas", "Katja", "Leo", "Marta", "Nils", "Olga", "Paolo", "Rita", "Sven", "Tara", "Ugo"};
    private static final String[] BUSINESS = {"Bakery", "Logistics", "Dental", "Florist", "Studio", "Garage", "Hotel",
        "Pharmacy", "Print Shop", "Brewery", "Bike Shop", "Clinic"};

    private final Intake intake;
    private final Commissions commissions;

    DemoSales(Intake intake, Commissions commissions) {
        this.intake = intake;
        this.commissions = commissions;
    }

    /** A sale's commission with when the sale happened; refunds are looked at separately. */
    record Earned(Commission commission, Instant saleAt) {
    }

    /** What the activity produced: the sales' commissions and how many events were sent. */
    record Activity(List<Earned> earned, List<DemoTraffic.Click> leadClicks, int events) {
    }

    /**
     * For each referrer, a handful of customers: a click, a lead a few hours later, a first sale for most,
     * a renewal a month after for some; every twelfth sale is refunded (every other one in part).
     */
    Activity referrals(WorkspaceId workspace, Actor by, List<DemoSetup.Member> members, Map<DemoSetup.Member, Link> links,
            DemoTraffic traffic, Instant now, Random random) {
        Tally tally = new Tally();
        for (int m = 0; m < members.size(); m++) {
            DemoSetup.Member member = members.get(m);
            int customers = Math.max(2, 9 - m / 3 + random.nextInt(3));
            for (int c = 0; c < customers; c++) {
                customer(workspace, by, member, links.get(member), traffic, now, random, tally);
            }
        }
        return new Activity(tally.earned, tally.clicks, tally.events);
    }

    /** What the customers so far made; the sale count decides which sales are refunded. */
    private static final class Tally {
        final List<Earned> earned = new ArrayList<>();
        final List<DemoTraffic.Click> clicks = new ArrayList<>();
        int customers;
        int events;
        int sales;
    }

    private void customer(WorkspaceId workspace, Actor by, DemoSetup.Member member, Link link, DemoTraffic traffic,
            Instant now, Random random, Tally tally) {
        int n = ++tally.customers;
        Instant clickAt = now.minus(Duration.ofMinutes(random.nextInt(88 * 24 * 60) + 60 * 24 * 2));
        DemoTraffic.Click click = traffic.click(workspace, link, clickAt, random);
        tally.clicks.add(click);
        EventInput.CustomerInput who = customer(n);
        String program = member.program().id().toString();
        String currency = member.program().currency().getCurrencyCode();
        Instant leadAt = clickAt.plus(Duration.ofMinutes(5 + random.nextInt(600)));
        send(workspace, by, new EventInput("lead_" + n, "lead", leadAt, who, click.token(), null,
                member.partner().id().toString(), program, null, null, null, null));
        tally.events++;
        Instant saleAt = leadAt.plus(Duration.ofHours(12 + random.nextInt(24 * 10)));
        if (random.nextInt(10) >= 7 || saleAt.isAfter(now)) {
            return; // a lead that has not bought (yet)
        }
        long amount = currency.equals("EUR") ? 19_000 + 500L * random.nextInt(300) : 4_900 + 100L * random.nextInt(250);
        tally.earned.addAll(sale(workspace, by, member, "sale_" + n, who, saleAt, amount));
        tally.events++;
        tally.sales++;
        if (tally.sales % 12 == 0) {
            long refunded = tally.sales % 24 == 0 ? amount : amount / 2;
            Instant refundAt = saleAt.plus(Duration.ofDays(3)).isAfter(now) ? now : saleAt.plus(Duration.ofDays(3));
            send(workspace, by, new EventInput("refund_" + n, "refund", refundAt, who, null, null, null, program,
                    refunded, currency, "sale_" + n, null));
            tally.events++;
        } else if (random.nextInt(3) == 0 && saleAt.plus(Duration.ofDays(30)).isBefore(now)) {
            tally.earned.addAll(sale(workspace, by, member, "renewal_" + n, who, saleAt.plus(Duration.ofDays(30)), amount));
            tally.events++;
        }
    }

    private List<Earned> sale(WorkspaceId workspace, Actor by, DemoSetup.Member member, String id,
            EventInput.CustomerInput who, Instant at, long amount) {
        ConversionEvent event = send(workspace, by, new EventInput(id, "sale", at, who, null, null,
                member.partner().id().toString(), member.program().id().toString(), amount,
                member.program().currency().getCurrencyCode(), null, Map.of("plan", amount > 100_000 ? "business" : "starter")));
        return commissions.ofEvent(workspace, event.id()).stream().map(c -> new Earned(c, at)).toList();
    }

    private ConversionEvent send(WorkspaceId workspace, Actor by, EventInput input) {
        return intake.record(workspace, by, input, EventSource.API).event();
    }

    private static EventInput.CustomerInput customer(int n) {
        String first = FIRST[n % FIRST.length];
        String business = first + "'s " + BUSINESS[(n * 7) % BUSINESS.length];
        return new EventInput.CustomerInput("cus_demo_" + n, first.toLowerCase() + "." + n + "@customers.example",
                first, business);
    }
}
