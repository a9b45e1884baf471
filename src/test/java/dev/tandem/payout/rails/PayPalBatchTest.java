package dev.tandem.payout.rails;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import dev.tandem.payout.rails.PayPalBatch.Item;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PayPalBatchTest {

    private static Item item(String email, String payoutId, Money amount, String note) {
        return new Item(email, new PayoutLine(payoutId, "Ana Ruíz", "ana@partner.example", amount, note));
    }

    @Test
    void aBatchFileIsOneHeaderlessRowPerPayoutInPayPalsColumnOrder() {
        String csv = PayPalBatch.csv(List.of(
                item("ana@partner.example", "pay_3x9kq", Money.of(5_049, "EUR"), "November payout"),
                item("bo@shop.example", "pay_7b2mm", Money.of(1_000, "EUR"), null)));

        assertThat(csv).isEqualTo("""
                ana@partner.example,50.49,EUR,pay_3x9kq,November payout,PAYPAL\r
                bo@shop.example,10.00,EUR,pay_7b2mm,,PAYPAL\r
                """);
    }

    @Test
    void amountsHaveTheDigitsPayPalTakesInTheirCurrency() {
        assertThat(PayPalBatch.csv(List.of(item("a@b.example", "pay_1", Money.of(1_000, "JPY"), null))))
                .isEqualTo("a@b.example,1000,JPY,pay_1,,PAYPAL\r\n");
        assertThat(PayPalBatch.csv(List.of(item("a@b.example", "pay_1", Money.of(150_000, "HUF"), null))))
                .as("ISO gives HUF two decimals, PayPal none").isEqualTo("a@b.example,1500,HUF,pay_1,,PAYPAL\r\n");
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                PayPalBatch.csv(List.of(item("a@b.example", "pay_1", Money.of(150_050, "HUF"), null))));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("items[0].line.amount");
        assertThat(refused.getMessage()).contains("whole number of HUF");
    }

    @Test
    void aNoteWithCommasQuotesAndLineBreaksStaysOneField() {
        String csv = PayPalBatch.csv(List.of(item("a@b.example", "pay_1", Money.of(100, "USD"),
                "Thanks, \"Ana\"\r\nsee you\nsoon")));

        assertThat(csv).isEqualTo("a@b.example,1.00,USD,pay_1,\"Thanks, \"\"Ana\"\" see you soon\",PAYPAL\r\n");
    }

    @Test
    void aNoteIsCutToTheFourHundredCharactersAFileAllows() {
        String csv = PayPalBatch.csv(List.of(item("a@b.example", "pay_1", Money.of(100, "USD"), "n".repeat(500))));

        assertThat(csv).isEqualTo("a@b.example,1.00,USD,pay_1," + "n".repeat(400) + ",PAYPAL\r\n");
    }

    @Test
    void theRequestBodyIsPayPalsCreatePayoutJson() {
        String json = PayPalBatch.requestBody("run_2026_11_0001", "Your Tandem payout", List.of(
                item("ana@partner.example", "pay_3x9kq", Money.of(5_049, "EUR"), "November, \"thanks\""),
                item("ken@partner.example", "pay_8j1aa", Money.of(1_000, "JPY"), null)));

        assertThat(json).isEqualTo("{\"sender_batch_header\":{\"sender_batch_id\":\"run_2026_11_0001\","
                + "\"email_subject\":\"Your Tandem payout\"},\"items\":["
                + "{\"recipient_type\":\"EMAIL\",\"amount\":{\"value\":\"50.49\",\"currency\":\"EUR\"},"
                + "\"receiver\":\"ana@partner.example\",\"note\":\"November, \\\"thanks\\\"\",\"sender_item_id\":\"pay_3x9kq\"},"
                + "{\"recipient_type\":\"EMAIL\",\"amount\":{\"value\":\"1000\",\"currency\":\"JPY\"},"
                + "\"receiver\":\"ken@partner.example\",\"sender_item_id\":\"pay_8j1aa\"}]}");
    }

    @Test
    void eachItemPayPalWouldRefuseIsNamedByItsField() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                PayPalBatch.requestBody("run_1", null, List.of(
                        item("ana@partner.example", "pay_1", Money.of(100, "EUR"), null),
                        item("not an email", "pay_2", Money.of(100, "EUR"), null),
                        item("bo@shop.example", "pay_3", Money.of(0, "EUR"), null),
                        item("cy@shop.example", "pay_4", Money.of(-100, "EUR"), null),
                        item("di@shop.example", "pay_5", Money.of(100_000, "INR"), null),
                        item("ed@shop.example", "pay_1", Money.of(100, "EUR"), null),
                        item("fa@shop.example", "pay_" + "x".repeat(40), Money.of(100, "EUR"), null))));

        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("items[1].receiverEmail",
                "items[2].line.amount", "items[3].line.amount", "items[4].line.amount", "items[5].line.payoutId",
                "items[6].line.payoutId");
        assertThat(refused.problems().get(3).message()).contains("INR").contains("does not pay out");
        assertThat(refused.problems().get(4).message()).contains("items[0]");
    }

    @Test
    void aBatchIdAndSubjectPayPalWouldRefuseAreNamed() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                PayPalBatch.requestBody(" ", "s".repeat(256), List.of()));

        assertThat(refused.problems()).extracting(FieldProblem::field)
                .containsExactly("senderBatchId", "emailSubject", "items");
    }

    @Test
    void moreThanPayPalTakesInOneCallOrFileIsRefused() {
        List<Item> api = many(PayPalBatch.MAX_API_ITEMS + 1);
        InvalidInputException call = catchThrowableOfType(InvalidInputException.class, () ->
                PayPalBatch.requestBody("run_1", null, api));
        assertThat(call.problems()).extracting(FieldProblem::field).containsExactly("items");
        assertThat(call.getMessage()).contains("15000");
        assertThat(PayPalBatch.requestBody("run_1", null, many(PayPalBatch.MAX_API_ITEMS))).contains("pay_14999");

        InvalidInputException file = catchThrowableOfType(InvalidInputException.class, () ->
                PayPalBatch.csv(many(PayPalBatch.MAX_FILE_ROWS + 1)));
        assertThat(file.problems()).extracting(FieldProblem::field).containsExactly("items");
        assertThat(file.getMessage()).contains("5000");
    }

    @Test
    void aFileHoldsOneCurrencyAndIdsPayPalsUploadAccepts() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                PayPalBatch.csv(List.of(
                        item("a@b.example", "pay_1", Money.of(100, "EUR"), null),
                        item("c@d.example", "pay_2", Money.of(100, "USD"), null),
                        item("e@f.example", "pay 3", Money.of(100, "EUR"), null),
                        item("g@h.example", "pay_" + "x".repeat(27), Money.of(100, "EUR"), null))));

        assertThat(refused.problems()).extracting(FieldProblem::field)
                .containsExactly("items[1].line.amount", "items[2].line.payoutId", "items[3].line.payoutId");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> PayPalBatch.csv(List.of())).problems())
                .extracting(FieldProblem::field).containsExactly("items");
    }

    private static List<Item> many(int count) {
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(item("p" + i + "@partner.example", "pay_" + i, Money.of(100, "USD"), null));
        }
        return Collections.unmodifiableList(items);
    }
}
