package dev.tandem.payout;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.tandem.core.BankAccounts;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;

/**
 * The ISO 20022 {@code pain.001.001.09} file a European bank accepts for a batch of SEPA credit
 * transfers, as the European Payments Council's 2023 customer-to-bank guidelines restrict it: one
 * payment instruction from the business's account, one transfer per payout, in euros. Names and
 * references are cut to the lengths the scheme allows and written in the Latin characters every
 * SEPA bank must accept (accents are dropped, anything else becomes a space).
 */
public final class SepaCreditTransferFile {

    static final Currency EUR = Currency.getInstance("EUR");
    private static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private static final Pattern NOT_SEPA = Pattern.compile("[^A-Za-z0-9/\\-?:().,'+ ]");

    private SepaCreditTransferFile() {
    }

    /** Who pays: the business's account. */
    public record Debtor(String name, String iban, String bic) {
    }

    /** One transfer to a partner; {@code bic} may be null (not needed inside SEPA). */
    public record Transfer(String endToEndId, Money amount, String creditorName, String iban, String bic,
            String remittance) {
    }

    /**
     * Writes the file.
     *
     * @param messageId unique per file for the bank (at most 35 characters)
     * @throws InvalidInputException naming each transfer (or the debtor) whose details the bank would refuse
     */
    public static String write(String messageId, Instant createdAt, Debtor debtor, LocalDate executionDate,
            List<Transfer> transfers) {
        check(messageId, debtor, transfers);
        BigDecimal total = transfers.stream().map(t -> t.amount().toMajor()).reduce(BigDecimal.ZERO, BigDecimal::add);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("Document");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeStartElement("CstmrCdtTrfInitn");

            x.writeStartElement("GrpHdr");
            text(x, "MsgId", messageId);
            text(x, "CreDtTm", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    createdAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime()));
            text(x, "NbOfTxs", Integer.toString(transfers.size()));
            text(x, "CtrlSum", total.toPlainString());
            x.writeStartElement("InitgPty");
            text(x, "Nm", latin(debtor.name(), 70));
            x.writeEndElement();
            x.writeEndElement();

            x.writeStartElement("PmtInf");
            text(x, "PmtInfId", messageId);
            text(x, "PmtMtd", "TRF");
            text(x, "NbOfTxs", Integer.toString(transfers.size()));
            text(x, "CtrlSum", total.toPlainString());
            x.writeStartElement("PmtTpInf");
            x.writeStartElement("SvcLvl");
            text(x, "Cd", "SEPA");
            x.writeEndElement();
            x.writeEndElement();
            x.writeStartElement("ReqdExctnDt");
            text(x, "Dt", executionDate.toString());
            x.writeEndElement();
            x.writeStartElement("Dbtr");
            text(x, "Nm", latin(debtor.name(), 70));
            x.writeEndElement();
            account(x, "DbtrAcct", debtor.iban());
            agent(x, "DbtrAgt", debtor.bic());
            text(x, "ChrgBr", "SLEV");
            for (Transfer t : transfers) {
                x.writeStartElement("CdtTrfTxInf");
                x.writeStartElement("PmtId");
                text(x, "EndToEndId", latin(t.endToEndId(), 35));
                x.writeEndElement();
                x.writeStartElement("Amt");
                x.writeStartElement("InstdAmt");
                x.writeAttribute("Ccy", "EUR");
                x.writeCharacters(t.amount().toMajor().toPlainString());
                x.writeEndElement();
                x.writeEndElement();
                if (t.bic() != null && !t.bic().isBlank()) {
                    agent(x, "CdtrAgt", t.bic());
                }
                x.writeStartElement("Cdtr");
                text(x, "Nm", latin(t.creditorName(), 70));
                x.writeEndElement();
                account(x, "CdtrAcct", t.iban());
                if (t.remittance() != null && !t.remittance().isBlank()) {
                    x.writeStartElement("RmtInf");
                    text(x, "Ustrd", latin(t.remittance(), 140));
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();

            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the SEPA file failed", e);
        }
        return out.toString();
    }

    /** Text in the SEPA character set, at most {@code max} characters: accents dropped, the rest a space. */
    static String latin(String text, int max) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String sepa = NOT_SEPA.matcher(plain).replaceAll(" ").replaceAll(" {2,}", " ").strip();
        return sepa.length() <= max ? sepa : sepa.substring(0, max).strip();
    }

    private static void check(String messageId, Debtor debtor, List<Transfer> transfers) {
        List<FieldProblem> problems = new ArrayList<>();
        if (messageId == null || messageId.isBlank() || messageId.length() > 35) {
            problems.add(new FieldProblem("messageId", "must be 1 to 35 characters"));
        }
        if (transfers.isEmpty()) {
            problems.add(new FieldProblem("transfers", "must not be empty: a SEPA file pays someone"));
        }
        BankAccounts.ibanProblem("debtor.iban", compact(debtor.iban())).ifPresent(problems::add);
        if (compact(debtor.bic()).isEmpty()) {
            problems.add(new FieldProblem("debtor.bic", "is required: the paying bank is named in the file"));
        }
        BankAccounts.bicProblem("debtor.bic", compact(debtor.bic())).ifPresent(problems::add);
        if (latin(debtor.name(), 70).isEmpty()) {
            problems.add(new FieldProblem("debtor.name", "is required"));
        }
        for (int i = 0; i < transfers.size(); i++) {
            Transfer t = transfers.get(i);
            String at = "transfers[" + i + "]";
            if (!t.amount().currency().equals(EUR)) {
                problems.add(new FieldProblem(at + ".amount", "must be in EUR: SEPA transfers are in euros"));
            } else if (t.amount().amount() <= 0 || t.amount().amount() > 99_999_999_999L) {
                problems.add(new FieldProblem(at + ".amount", "must be from 0.01 to 999,999,999.99 EUR"));
            }
            BankAccounts.ibanProblem(at + ".iban", compact(t.iban())).ifPresent(problems::add);
            BankAccounts.bicProblem(at + ".bic", compact(t.bic())).ifPresent(problems::add);
            if (latin(t.creditorName(), 70).isEmpty()) {
                problems.add(new FieldProblem(at + ".creditorName", "is required"));
            }
            if (latin(t.endToEndId(), 35).isEmpty()) {
                problems.add(new FieldProblem(at + ".endToEndId", "is required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void account(XMLStreamWriter x, String element, String iban) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeStartElement("Id");
        text(x, "IBAN", compact(iban));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void agent(XMLStreamWriter x, String element, String bic) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeStartElement("FinInstnId");
        text(x, "BICFI", compact(bic));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static String compact(String code) {
        return BankAccounts.compact(code);
    }
}
