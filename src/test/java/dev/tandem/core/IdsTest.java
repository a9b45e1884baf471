package dev.tandem.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdsTest {

    // UUID.compareTo compares signed halves; ids are ordered as unsigned 128-bit numbers.
    private static final Comparator<UUID> UNSIGNED = Comparator
        .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
        .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final Random random = new Random(42);

    @Test
    void newIdsAreVersion7() {
        UUID id = Ids.newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void newIdsIncreaseEvenWithinTheSameMillisecond() {
        List<UUID> ids = IntStream.range(0, 10_000).mapToObj(i -> Ids.newId()).toList();

        assertThat(ids).isSortedAccordingTo(UNSIGNED).doesNotHaveDuplicates();
    }

    @Test
    void formatsWithPrefixAndTwentyTwoBase62Characters() {
        String publicId = Ids.format("ptr", Ids.newId());

        assertThat(publicId).startsWith("ptr_").hasSize(4 + 22).matches("ptr_[0-9A-Za-z]{22}");
    }

    @Test
    void formatsTheExtremesAtFixedWidth() {
        assertThat(Ids.format("ptr", new UUID(0, 0))).isEqualTo("ptr_0000000000000000000000");
        assertThat(Ids.format("ptr", new UUID(0, 61))).isEqualTo("ptr_000000000000000000000z");
        assertThat(Ids.format("ptr", new UUID(0, 62))).isEqualTo("ptr_0000000000000000000010");
        assertThat(Ids.format("ptr", new UUID(-1, -1))).hasSize(26);
    }

    @Test
    void roundTripsManyRandomVersion7Ids() {
        for (int i = 0; i < 10_000; i++) {
            UUID id = Ids.newId();
            assertThat(Ids.parse("lnk", Ids.format("lnk", id))).isEqualTo(id);
        }
    }

    @Test
    void roundTripsArbitraryBitPatterns() {
        List<UUID> ids = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0),
                new UUID(0, Long.MIN_VALUE), new UUID(Long.MAX_VALUE, Long.MAX_VALUE)));
        IntStream.range(0, 10_000).forEach(i -> ids.add(new UUID(this.random.nextLong(), this.random.nextLong())));

        assertThat(ids).allSatisfy(id -> assertThat(Ids.parse("com", Ids.format("com", id))).isEqualTo(id));
    }

    @Test
    void stringOrderEqualsNumericOrderOfTheIds() {
        List<UUID> ids = new ArrayList<>();
        IntStream.range(0, 5_000).forEach(i -> ids.add(new UUID(this.random.nextLong(), this.random.nextLong())));
        IntStream.range(0, 5_000).forEach(i -> ids.add(Ids.newId()));
        ids.add(new UUID(0, 0));
        ids.add(new UUID(-1, -1));

        List<String> sortedByString = ids.stream().map(id -> Ids.format("evt", id)).sorted().toList();
        List<String> sortedByNumber = ids.stream().sorted(UNSIGNED).map(id -> Ids.format("evt", id)).toList();

        assertThat(sortedByString).isEqualTo(sortedByNumber);
    }

    @Test
    void refusesAnIdWithAnotherTypesPrefixNamingBoth() {
        String linkId = Ids.format("lnk", Ids.newId());

        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> Ids.parse("ptr", linkId))
            .withMessageContaining("ptr_")
            .withMessageContaining("lnk_")
            .withMessageStartingWith("expected an id starting with ptr_, got lnk_");
    }

    @Test
    void refusesAPrefixThatOnlyStartsTheSame() {
        String id = Ids.format("ptrx", Ids.newId());

        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> Ids.parse("ptr", id));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "ptr", "ptr_", "garbage", "ptr_000000000000000000000", "ptr_00000000000000000000000",
            "ptr_000000000000000000000-", "ptr_00000000000000000000 0", "ptr_000000000000000000000é",
            "ptr_zzzzzzzzzzzzzzzzzzzzzz", "ptr_7n42DGM5Tflk9n8mt7Fhc8", "PTR_0000000000000000000000" })
    void refusesGarbage(String text) {
        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> Ids.parse("ptr", text))
            .withMessageContaining("ptr_");
    }

    @Test
    void refusesValuesBeyond128BitsButAcceptsTheLargest() {
        String largest = Ids.format("ptr", new UUID(-1, -1));
        // The last character incremented by one is exactly 2^128, one past the largest UUID.
        char last = largest.charAt(largest.length() - 1);
        String onePast = largest.substring(0, largest.length() - 1) + (char) (last + 1);

        assertThat(Ids.parse("ptr", largest)).isEqualTo(new UUID(-1, -1));
        assertThat(last).isBetween('0', '8');
        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> Ids.parse("ptr", onePast))
            .withMessageContaining("malformed id");
    }

    @Test
    void refusesNull() {
        assertThatExceptionOfType(InvalidIdException.class).isThrownBy(() -> Ids.parse("ptr", null));
    }

}
