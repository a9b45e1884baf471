package dev.tandem.payout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tandem.core.AtRestCipher;
import dev.tandem.core.BankAccounts;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.payout.documents.SelfBillingRules;
import dev.tandem.payout.internal.SettingsRepository;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What payouts need besides commissions: the business's own account (the SEPA debtor, the
 * customer on self-billing invoices, the Stripe key Connect transfers are made with), each
 * program's schedule, cut-off, minimums and approval rule, and each partner's billing details.
 */
@Service
public class PayoutSettings {

    /** Scheduled runs start at this time of day (UTC) on their day. */
    static final LocalTime RUN_TIME = LocalTime.of(6, 0);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern STRIPE_KEY = Pattern.compile("(sk|rk)_(live|test)_[A-Za-z0-9]{10,250}");

    private final SettingsRepository repository;
    private final Programs programs;
    private final Partners partners;
    private final AtRestCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    PayoutSettings(SettingsRepository repository, Programs programs, Partners partners, AtRestCipher cipher,
            AuditLog audit, Clock clock) {
        this.repository = repository;
        this.programs = programs;
        this.partners = partners;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** How often a program pays by itself; manual: only when someone starts a run. */
    public enum Frequency {
        MANUAL, WEEKLY, TWICE_MONTHLY, MONTHLY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Frequency fromCode(String code) {
            return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst().orElseThrow();
        }

        static Optional<Frequency> parse(String code) {
            return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
        }
    }

    /** The business's side. {@code stripeKeyHint}: the key's last characters, or "" when none is set. */
    public record BusinessAccount(String name, String iban, String bic, String address, String country, String vatId,
            String stripeKeyHint) {

        public static BusinessAccount empty() {
            return new BusinessAccount("", "", "", "", "", "", "");
        }

        public boolean canPaySepa() {
            return !name.isEmpty() && !iban.isEmpty();
        }
    }

    /**
     * A program's payout settings. {@code day}: the weekday (1 Monday … 7 Sunday) for weekly runs, the
     * day of the month (1–28) for monthly ones; twice a month runs on the 1st and the 16th.
     * {@code cutoffDays}: a run pays commissions approved at least this many days before it.
     */
    public record Schedule(Frequency frequency, int day, int cutoffDays, boolean requireApproval, Instant nextRunAt,
            Map<Currency, Money> minimums) {

        public static Schedule manual() {
            return new Schedule(Frequency.MANUAL, 1, 0, true, null, Map.of());
        }

        public Money minimum(Currency currency) {
            return minimums.getOrDefault(currency, Money.zero(currency));
        }
    }

    /** What a self-billing invoice says of the partner; {@code vatId} empty for a person or a business without one. */
    public record Billing(String legalName, String address, String country, String vatId) {
    }

    public BusinessAccount account(WorkspaceId workspace) {
        return repository.account(workspace).map(SettingsRepository.StoredAccount::account)
                .orElse(BusinessAccount.empty());
    }

    /**
     * Replaces the business's account and invoicing details (not the Stripe key).
     *
     * @throws InvalidInputException naming each field: IBAN checksum, BIC form, country code, VAT id form
     */
    @Transactional
    public BusinessAccount saveAccount(WorkspaceId workspace, Actor by, BusinessAccount input) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = required(problems, "name", input.name(), 70);
        String iban = BankAccounts.compact(input.iban());
        if (!iban.isEmpty()) {
            BankAccounts.ibanProblem("iban", iban).ifPresent(problems::add);
        }
        String bic = BankAccounts.compact(input.bic());
        BankAccounts.bicProblem("bic", bic).ifPresent(problems::add);
        String address = text(input.address());
        if (address.length() > 500) {
            problems.add(new FieldProblem("address", "is too long (500 characters at most)", "validation.tooLong"));
        }
        String country = country(problems, "country", input.country(), false);
        String vatId = vatId(problems, "vatId", input.vatId(), country);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BusinessAccount clean = new BusinessAccount(name, iban, bic, address, country, vatId, "");
        repository.saveAccount(workspace, clean, clock.instant());
        audit.record(workspace, by, "payout_account.updated", null, Map.of("name", name,
                "iban", iban.length() < 8 ? iban : iban.substring(0, 4) + "…" + iban.substring(iban.length() - 4)));
        return account(workspace);
    }

