package dev.tandem.payout.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tandem.core.Language;
import dev.tandem.core.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement and the invoice, read back as text the way a reader, a screen reader or a search would. */
class PayoutDocumentsTest {

    static final Party BUSINESS = new Party("Núñez Software S.L.", "Calle Mayor 12\n28013 Madrid", "ES",
            "ESB12345678", "billing@nunez.example");
    static final Party PARTNER = new Party("Bjørn Åsheim", "Rua da Conceição 3\n1100-150 Lisboa", "PT",
            "PT123456789", "bjorn@example.pt");
    static final LocalDate NOV_23 = LocalDate.of(2026, 11, 23);

    static List<Line> lines() {
        return List.of(
                new Line(LocalDate.of(2026, 10, 2), "com_0001", "earned", "Venta de François, plan Pro",
                        Money.of(5049, "EUR")),
                new Line(LocalDate.of(2026, 10, 9), "com_0002", "earned", "Venta anual", Money.of(123456, "EUR")),
                new Line(LocalDate.of(2026, 10, 20), "com_0001", "clawback", "Reembolso de la venta",
                        Money.of(-1000, "EUR")));
    }

    static Statement statement(Language language, Party partner, List<Line> lines, Statement.Conversion conversion) {
        Money total = lines.stream().map(Line::amount).reduce(Money.of(0, "EUR"), Money::plus);
        return new Statement(language, "pay_7Yx2", "Programa de socios Núñez", BUSINESS, partner, NOV_23,
                "Transferencia SEPA", lines, total, conversion);
    }

    static SelfBillingInvoice invoice(Language language, boolean reverseCharge) {
        return new SelfBillingInvoice(language, "SB-2026-000017", NOV_23, LocalDate.of(2026, 10, 31), PARTNER,
                BUSINESS, "pay_7Yx2", lines(), Money.of(127505, "EUR"), reverseCharge);
    }

    @Test
    void aSpanishStatementShowsBothPartiesEachLineAndTheTotalAsASpaniardWritesMoney() {
        PdfText pdf = PdfText.of(PayoutDocuments.statementPdf(statement(Language.ES, PARTNER, lines(), null)));

        assertThat(pdf.text()).contains("Extracto de pago", "Programa de socios Núñez", "pay_7Yx2",
                "Transferencia SEPA", "23 nov 2026");
        assertThat(pdf.text()).contains("Núñez Software S.L.", "ESB12345678", "Calle Mayor 12", "España");
        assertThat(pdf.text()).contains("Bjørn Åsheim", "PT123456789", "Rua da Conceição 3", "Portugal");
        assertThat(pdf.text()).contains("com_0001", "com_0002", "Venta de François, plan Pro");
        assertThat(pdf.text()).contains("50,49 €", "1.234,56 €", "-10,00 €", "Ganada", "Recuperación");
        assertThat(pdf.text()).containsPattern("Total\\s+1.275,05 €");
        assertThat(pdf.text()).doesNotContain("Tipo de cambio");
        assertThat(pdf.pages()).isEqualTo(1);
    }

    @Test
    void anEnglishStatementWritesMoneyTheEnglishWay() {
        String text = PdfText.of(PayoutDocuments.statementPdf(statement(Language.EN, PARTNER, lines(), null))).text();

        assertThat(text).contains("Payout statement", "€50.49", "€1,234.56", "-€10.00", "Earned", "Clawback",
                "Nov 23, 2026");
        assertThat(text).containsPattern("Total\\s+€1,275.05");
    }

    @Test
    void aPayoutPaidInAnotherCurrencyShowsBothAmountsTheRateAndItsSource() {
        var conversion = new Statement.Conversion(Money.of(1460753, "NOK"), new BigDecimal("11.4567"),
                "ECB reference rate, 2026-11-20");
        String text = PdfText.of(PayoutDocuments.statementPdf(statement(Language.NB, PARTNER, lines(), conversion)))
                .text();

        assertThat(text).contains("Utbetalingsoppgave", "Valutakurs: 1 EUR = 11,4567 NOK",
                "Kilde for valutakursen: ECB reference rate, 2026-11-20");
        // Norwegian puts the currency sign before the amount in JDK 17's locale data and after it in JDK 25's
        assertThat(text).containsPattern("Sum\\s+(€ 1 275,05|1 275,05 €)");
        assertThat(text).containsPattern("Utbetalt beløp\\s+(kr 14 607,53|14 607,53 kr)");
    }

