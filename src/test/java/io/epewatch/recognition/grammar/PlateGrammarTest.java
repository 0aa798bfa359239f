package io.epewatch.recognition.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R1.2: reads of plates decoded against the plate layouts (docs/plates.md). */
class PlateGrammarTest {

    private final PlateGrammar grammar = new PlateGrammar();

    @ParameterizedTest(name = "one row {0} → {1}")
    @CsvSource({
            "51C-123.45, 51C-123.45", "30E-255.82, 30E-255.82", "50LD-044.11, 50LD-044.11", "51A-961.41, 51A-961.41",
            "29A-1234, 29A-1234", "60LD00584, 60LD-005.84", "51F 598.81, 51F-598.81"})
    void oneRowCarPlates(String read, String plate) {
        assertThat(text(grammar.parse(Reads.of(read)))).isEqualTo(plate);
    }

    @ParameterizedTest(name = "two rows {0} / {1} → {2}")
    @CsvSource({
            "59-P1, 332.02, 59-P1 332.02", "15-MD1, 453.66, 15-MD1 453.66", "54-L6, 4897, 54-L6 4897",
            "29-E1, 789.10, 29-E1 789.10", "51C, 123.45, 51C-123.45", "30-P9, 1519, 30-P9 1519"})
    void twoRowPlatesJoinTopThenBottom(String top, String bottom, String plate) {
        assertThat(text(grammar.parse(Reads.of(top), Reads.of(bottom)))).isEqualTo(plate);
    }

    @Test
    @DisplayName("a letter read where a digit must stand is taken as its lookalike digit (6OLD → 60LD)")
    void lookalikesInDigitPositions() {
        assertThat(text(grammar.parse(Reads.of("6OLD-005.84")))).isEqualTo("60LD-005.84");
        assertThat(text(grammar.parse(Reads.of("5IC-I23.45")))).isEqualTo("51C-123.45");
        assertThat(text(grammar.parse(Reads.of("59-PI"), Reads.of("857.OO")))).isEqualTo("59-P1 857.00");
    }

    @Test
    @DisplayName("the recogniser's second choice wins where its first cannot stand (series 8 → B)")
    void secondChoiceWhereTheFirstCannotStand() {
        var read = Reads.misread("29B-256.62", 2, '8', 0.6, 'B', 0.35);
        assertThat(text(grammar.parse(read))).isEqualTo("29B-256.62");
    }

    @Test
    @DisplayName("a motorbike's series digit beats a second series letter when the read says 1 (59-P1, not 59PL)")
    void seriesDigitPreferredWhenRead() {
        assertThat(text(grammar.parse(Reads.of("59-P1"), Reads.of("558.11")))).isEqualTo("59-P1 558.11");
    }

    @ParameterizedTest(name = "not a plate: {0}")
    @ValueSource(strings = {"05C-123.45", "30.480KG", "22G1", "MAXGROSS", "51C-12", "51C-1234567", "TEMU2709541", "45G1 30480"})
    void textThatIsNoPlate(String read) {
        assertThat(grammar.parse(Reads.of(read))).isEmpty();
    }

    @Test
    @DisplayName("series letters that are never issued (I, O, Q, W) are not read as such")
    void seriesNeverIssued() {
        // an O in the series position can only be a D (its lookalike) — never kept as O
        assertThat(text(grammar.parse(Reads.of("51O-123.45")))).isEqualTo("51D-123.45");
    }