    /**
     * Stores the Stripe secret (or restricted) key Connect transfers are made with, encrypted.
     *
     * @throws InvalidInputException naming {@code stripeKey} when it is not a Stripe secret key
     */
    @Transactional
    public BusinessAccount saveStripeKey(WorkspaceId workspace, Actor by, String key) {
        String clean = text(key);
        if (!STRIPE_KEY.matcher(clean).matches()) {
            throw InvalidInputException.of("stripeKey", "payout.error.stripeKey",
                    "must be a Stripe secret key (sk_live_… or sk_test_…) or restricted key (rk_…), copied whole");
        }
        String hint = clean.substring(0, 8) + "…" + clean.substring(clean.length() - 4);
        repository.saveStripeKey(workspace, cipher.encrypt(clean.getBytes(StandardCharsets.UTF_8),
                stripeKeyContext(workspace)), hint, clock.instant());
        audit.record(workspace, by, "payout_account.stripe_key_set", null, Map.of("key", hint));
        return account(workspace);
    }

    /** The Stripe key in clear, for making transfers, never for showing. */
    Optional<String> stripeKey(WorkspaceId workspace) {
        return repository.account(workspace).filter(a -> a.stripeKeySealed() != null)
                .map(a -> new String(cipher.decrypt(a.stripeKeySealed(), stripeKeyContext(workspace)),
                        StandardCharsets.UTF_8));
    }

    public Schedule schedule(WorkspaceId workspace, ProgramId program) {
        programs.get(workspace, program);
        return repository.schedule(workspace, program).orElse(Schedule.manual());
    }