    @Test
    void manyLinesFlowOntoFurtherPagesWithTheTableHeaderRepeated() {
        List<Line> many = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            many.add(new Line(NOV_23.minusDays(i), "com_%04d".formatted(i), "earned",
                    "Venta número " + i + " de un cliente que llegó por el enlace del socio, plan anual con descuento",
                    Money.of(1000 + i, "EUR")));
        }
        PdfText pdf = PdfText.of(PayoutDocuments.statementPdf(statement(Language.ES, PARTNER, many, null)));

        assertThat(pdf.pages()).isGreaterThan(1);
        assertThat(pdf.text()).contains("com_0001", "com_0120", "11,20 €");
        assertThat(pdf.text()).containsPattern("Total\\s+1.272,60 €");
        assertThat(pdf.text()).contains("Página " + pdf.pages() + " de " + pdf.pages());
        assertThat(pdf.text().split("Comisión", -1)).hasSize(pdf.pages() + 1);
    }

    @Test
    void aCharacterNoFontEncodesIsReplacedRatherThanFailingTheDocument() {
        Party chinese = new Party("漢字 Trading Ltd", "", "CN", "", "x@example.cn");
        List<Line> lines = List.of(new Line(NOV_23, "com_0001", "bonus", "Bonus 🎉\tfor\u0007 Q4",
                Money.of(5049, "EUR")));

        String text = PdfText.of(PayoutDocuments.statementPdf(statement(Language.EN, chinese, lines, null))).text();

        assertThat(text).contains("?? Trading Ltd", "Bonus ? for Q4", "€50.49");
    }

    @Test
    void anUnknownKindIsShownAsWritten() {
        List<Line> lines = List.of(new Line(NOV_23, "com_0001", "goodwill", "", Money.of(100, "EUR")));

        assertThat(PdfText.of(PayoutDocuments.statementPdf(statement(Language.IT, PARTNER, lines, null))).text())
                .contains("goodwill", "1,00 €");
    }

    @Test
    void theInvoiceCarriesWhatArticle226AsksOfAnInvoice() {
        String text = PdfText.of(PayoutDocuments.invoicePdf(invoice(Language.ES, true))).text();

        assertThat(text).contains("Factura SB-2026-000017", "Número de factura", "Fecha de expedición",
                "23 nov 2026", "Fecha de la prestación", "31 oct 2026", "pay_7Yx2");
        assertThat(text).contains("Proveedor", "Bjørn Åsheim", "Rua da Conceição 3", "NIF-IVA: PT123456789");
        assertThat(text).contains("Cliente", "Núñez Software S.L.", "Calle Mayor 12", "NIF-IVA: ESB12345678");
        assertThat(text).contains("com_0001", "com_0002", "50,49 €", "1.234,56 €", "-10,00 €");
        assertThat(text).containsPattern("Base imponible\\s+1.275,05 €");
        assertThat(text).containsPattern("Tipo de IVA\\s+0 ?%");
        assertThat(text).containsPattern("Cuota de IVA\\s+0,00 €");
        assertThat(text).containsPattern("Total\\s+1.275,05 €");
        assertThat(text).contains("Facturación por el destinatario", "Inversión del sujeto pasivo");
    }

    @ParameterizedTest
    @CsvSource({
            "EN, Self-billing, Reverse charge, Invoice",
            "ES, Facturación por el destinatario, Inversión del sujeto pasivo, Factura",
            "PT, Autofaturação, Autoliquidação, Fatura",
            "IT, Autofatturazione, Inversione contabile, Fattura",
            "NB, Selvfakturering, Omvendt avgiftsplikt, Faktura"})
    void theMentionsAreInTheReadersLanguage(Language language, String selfBilling, String reverseCharge,
            String title) {
        String withReverseCharge = PdfText.of(PayoutDocuments.invoicePdf(invoice(language, true))).text();
        String without = PdfText.of(PayoutDocuments.invoicePdf(invoice(language, false))).text();

        assertThat(withReverseCharge).contains(title + " SB-2026-000017", selfBilling, reverseCharge,
                "Bjørn Åsheim", "Núñez Software S.L.");
        assertThat(without).contains(selfBilling).doesNotContain(reverseCharge);
    }

    @Test
    void withoutReverseChargeTheInvoiceSaysNoVatIsComputedAndShowsNoVatLines() {
        String text = PdfText.of(PayoutDocuments.invoicePdf(invoice(Language.EN, false))).text();

        assertThat(text).contains("No VAT is calculated on this invoice", "Self-billing");
        assertThat(text).doesNotContain("VAT rate", "Reverse charge");
        assertThat(text).containsPattern("Taxable amount\\s+€1,275.05");
        assertThat(text).containsPattern("Total\\s+€1,275.05");
    }
}
