package dev.tandem.payout;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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
        Payout p = runs.payout(workspace, id);
        Partner partner = partners.get(workspace, p.partnerId());
        PayoutSettings.BusinessAccount account = settings.account(workspace);
        Statement.Conversion conversion = p.paid() == null ? null
                : new Statement.Conversion(p.paid(), p.rate(), p.rateSource());
        return PayoutDocuments.statementPdf(new Statement(language, p.id().toString(),
                programs.get(workspace, p.programId()).name(), business(workspace, account),
                partnerParty(workspace, partner), day(p.updatedAt()),
                messages.getMessage("payout.method." + p.method().code(), null, p.method().code(), language.locale())
                        + " · " + p.destination(),
                lines(workspace, id, language), p.amount(), conversion));
    }

    /** The payout's self-billing invoice, once it is paid and numbered; empty for partners who are not invoiced. */
    public Optional<byte[]> invoice(WorkspaceId workspace, PayoutId id, Language language) {
        Payout p = runs.payout(workspace, id);
        if (p.invoiceNumber() == null) {
            return Optional.empty();
        }
        Partner partner = partners.get(workspace, p.partnerId());
        PayoutSettings.BusinessAccount account = settings.account(workspace);
        PayoutSettings.Billing billing = settings.billing(workspace, p.partnerId())
                .orElseThrow(() -> new NotFoundException("partner " + p.partnerId() + " has no billing details"));
        return Optional.of(PayoutDocuments.invoicePdf(new SelfBillingInvoice(language, p.invoiceNumber(),
                day(p.updatedAt()), day(p.createdAt()), partnerParty(workspace, partner), business(workspace, account),
                p.id().toString(), lines(workspace, id, language), p.amount(),
                SelfBillingRules.reverseCharge(account.country(), billing.country(), billing.vatId()))));
    }

    /**
     * Every statement of the run (and every self-billing invoice issued), as one ZIP archive for the
     * business's books; entries named after the payout.
     */
    public byte[] runArchive(WorkspaceId workspace, PayoutRunId run, Language language) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Payout p : runs.get(workspace, run).payouts()) {
                add(zip, p.id() + "-statement.pdf", statement(workspace, p.id(), language));
                Optional<byte[]> invoice = invoice(workspace, p.id(), language);
                if (invoice.isPresent()) {
                    add(zip, p.id() + "-invoice-" + p.invoiceNumber() + ".pdf", invoice.get());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(java.util.zip.ZipOutputStream zip, String name, byte[] content) throws java.io.IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private List<Line> lines(WorkspaceId workspace, PayoutId id, Language language) {
        return runs.commissionsOf(workspace, id).stream().map(c -> line(c, language)).toList();
    }

    private Line line(Commission c, Language language) {
        return new Line(day(c.occurredAt()), c.id().toString(), c.kind().code(),
                Explanation.inWords(c, messages, language.locale()), c.amount());
    }

    private Party business(WorkspaceId workspace, PayoutSettings.BusinessAccount account) {
        return new Party(account.name(), account.address(), account.country(), account.vatId(), "");
    }

    private Party partnerParty(WorkspaceId workspace, Partner partner) {
        return settings.billing(workspace, partner.id())
                .map(b -> new Party(b.legalName(), b.address(), b.country(), b.vatId(), partner.email()))
                .orElse(new Party(partner.company() == null || partner.company().isBlank() ? partner.name()
                        : partner.company(), "", "", "", partner.email()));
    }

    private static LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
