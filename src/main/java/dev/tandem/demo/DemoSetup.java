package dev.tandem.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.partner.AgreementAcceptances;
import dev.tandem.partner.Applications;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Invitations;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.Partners;
import dev.tandem.partner.PayoutDetails;
import dev.tandem.partner.PayoutDetailsInput;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.Agreements;
import dev.tandem.program.CommissionPlans;
import dev.tandem.program.PlanInput;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramType;
import dev.tandem.program.Programs;
import dev.tandem.program.Tier;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/** The demo's programs (tiers, plans, agreement) and its partners, made through the program and partner services. */
@Component
class DemoSetup {

    static final String PARTNERS_PROGRAM = "Northwind Partners";
    static final String AFFILIATES_PROGRAM = "Northwind Affiliates";

    private static final String AGREEMENT = """
            ## What each side provides

            Northwind provides the software, a partner manager and sales material; the partner introduces
            businesses that need invoicing and inventory software.

            ## Commission terms

            20% of every sale and renewal (25% in the Gold tier), payable once the 14-day refund window is over.

            ## How you may promote

            Your own website, newsletters, events and social media, with your referral link or code.

            ## How you may not promote

            No paid search on the Northwind brand, no coupon sites, no spam.
            """;

    private final Programs programs;
    private final CommissionPlans plans;
    private final Agreements agreements;
    private final Applications applications;
    private final Partners partners;
    private final Invitations invitations;
    private final AgreementAcceptances acceptances;
    private final PayoutDetails payoutDetails;

    DemoSetup(Programs programs, CommissionPlans plans, Agreements agreements, Applications applications,
            Partners partners, Invitations invitations, AgreementAcceptances acceptances, PayoutDetails payoutDetails) {
        this.programs = programs;
        this.plans = plans;
        this.agreements = agreements;
        this.applications = applications;
        this.partners = partners;
        this.invitations = invitations;
        this.acceptances = acceptances;
        this.payoutDetails = payoutDetails;
    }

    /** A partner approved in a program, ready to refer. */
    record Member(Partner partner, Program program) {
    }

    /** The two programs and who is approved in each. */
    record Built(Program partnersProgram, Program affiliatesProgram, List<Member> referrers, List<Member> affiliates) {
    }

    /** The programs as they stand before any partner joins. */
    record Launched(Program partnersProgram, Tier gold, AgreementVersion agreement, Program affiliatesProgram) {
    }

    Launched programs(WorkspaceId workspace, Actor by, Instant now) {
        // plans pay for events from 100 days back, so the activity of the last 90 days earns
        Instant since = now.minus(Duration.ofDays(100));
        Program b2b = programs.create(workspace, by, new Programs.Settings(PARTNERS_PROGRAM, ProgramType.REFERRAL,
                "Introduce businesses to Northwind's invoicing and inventory software and earn 20% of every sale.",
                "EUR", "https://northwind.example/", List.of("shop.northwind.example"), null, 60,
                "20% of every sale and renewal; 25% for Gold partners", "northwind-partners"));
        Tier standard = programs.defaultTier(workspace, b2b.id());
        standard = programs.updateTier(workspace, by, b2b.id(), standard.id(), "Standard", "Your first customers",
                "Partner portal, sales material");
        Tier gold = programs.addTier(workspace, by, b2b.id(), "Gold", "10 customers a year",
                "25% commission, a dedicated partner manager, co-marketing");
        plans.publish(workspace, by, b2b.id(), percentPlan(standard.id().toString(), since, "20"));
        plans.publish(workspace, by, b2b.id(), percentPlan(gold.id().toString(), since, "25"));
        AgreementVersion agreement = agreements.publish(workspace, by, b2b.id(), null, "Northwind Partner Agreement",
                AGREEMENT);

        Program affiliate = programs.create(workspace, by, new Programs.Settings(AFFILIATES_PROGRAM,
                ProgramType.AFFILIATE, "Recommend Northwind to your audience and earn 10% of every sale.", "USD",
                "https://northwind.example/pricing", List.of(), null, 30, "10% of every sale", "northwind-affiliates"));
        Tier creators = programs.defaultTier(workspace, affiliate.id());
        programs.updateTier(workspace, by, affiliate.id(), creators.id(), "Creators", "", "10% of every sale");
        plans.publish(workspace, by, affiliate.id(), percentPlan(null, since, "10"));
        return new Launched(b2b, gold, agreement, affiliate);
    }

