package dev.tandem.payout.documents;

import dev.tandem.core.Money;

/**
 * The PDFs a payout comes with: the partner's statement and, where the business self-bills, the invoice it issues
 * in the partner's name. Each is A4, in the reader's language, with the lines flowing onto as many pages as they
 * need. The caller stores or sends the bytes; nothing here keeps them.
 */
public final class PayoutDocuments {

    private PayoutDocuments() {
    }

    /** The partner's statement of one payout: who paid, how, the lines it settles, the total (and the amount
     * actually paid, when it was paid in another currency). */
    public static byte[] statementPdf(Statement s) {
        Words words = new Words(s.language());
        String title = words.get("statement.title");
        try (PdfPages pdf = new PdfPages(title + " " + s.payoutId())) {
            Sections.title(pdf, title, s.programName());
            Sections.parties(pdf, words, words.get("statement.business"), s.business(),
                    words.get("statement.partner"), s.partner());
            Sections.fact(pdf, words.get("statement.payout"), s.payoutId());
            Sections.fact(pdf, words.get("statement.issuedOn"), words.date(s.issuedOn()));
            Sections.fact(pdf, words.get("statement.method"), s.method());
            Sections.lines(pdf, words, s.lines());
            Sections.amount(pdf, words, words.get("statement.total"), s.total(), true);
            if (s.conversion() != null) {
                Statement.Conversion c = s.conversion();
                Sections.amount(pdf, words, words.get("statement.paid"), c.paid(), true);
                pdf.gap(4);
                Sections.remark(pdf, words.get("statement.rate"), "1 " + s.total().currency().getCurrencyCode()
                        + " = " + words.rate(c.rate()) + " " + c.paid().currency().getCurrencyCode());
                if (!c.source().isBlank()) {
                    Sections.remark(pdf, words.get("statement.rateSource"), c.source());
                }
            }
            return pdf.finish(title + " · " + s.payoutId(), (page, count) -> words.format("doc.page", page, count));
        }
    }

    /**
     * The self-billing invoice for one payout, with what Article 226 of Directive 2006/112/EC asks of an invoice:
     * date of issue, sequential number, both parties' names, addresses and VAT ids, the services and their date,
     * the taxable amount, the VAT rate and amount, the "Self-billing" mention and, when it applies, "Reverse
     * charge". Without reverse charge, Tandem computes no VAT and says so: the amount is the gross agreed.
     */
    public static byte[] invoicePdf(SelfBillingInvoice i) {
        Words words = new Words(i.language());
        String title = words.get("invoice.title");
        try (PdfPages pdf = new PdfPages(title + " " + i.number())) {
            Sections.title(pdf, title + " " + i.number(), "");
            Sections.paragraph(pdf, words.get("invoice.selfBilling"), true);
            Sections.paragraph(pdf, words.get("invoice.selfBilling.note"), false);
            pdf.gap(12);
            Sections.parties(pdf, words, words.get("invoice.supplier"), i.supplier(), words.get("invoice.customer"),
                    i.customer());
            Sections.fact(pdf, words.get("invoice.number"), i.number());
            Sections.fact(pdf, words.get("invoice.issuedOn"), words.date(i.issuedOn()));
            Sections.fact(pdf, words.get("invoice.supplyDate"), words.date(i.supplyDate()));
            Sections.fact(pdf, words.get("invoice.payout"), i.payoutId());
            pdf.gap(8);
            Sections.paragraph(pdf, words.get("invoice.services"), false);
            Sections.lines(pdf, words, i.lines());
            Sections.amount(pdf, words, words.get("invoice.net"), i.total(), false);
            if (i.reverseCharge()) {
                Sections.figure(pdf, words.get("invoice.vatRate"), words.percent(0));
                Sections.amount(pdf, words, words.get("invoice.vat"), Money.zero(i.total().currency()), false);
            }
            Sections.amount(pdf, words, words.get("invoice.total"), i.total(), true);
            pdf.gap(14);
            if (i.reverseCharge()) {
                Sections.paragraph(pdf, words.get("invoice.reverseCharge"), true);
                Sections.paragraph(pdf, words.get("invoice.reverseCharge.note"), false);
            } else {
                Sections.paragraph(pdf, words.get("invoice.noVat"), false);
            }
            return pdf.finish(title + " " + i.number() + " · " + words.get("invoice.selfBilling"),
                    (page, count) -> words.format("doc.page", page, count));
        }
    }
}
