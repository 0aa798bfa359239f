package io.epewatch.recognition.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import io.epewatch.kernel.ContainerNumber;
import io.epewatch.recognition.CharChoice;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import net.jqwik.api.Label;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R1.2: ISO 6346 container numbers in reads, the check digit choosing among the recogniser's alternatives. */
class ContainerCodeGrammarTest {

    private final ContainerCodeGrammar grammar = new ContainerCodeGrammar();

    /** Real numbers read at a port gate (all pass the check digit). */
    @ParameterizedTest
    @ValueSource(strings = {"TEMU2709541", "FCIU5977394", "DFSU6889054", "MSKU4670691", "TCNU8687331", "MRKU3543983",
            "SNBU2289268", "TCKU1657027", "BSIU9741980", "EITU0175527", "CZTU0000820", "APZU3008030"})
    void realNumbersReadAsTheyAre(String number) {
        GrammarMatch match = grammar.parse(Reads.of(number)).orElseThrow();
        assertThat(match.text()).isEqualTo(number);
        assertThat(match.note()).isNull();
        assertThat(match.confidence()).isGreaterThan(0.9);
    }

    @Test
    @DisplayName("spaces and the boxed check digit as printed on doors: TEMU 270954 1")
    void asPrinted() {
        assertThat(text(grammar.parse(Reads.of("TEMU 270954 1")))).isEqualTo("TEMU2709541");
    }

    @Test
    @DisplayName("lookalikes fixed by position: O in the serial is 0, 0 in the owner code is O")
    void lookalikesByPosition() {
        assertThat(text(grammar.parse(Reads.of("CZTUOOOO820")))).isEqualTo("CZTU0000820");
        assertThat(text(grammar.parse(Reads.of("SNB0228926R".replace('R', '8'))))).isEqualTo("SNBU2289268");
    }

    @Test
    @DisplayName("issue 21: a size-type code after the serial (22G1) is not its check digit")
    void sizeTypeCodeIsNoCheckDigit() {
        GrammarMatch match = grammar.parse(Reads.of("MSKU 467069 22G1")).orElseThrow();
        assertThat(match.text()).isEqualTo("MSKU4670691");
        assertThat(match.note()).startsWith("check digit not seen");
        assertThat(text(grammar.parse(Reads.of("MSKU 467069 1 22G1")))).isEqualTo("MSKU4670691");
        assertThat(grammar.parse(Reads.of("MSKU 467069 1 45R1")).orElseThrow().note()).isNull();
    }

    @Test
    @DisplayName("issue 21: a serial read with an extra digit: dropped where only one choice makes the check digit hold, else undecided")
    void extraDigitInTheSerial() {
        // MSKU4670691 read MSKU 2467069 1: only dropping the 2 makes the check digit 1 hold
        GrammarMatch fixed = grammar.parse(Reads.of("MSKU 2467069 1")).orElseThrow();
        assertThat(fixed.text()).isEqualTo("MSKU4670691");
        assertThat(fixed.note()).contains("extra digit");
        assertThat(fixed.confidence()).isLessThan(0.6);
        // MSKU4670691 read MSKU 4670069 1: the first ten and the 9 also hold (MSKU4670069): the read cannot decide
        GrammarMatch undecided = grammar.parse(Reads.of("MSKU 4670069 1")).orElseThrow();
        assertThat(undecided.note()).contains("MSKU4670691", "MSKU4670069");
        assertThat(undecided.confidence()).isLessThan(0.6);
    }

    @Test
    @DisplayName("issue 21: where two alternatives both make the check digit hold (check digit 0 from remainder 10), the read is undecided")
    void checkDigitThatCannotDecide() {
        // APZU3008030: the 0 at index 8 read first, a 7 nearly as likely — APZU3008730 has check digit 0 too
        List<CharChoice> read = Reads.misread("APZU3008030", 8, '0', 0.55, '7', 0.45);
        GrammarMatch match = grammar.parse(read).orElseThrow();
        assertThat(match.text()).isEqualTo("APZU3008030");
        assertThat(match.note()).contains("APZU3008730");
        assertThat(match.confidence()).isLessThan(0.6);
        // a clear first choice decides
        assertThat(grammar.parse(Reads.misread("APZU3008030", 8, '0', 0.9, '7', 0.08)).orElseThrow().note()).isNull();
    }

    @Test
    @DisplayName("the check digit picks the recogniser's second choice for a confusable digit (8 vs 3)")
    void checkDigitChoosesAmongAlternatives() {
        // MRKU3543983: the 3 at index 9 read as 8 first, 3 second; only 3 makes the check digit hold
        List<CharChoice> read = Reads.misread("MRKU3543983", 9, '8', 0.55, '3', 0.4);
        GrammarMatch match = grammar.parse(read).orElseThrow();
        assertThat(match.text()).isEqualTo("MRKU3543983");
        assertThat(match.note()).isNull();
    }

