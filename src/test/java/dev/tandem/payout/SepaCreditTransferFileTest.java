package dev.tandem.payout;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every generated SEPA file is checked against the EPC's pain.001.001.09 schema, shipped in test resources. */
class SepaCreditTransferFileTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:15:30.123456Z");
    private static final SepaCreditTransferFile.Debtor ACME =
            new SepaCreditTransferFile.Debtor("Acme Software GmbH", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX");

    @Test
    void aBatchOfTransfersIsAFileTheSchemaAccepts() throws Exception {
        String xml = SepaCreditTransferFile.write("run-2026-11-0001", NOW, ACME, LocalDate.parse("2026-11-24"), List.of(
                new SepaCreditTransferFile.Transfer("pay_0001", Money.of(5_049, "EUR"), "Ana Ruíz Ñúñez & Co",
                        "ES91 2100 0418 4502 0005 1332", "CAIXESBBXXX", "Tandem payout November 2026"),
                new SepaCreditTransferFile.Transfer("pay_0002", Money.of(1_000, "EUR"), "Bjørn Åsheim",
                        "NO9386011117947", null, null)));

        validate(xml);
        assertThat(xml).contains("<NbOfTxs>2</NbOfTxs>").contains("<CtrlSum>60.49</CtrlSum>")
                .contains("<CreDtTm>2026-11-23T09:15:30</CreDtTm>")
                .contains("<InstdAmt Ccy=\"EUR\">50.49</InstdAmt>").contains("<InstdAmt Ccy=\"EUR\">10.00</InstdAmt>")
                .contains("<Nm>Ana Ruiz Nunez Co</Nm>").contains("<IBAN>ES9121000418450200051332</IBAN>")
                .contains("<BICFI>CAIXESBBXXX</BICFI>").contains("<Ustrd>Tandem payout November 2026</Ustrd>");
        assertThat(xml).as("a letter outside the SEPA set becomes a space, not an invalid file")
                .contains("<Nm>Bj rn Asheim</Nm>");
        assertThatCode(() -> validate(xml.replace("<Cd>SEPA</Cd>", "<Cd>URGP</Cd>")))
                .as("the schema is really checked: a non-SEPA service level is refused")
                .isInstanceOf(org.xml.sax.SAXException.class);
    }

    @Test
    void longNamesAndReferencesAreCutToWhatTheSchemeAllows() throws Exception {
        String name = "Partner with a very long company name that goes on and on and on beyond seventy characters";
        String xml = SepaCreditTransferFile.write("run-long", NOW, ACME, LocalDate.parse("2026-11-24"), List.of(
                new SepaCreditTransferFile.Transfer("pay_" + "x".repeat(60), Money.of(1, "EUR"), name,
                        "DE89370400440532013000", null, "r".repeat(300))));
        validate(xml);
        assertThat(xml).contains("<Nm>" + name.substring(0, 70).strip() + "</Nm>").contains("r".repeat(140) + "<");
    }

    @Test
    void detailsABankWouldRefuseAreNamedOneByOneAndNoFileIsWritten() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                SepaCreditTransferFile.write("x".repeat(36), NOW,
                        new SepaCreditTransferFile.Debtor("Acme", "DE89370400440532013000", "NOTABIC"),
                        LocalDate.parse("2026-11-24"), List.of(
                                new SepaCreditTransferFile.Transfer("pay_1", Money.of(100, "USD"), "Ana",
                                        "DE89370400440532013000", null, null),
                                new SepaCreditTransferFile.Transfer("pay_2", Money.of(100, "EUR"), "Bo", "12345",
                                        "BAD", null))));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("messageId", "debtor.bic",
                "transfers[0].amount", "transfers[1].iban", "transfers[1].bic");
        assertThatCode(() -> SepaCreditTransferFile.write("run", NOW, ACME, LocalDate.parse("2026-11-24"), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("transfers");
    }

    /** Validates the file against the EPC's pain.001.001.09 schema; throws SAXException naming what is wrong. */
    static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(SepaCreditTransferFileTest.class.getResource("/standards/pain.001.001.09.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
