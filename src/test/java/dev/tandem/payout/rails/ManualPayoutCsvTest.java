package dev.tandem.payout.rails;

import java.util.List;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import dev.tandem.payout.rails.ManualPayoutCsv.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ManualPayoutCsvTest {

    @Test
    void theSheetIsAHeaderRowThenOneQuotedRowPerPayout() {
        String csv = ManualPayoutCsv.write(List.of(
                new Row(new PayoutLine("pay_3x9kq", "Ruíz, \"Ana\" & Co", "ana@partner.example",
                        Money.of(5_049, "EUR"), "November\r\npayout"), "SEPA", "IBAN ES91 •••• 1332"),
                new Row(new PayoutLine("pay_8j1aa", "Ken", "ken@partner.example", Money.of(1_000, "JPY"), null),
                        "Wise", "Wise ken@•••")));

        assertThat(csv).isEqualTo("payout_id,partner,email,amount,currency,method,destination,note\r\n"
                + "pay_3x9kq,\"Ruíz, \"\"Ana\"\" & Co\",ana@partner.example,50.49,EUR,SEPA,IBAN ES91 •••• 1332,"
                + "\"November\r\npayout\"\r\n"
                + "pay_8j1aa,Ken,ken@partner.example,1000,JPY,Wise,Wise ken@•••,\r\n");
    }

    @Test
    void anEmptyRunIsJustTheHeader() {
        assertThat(ManualPayoutCsv.write(List.of()))
                .isEqualTo("payout_id,partner,email,amount,currency,method,destination,note\r\n");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        String csv = ManualPayoutCsv.write(List.of(new Row(new PayoutLine("pay_1", "=HYPERLINK(\"http://x\",\"y\")",
                "@evil.example", Money.of(100, "EUR"), "-2+3"), "+SEPA", "\tIBAN")));

        assertThat(csv.lines().skip(1).findFirst()).hasValue(
                "pay_1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@evil.example,1.00,EUR,'+SEPA,'\tIBAN,'-2+3");
        assertThat(ManualPayoutCsv.inert("\rx")).isEqualTo("'\rx");
        assertThat(ManualPayoutCsv.inert("Ana=Bo")).as("only the first character counts").isEqualTo("Ana=Bo");
    }

    @Test
    void aPayoutOfNothingOrLessIsRefusedByRow() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                ManualPayoutCsv.write(List.of(
                        new Row(new PayoutLine("pay_1", "Ana", "a@b.example", Money.of(100, "EUR"), null), "SEPA", ""),
                        new Row(new PayoutLine("pay_2", "Bo", "b@b.example", Money.of(-100, "EUR"), null), "SEPA", ""),
                        new Row(new PayoutLine("pay_3", "Cy", "c@b.example", Money.of(0, "EUR"), null), "SEPA", ""))));

        assertThat(refused.problems()).extracting(FieldProblem::field)
                .containsExactly("rows[1].line.amount", "rows[2].line.amount");
    }
}