    /**
     * Replaces a program's payout settings and works out the next scheduled run.
     *
     * @param minimums minimum payout per currency code, in minor units
     * @throws InvalidInputException naming each field
     */
    @Transactional
    public Schedule saveSchedule(WorkspaceId workspace, Actor by, ProgramId program, String frequency, Integer day,
            Integer cutoffDays, Boolean requireApproval, Map<String, Long> minimums) {
        programs.get(workspace, program);
        List<FieldProblem> problems = new ArrayList<>();
        Frequency f = Frequency.parse(text(frequency)).orElse(null);
        if (f == null) {
            problems.add(new FieldProblem("frequency", "must be one of manual, weekly, twice_monthly, monthly",
                    "payout.error.frequency"));
        }
        int d = day == null ? 1 : day;
        if (f == Frequency.WEEKLY && (d < 1 || d > 7)) {
            problems.add(new FieldProblem("day", "must be a weekday from 1 (Monday) to 7 (Sunday)", "payout.error.weekday"));
        } else if (f == Frequency.MONTHLY && (d < 1 || d > 28)) {
            problems.add(new FieldProblem("day", "must be a day of the month from 1 to 28", "payout.error.monthDay"));
        }
        int cutoff = cutoffDays == null ? 0 : cutoffDays;
        if (cutoff < 0 || cutoff > 90) {
            problems.add(new FieldProblem("cutoffDays", "must be from 0 to 90 days", "payout.error.cutoff"));
        }
        Map<Currency, Money> mins = new LinkedHashMap<>();
        if (minimums != null) {
            minimums.forEach((code, amount) -> {
                Optional<Currency> c = Money.currency(code == null ? "" : code.trim());
                if (c.isEmpty()) {
                    problems.add(new FieldProblem("minimums." + code, "is not an ISO 4217 currency code",
                            "payout.error.currency"));
                } else if (amount == null || amount < 0) {
                    problems.add(new FieldProblem("minimums." + code, "must be zero or more (in minor units)",
                            "payout.error.minimum"));
                } else if (amount > 0) {
                    mins.put(c.get(), new Money(amount, c.get()));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (f == Frequency.TWICE_MONTHLY || f == Frequency.MANUAL) {
            d = 1;
        }
        Schedule s = new Schedule(f, d, cutoff, requireApproval == null || requireApproval, null, mins);
        s = new Schedule(f, d, cutoff, s.requireApproval(), nextRun(s, clock.instant()), mins);
        repository.saveSchedule(workspace, program, s, clock.instant());
        audit.record(workspace, by, "payout_schedule.updated", program.toString(), Map.of("frequency", f.code(),
                "day", d, "cutoffDays", cutoff, "requireApproval", s.requireApproval()));
        return s;
    }

    /**
     * The first run time of the schedule strictly after {@code after}; null for manual payouts.
     * Public for the scheduler, which moves a program's next run on after starting one.
     */
    public static Instant nextRun(Schedule s, Instant after) {
        LocalDate today = after.atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate date = today; date.isBefore(today.plusDays(63)); date = date.plusDays(1)) {
            boolean runs = switch (s.frequency()) {
                case MANUAL -> false;
                case WEEKLY -> date.getDayOfWeek() == DayOfWeek.of(s.day());
                case TWICE_MONTHLY -> date.getDayOfMonth() == 1 || date.getDayOfMonth() == 16;
                case MONTHLY -> date.getDayOfMonth() == s.day();
            };
            Instant at = date.atTime(RUN_TIME).toInstant(ZoneOffset.UTC);
            if (runs && at.isAfter(after)) {
                return at;
            }
        }
        return s.frequency() == Frequency.MANUAL ? null
                : today.with(TemporalAdjusters.firstDayOfNextMonth()).atTime(RUN_TIME).toInstant(ZoneOffset.UTC);
    }

    public Optional<Billing> billing(WorkspaceId workspace, PartnerId partner) {
        return repository.billing(workspace, partner);
    }

    /**
     * Replaces what invoices say of the partner.
     *
     * @throws InvalidInputException naming each field: legal name, country code, VAT id form
     */
    @Transactional
    public Billing saveBilling(WorkspaceId workspace, Actor by, PartnerId partner, Billing input) {
        partners.get(workspace, partner);
        List<FieldProblem> problems = new ArrayList<>();
        String name = required(problems, "legalName", input.legalName(), 140);
        String address = text(input.address());
        if (address.length() > 500) {
            problems.add(new FieldProblem("address", "is too long (500 characters at most)", "validation.tooLong"));
        }
        String country = country(problems, "country", input.country(), true);
        String vatId = vatId(problems, "vatId", input.vatId(), country);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Billing clean = new Billing(name, address, country, vatId);
        repository.saveBilling(workspace, partner, clean, clock.instant());
        audit.record(workspace, by, "partner_billing.updated", partner.toString(), Map.of("country", country,
                "vatId", vatId));
        return clean;
    }

    private static String required(List<FieldProblem> problems, String field, String value, int max) {
        String clean = text(value).replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            problems.add(new FieldProblem(field, "is required", "validation.required"));
        } else if (clean.length() > max) {
            problems.add(new FieldProblem(field, "is too long (" + max + " characters at most)", "validation.tooLong"));
        }
        return clean;
    }

    private static String country(List<FieldProblem> problems, String field, String value, boolean required) {
        String clean = text(value).toUpperCase(Locale.ROOT);
        if (clean.isEmpty() && !required) {
            return clean;
        }
        if (!COUNTRY.matcher(clean).matches() || !Arrays.asList(Locale.getISOCountries()).contains(clean)) {
            problems.add(new FieldProblem(field, "must be a two-letter ISO 3166 country code such as ES or NO",
                    "payout.error.country"));
        }
        return clean;
    }

    private static String vatId(List<FieldProblem> problems, String field, String value, String country) {
        String clean = text(value).replaceAll("[\\s.-]+", "").toUpperCase(Locale.ROOT);
        String problem = clean.isEmpty() ? null : SelfBillingRules.vatIdProblem(country, clean);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem, "payout.error.vatId"));
        }
        return clean;
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static String stripeKeyContext(WorkspaceId workspace) {
        return "payout-stripe-key:" + workspace.value();
    }
}
