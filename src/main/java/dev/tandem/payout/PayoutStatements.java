package dev.tandem.payout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.tandem.commission.Commission;
import dev.tandem.commission.Explanation;
import dev.tandem.core.Language;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.Partner;
import dev.tandem.partner.Partners;
import dev.tandem.payout.documents.Line;
import dev.tandem.payout.documents.Party;
import dev.tandem.payout.documents.PayoutDocuments;
import dev.tandem.payout.documents.SelfBillingInvoice;
import dev.tandem.payout.documents.SelfBillingRules;
import dev.tandem.payout.documents.Statement;
import dev.tandem.program.Programs;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A payout's PDF statement (every commission and clawback it settles, with its explanation) and,
 * for partners who bill as EU businesses, its self-billing invoice, in the reader's language.
 */
@Service
public class PayoutStatements {

    private final PayoutRuns runs;
    private final PayoutSettings settings;
    private final Partners partners;
    private final Programs programs;
    private final MessageSource messages;

    PayoutStatements(PayoutRuns runs, PayoutSettings settings, Partners partners, Programs programs,
            MessageSource messages) {
        this.runs = runs;
        this.settings = settings;
        this.partners = partners;
        this.programs = programs;
        this.messages = messages;
    }

    /** Whether a partner with these billing details gets self-billing invoices: an EU business with a VAT id. */
    public static boolean invoiced(PayoutSettings.Billing billing) {
        return billing != null && SelfBillingRules.euBusiness(billing.country(), billing.vatId());
    }

    public byte[] statement(WorkspaceId workspace, PayoutId id, Language language) {
        return statement(parts(workspace, runs.payout(workspace, id), settings.account(workspace)), language);
    }

    /** The payout's self-billing invoice, once it is paid and numbered; empty for partners who are not invoiced. */
    public Optional<byte[]> invoice(WorkspaceId workspace, PayoutId id, Language language) {
        Payout p = runs.payout(workspace, id);
        return p.invoiceNumber() == null ? Optional.empty()
                : Optional.of(invoice(parts(workspace, p, settings.account(workspace)), language));
    }

    /**
     * Every statement of the run (and every self-billing invoice issued), as one ZIP archive for the
     * business's books; entries named after the payout.
     */
    public byte[] runArchive(WorkspaceId workspace, PayoutRunId run, Language language) {
        PayoutSettings.BusinessAccount account = settings.account(workspace);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Payout p : runs.get(workspace, run).payouts()) {
                Parts parts = parts(workspace, p, account);
                add(zip, p.id() + "-statement.pdf", statement(parts, language));
                if (p.invoiceNumber() != null) {
                    add(zip, p.id() + "-invoice-" + p.invoiceNumber() + ".pdf", invoice(parts, language));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** What both documents of a payout are made of, read once. */
    private record Parts(Payout payout, String programName, PayoutSettings.BusinessAccount account, Partner partner,
            Optional<PayoutSettings.Billing> billing, List<Commission> commissions) {
    }

    private Parts parts(WorkspaceId workspace, Payout p, PayoutSettings.BusinessAccount account) {
        return new Parts(p, programs.get(workspace, p.programId()).name(), account,
                partners.get(workspace, p.partnerId()), settings.billing(workspace, p.partnerId()),
                runs.commissionsOf(workspace, p.id()));
    }

    private byte[] statement(Parts parts, Language language) {
        Payout p = parts.payout();
        Statement.Conversion conversion = p.paid() == null ? null
                : new Statement.Conversion(p.paid(), p.rate(), p.rateSource());
        return PayoutDocuments.statementPdf(new Statement(language, p.id().toString(), parts.programName(),
                business(parts.account()), partnerParty(parts), day(p.updatedAt()),
                messages.getMessage("payout.method." + p.method().code(), null, p.method().code(), language.locale())
                        + " · " + p.destination(),
                lines(parts, language), p.amount(), conversion));
    }

    private byte[] invoice(Parts parts, Language language) {
        Payout p = parts.payout();
        PayoutSettings.Billing billing = parts.billing()
                .orElseThrow(() -> new NotFoundException("partner " + p.partnerId() + " has no billing details"));
        return PayoutDocuments.invoicePdf(new SelfBillingInvoice(language, p.invoiceNumber(), day(p.updatedAt()),
                day(p.createdAt()), partnerParty(parts), business(parts.account()), p.id().toString(),
                lines(parts, language), p.amount(),
                SelfBillingRules.reverseCharge(parts.account().country(), billing.country(), billing.vatId())));
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private List<Line> lines(Parts parts, Language language) {
        return parts.commissions().stream().map(c -> new Line(day(c.occurredAt()), c.id().toString(), c.kind().code(),
                Explanation.inWords(c, messages, language.locale()), c.amount())).toList();
    }

    private static Party business(PayoutSettings.BusinessAccount account) {
        return new Party(account.name(), account.address(), account.country(), account.vatId(), "");
    }

    private static Party partnerParty(Parts parts) {
        Partner partner = parts.partner();
        return parts.billing()
                .map(b -> new Party(b.legalName(), b.address(), b.country(), b.vatId(), partner.email()))
                .orElse(new Party(partner.company() == null || partner.company().isBlank() ? partner.name()
                        : partner.company(), "", "", "", partner.email()));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