    /** The partners: applications decided, agreements accepted, payout details given, affiliates enrolled. */
    Built partners(WorkspaceId workspace, Actor by, Launched launched) {
        Program b2b = launched.partnersProgram();
        Program affiliate = launched.affiliatesProgram();
        Tier gold = launched.gold();
        AgreementVersion agreement = launched.agreement();
        List<Member> referrers = new ArrayList<>();
        List<Member> affiliates = new ArrayList<>();
        int n = 0;
        for (DemoPeople.Person person : DemoPeople.ALL) {
            n++;
            if (person.status() == EnrollmentStatus.INVITED) {
                invitations.invite(workspace, by, b2b.id(), person.email(), person.name(), null, person.language());
                continue;
            }
            Applications.Submitted applied = applications.submit(b2b, submission(person),
                    new Applications.Origin("203.0.113." + n, "Mozilla/5.0 (demo)", person.language(), null));
            Enrollment enrollment = decide(workspace, by, person, applied.enrollment(), gold);
            Partner partner = partners.get(workspace, enrollment.partnerId());
            if (person.accepts()) {
                acceptances.accept(PartnerPrincipal.of(partner), enrollment.id(), agreement.id(), "198.51.100." + n,
                        "Mozilla/5.0 (demo)");
            }
            payoutDetails(workspace, by, person, partner, n);
            if (person.status() == EnrollmentStatus.SUSPENDED || person.status() == EnrollmentStatus.BANNED) {
                // they were partners first: approved, agreement accepted, then stopped
                enrollment = applications.changeStatus(workspace, by, enrollment.id(), person.status(),
                        person.status() == EnrollmentStatus.BANNED ? "bought ads on the Northwind brand after a warning"
                                : "paused while we look into several refunds");
            }
            if (person.status() == EnrollmentStatus.APPROVED) {
                referrers.add(new Member(partner, b2b));
            }
            if (person.affiliate()) {
                partners.enroll(workspace, by, affiliate.id(), partner.id(), null,
                        EnrollmentStatus.APPROVED, "joined the affiliate program");
                affiliates.add(new Member(partner, affiliate));
            }
        }
        return new Built(b2b, affiliate, referrers, affiliates);
    }

    private Enrollment decide(WorkspaceId workspace, Actor by, DemoPeople.Person person, Enrollment pending, Tier gold) {
        return switch (person.status()) {
            case PENDING -> pending;
            case REJECTED -> applications.reject(workspace, by, pending.id(),
                    "We work with partners who advise businesses; coupon and cashback sites are not a fit.");
            default -> applications.approve(workspace, by, pending.id(), person.gold() ? gold.id() : null,
                    person.gold() ? "long-standing reseller: straight into Gold" : "good fit");
        };
    }

    private void payoutDetails(WorkspaceId workspace, Actor by, DemoPeople.Person person, Partner partner, int n) {
        PayoutDetailsInput input = switch (person.payout()) {
            case SEPA -> new PayoutDetailsInput.Sepa(person.name(), DemoPeople.iban(person.country(), n), null);
            case PAYPAL -> new PayoutDetailsInput.PayPal(person.email());
            case MANUAL -> new PayoutDetailsInput.Manual();
            case NONE -> null;
        };
        if (input != null) {
            payoutDetails.save(workspace, by, partner.id(), input);
        }
    }

    private static Applications.Submission submission(DemoPeople.Person p) {
        return new Applications.Submission(p.name(), p.email(), "", p.company(),
                "https://" + p.email().substring(p.email().indexOf('@') + 1), "We advise " + p.industry()
                        + " clients on their software and would introduce Northwind to them.",
                List.of("A client of ours, " + p.company() + " works with them"), p.industry(), "2-10", "small businesses",
                p.country(), Map.of(), true);
    }

    private static PlanInput percentPlan(String tierId, Instant since, String percent) {
        PlanInput.RewardInput reward = new PlanInput.RewardInput("percentage", null, null, percent, null);
        return new PlanInput(tierId, since, 14, "highest", List.of(
                new PlanInput.RuleInput("sale", reward, null, null, null, "cash"),
                new PlanInput.RuleInput("recurring_sale", reward, null, null, null, "cash")), List.of(), "");
    }

}
