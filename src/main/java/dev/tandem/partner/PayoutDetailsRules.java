package dev.tandem.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.tandem.core.BankAccounts;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;

/**
 * The rules payout details must pass before they are stored, and their masked summaries. Bank
 * accounts are checked by {@link BankAccounts}.
 */
final class PayoutDetailsRules {

    private static final Pattern STRIPE_ACCOUNT = Pattern.compile("acct_[A-Za-z0-9]{8,40}");
    private static final String MASK = "••••";

    private PayoutDetailsRules() {
    }

    /** The input cleaned up (upper case, no spaces) if every rule passes; otherwise every problem, by field. */
    static PayoutDetailsInput checked(PayoutDetailsInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        PayoutDetailsInput clean;
        if (input instanceof PayoutDetailsInput.Sepa sepa) {
            clean = sepa(sepa, problems);
        } else if (input instanceof PayoutDetailsInput.PayPal payPal) {
            clean = new PayoutDetailsInput.PayPal(Partners.checkedEmail(payPal.email()));
        } else if (input instanceof PayoutDetailsInput.Stripe stripe) {
            String account = text(stripe.accountId());
            if (account.isEmpty()) {
                problems.add(new FieldProblem("accountId", "is required", "validation.required"));
            } else if (!STRIPE_ACCOUNT.matcher(account).matches()) {
                problems.add(new FieldProblem("accountId", "must be a Stripe account id such as acct_1Nv0FGQ9RKHgCVdK",
                        "portal.payout.error.stripe"));
            }
            clean = new PayoutDetailsInput.Stripe(account);
        } else if (input instanceof PayoutDetailsInput.Manual manual) {
            clean = manual;
        } else {
            problems.add(new FieldProblem("type", "must be one of sepa, paypal, stripe, manual",
                    "portal.payout.error.type"));
            clean = null;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return clean;
    }

    private static PayoutDetailsInput sepa(PayoutDetailsInput.Sepa sepa, List<FieldProblem> problems) {
        String holder = text(sepa.holderName()).replaceAll("\\s+", " ");
        if (holder.isEmpty()) {
            problems.add(new FieldProblem("holderName", "is required", "validation.required"));
        } else if (holder.length() > 70) {
            problems.add(new FieldProblem("holderName", "is too long (70 characters at most)", "validation.tooLong"));
        }
        String iban = BankAccounts.compact(sepa.iban());
        BankAccounts.ibanProblem("iban", iban).ifPresent(problems::add);
        String bic = BankAccounts.compact(sepa.bic());
        BankAccounts.bicProblem("bic", bic).ifPresent(problems::add);
        return new PayoutDetailsInput.Sepa(holder, iban, bic);
    }

    /** What may be shown and stored in clear: enough to recognise the account, never enough to use it. */
    static String summary(PayoutDetailsInput input) {
        if (input instanceof PayoutDetailsInput.Sepa sepa) {
            String iban = BankAccounts.compact(sepa.iban());
            return iban.length() < 8 ? "IBAN " + MASK
                    : "IBAN " + iban.substring(0, 4) + " " + MASK + " " + iban.substring(iban.length() - 4);
        }
        if (input instanceof PayoutDetailsInput.PayPal payPal) {
            String email = text(payPal.email());
            int at = email.indexOf('@');
            return at < 1 ? "PayPal " + MASK : "PayPal " + email.charAt(0) + "•••" + email.substring(at);
        }
        if (input instanceof PayoutDetailsInput.Stripe stripe) {
            String account = text(stripe.accountId());
            return account.length() < 9 ? "Stripe " + MASK
                    : "Stripe acct_" + MASK + account.substring(account.length() - 4);
        }
        return "Manual";
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