    @Test
    @DisplayName("digits alone are no plate: a confident digit is not turned into the series letter (a weight, a serial)")
    void digitsAloneAreNoPlate() {
        assertThat(grammar.parse(Reads.of("90619.55"))).isEmpty();
        assertThat(grammar.parse(Reads.of("298-256.62", 0.9))).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"80NG-123-45, 80NG-123-45", "80NG12345, 80NG-123-45", "29NN 456 01, 29NN-456-01", "80QT-012.34, 80QT-012-34",
            "51RM-012.34, 51RM-012.34", "29T-012.34, 29T-012.34"})
    @DisplayName("issue 21: diplomatic and foreign-organisation plates (NG, NN, QT), semi-trailers (RM), temporary (T)")
    void otherVietnameseSeries(String read, String plate) {
        assertThat(text(grammar.parse(Reads.of(read)))).isEqualTo(plate);
    }

    @Test
    @DisplayName("issue 21: a military plate and a Cambodian one are read, at half the confidence, with a note to check")
    void looseLayoutsAreReadUncertain() {
        GrammarMatch military = grammar.parse(Reads.of("TM-12-34")).orElseThrow();
        assertThat(military.text()).isEqualTo("TM-12-34");
        assertThat(military.confidence()).isEqualTo(0.98 * PlateGrammar.LOOSE_LAYOUT);
        assertThat(military.note()).contains("military");
        assertThat(text(grammar.parse(Reads.of("KA"), Reads.of("56-78")))).isEqualTo("KA-56-78");
        GrammarMatch cambodian = grammar.parse(Reads.of("2A-1234")).orElseThrow();
        assertThat(cambodian.text()).isEqualTo("KH 2A-1234");
        assertThat(cambodian.confidence()).isLessThan(0.6);
        assertThat(cambodian.note()).contains("Cambodian");
        assertThat(text(grammar.parse(Reads.of("2HK-1234")))).isEqualTo("KH 2HK-1234");
        assertThat(text(grammar.parse(Reads.of("3AB-5678")))).as("a Vietnamese plate with a lookalike wins").isEqualTo("34B-5678");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"桂A·12345, CN 桂A·12345", "云A2T156, CN 云A·2T156", "粤BD12345, CN 粤B·D12345", "桂AO2345, CN 桂A·02345"})
    @DisplayName("issue 21: Chinese plates, the province's character first, at full confidence")
    void chinesePlates(String read, String plate) {
        GrammarMatch match = grammar.parse(Reads.of(read)).orElseThrow();
        assertThat(match.text()).isEqualTo(plate);
        assertThat(match.note()).isNull();
    }

    @Test
    @DisplayName("issue 21: Vietnamese plates win over the loose layouts where both could be read (5IC-1234 is 51C-1234)")
    void vietnameseWinsOverLooseLayouts() {
        assertThat(text(grammar.parse(Reads.of("5IC-1234")))).isEqualTo("51C-1234");
        assertThat(text(grammar.parse(Reads.of("51C-1234")))).isEqualTo("51C-1234");
    }

    @Test
    @DisplayName("issue 21: a number with a dot has five digits — 20.88 lost its first digit and is no plate")
    void aDotStandsBeforeTheLastTwoOfFiveDigits() {
        assertThat(grammar.parse(Reads.of("59-U1"), Reads.of("20.88"))).isEmpty();
        assertThat(grammar.parse(Reads.of("51C-20.88"))).isEmpty();
        assertThat(text(grammar.parse(Reads.of("59-U1"), Reads.of("120.88")))).isEqualTo("59-U1 120.88");
        assertThat(text(grammar.parse(Reads.of("59-U1"), Reads.of("2088")))).as("an older plate has 4 digits and no dot")
                .isEqualTo("59-U1 2088");
    }

    @Test
    @DisplayName("issue 21: a two-row plate whose series letter was read as a digit keeps its top row, read uncertain")
    void aSeriesLetterReadAsADigitKeepsTheTopRow() {
        GrammarMatch match = grammar.parse(Reads.of("59-01"), Reads.of("120.88")).orElseThrow();
        assertThat(match.text()).isEqualTo("59-D1 120.88");
        assertThat(match.confidence()).isLessThan(0.6);
        // where the recogniser offered the letter, its own alternative wins over a lookalike
        var read = Reads.misread("59-01", 3, '0', 0.7, 'U', 0.25);
        assertThat(text(grammar.parse(read, Reads.of("120.88")))).isEqualTo("59-U1 120.88");
    }

    @Test
    @DisplayName("issue 21: a near-miss digit (444.54 read with a 4 close behind the 5) is read, and as unsure as its lead")
    void nearMissDigitsAreUnsure() {
        GrammarMatch nearMiss = grammar.parse(Reads.misread("51C-444.44", 8, '5', 0.6, '4', 0.35)).orElseThrow();
        assertThat(nearMiss.text()).isEqualTo("51C-444.54");
        assertThat(nearMiss.confidence()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        GrammarMatch clear = grammar.parse(Reads.misread("51C-444.44", 8, '4', 0.9, '5', 0.05)).orElseThrow();
        assertThat(clear.confidence()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static String text(Optional<GrammarMatch> match) {
        return match.map(GrammarMatch::text).orElse(null);
    }
}