    @Test
    @DisplayName("a check digit missing from the read (boxed, not detected) is computed, at lower confidence, with a note")
    void missingCheckDigitComputed() {
        GrammarMatch match = grammar.parse(Reads.of("FCIU597739")).orElseThrow();
        assertThat(match.text()).isEqualTo("FCIU5977394");
        assertThat(match.note()).contains("computed");
        assertThat(match.confidence()).isLessThan(0.6);
    }

    @Test
    @DisplayName("a read whose check digit cannot hold is reported weak, with the digit that would hold — never as confident")
    void wrongCheckDigitIsWeak() {
        GrammarMatch match = grammar.parse(Reads.of("TEMU2709542")).orElseThrow();
        assertThat(match.confidence()).isLessThan(0.3);
        assertThat(match.note()).contains("does not hold");
    }

    @Test
    @DisplayName("a lookalike the recogniser did not offer is tried when it alone makes the check digit hold (ORYU → DRYU), kept uncertain")
    void checkDigitPicksTheOnlyLookalike() {
        GrammarMatch match = grammar.parse(Reads.of("ORYU9119396")).orElseThrow();
        assertThat(match.text()).isEqualTo("DRYU9119396");
        assertThat(match.note()).contains("taken as D");
        assertThat(match.confidence()).isLessThan(0.6);
    }

    @Test
    @DisplayName("no guess where two lookalikes both hold (I could be T or J: their values differ by 11, ISO 6346's blind spot)")
    void ambiguousLookalikesAreNotGuessed() {
        GrammarMatch match = grammar.parse(Reads.of("IEMU2709541")).orElseThrow();
        assertThat(match.text()).isEqualTo("IEMU2709540");
        assertThat(match.note()).contains("does not hold");
        assertThat(match.confidence()).isLessThan(0.3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24 10:19:41", "20261124101941", "30.480KG", "MAXGROSS", "45G1", "TEMU27095", "1234567890A", "WWW.TRITONCONTAINER.COM"})
    void textThatIsNoContainerNumber(String read) {
        assertThat(grammar.parse(Reads.of(read))).isEmpty();
    }

    @Test
    @DisplayName("pieces joined from neighbouring words must be the number and nothing else")
    void joinedPiecesMustBeWhole() {
        assertThat(grammar.parse(Reads.of("KGSLBS TEMU2709541"), true)).isEmpty();
        assertThat(text(grammar.parse(Reads.of("IMTU9061955"), true))).isEqualTo("IMTU9061955");
    }

    @Property
    @Label("every valid ISO 6346 number round-trips through the grammar unchanged and confident")
    void validNumbersRoundTrip(@ForAll("validNumbers") String number) {
        Optional<GrammarMatch> match = grammar.parse(Reads.of(number));
        assertThat(match).isPresent();
        assertThat(match.get().text()).isEqualTo(number);
        assertThat(match.get().note()).isNull();
        assertThat(ContainerNumber.parse(number).valid()).isTrue();
    }

    @Property
    @Label("a single wrong digit (serial or check digit) is caught by ISO 6346, except where the check digit is 0 (remainder 10 folds onto 0)")
    void singleDigitCorruptionsAreCaught(@ForAll("validNumbers") String number, @ForAll("positions") int position,
                                         @ForAll("digits") char digit) {
        Assume.that(number.charAt(position) != digit);
        Assume.that(number.charAt(10) != '0');
        String corrupted = number.substring(0, position) + digit + number.substring(position + 1);
        assertThat(ContainerNumber.parse(corrupted).valid()).isFalse();
        // and the grammar never passes the corrupted read off as a confident, verified number
        grammar.parse(Reads.of(corrupted)).ifPresent(m -> {
            assertThat(m.note()).isNotNull();
            assertThat(m.confidence()).isLessThan(0.6);
        });
    }

    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<String> owner = Arbitraries.strings().withCharRange('A', 'Z').ofLength(3);
        Arbitrary<Character> category = Arbitraries.of('U', 'J', 'Z');
        Arbitrary<String> serial = Arbitraries.strings().numeric().ofLength(6);
        return Combinators.combine(owner, category, serial).as((o, c, s) -> ContainerNumber.withCheckDigit(o + c + s).value());
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(4, 10);
    }

    @Provide
    Arbitrary<Character> digits() {
        return Arbitraries.chars().range('0', '9');
    }

    private static String text(Optional<GrammarMatch> match) {
        return match.map(GrammarMatch::text).orElse(null);
    }
}
