package io.epewatch.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNumberTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // one-row car plates, 5 digits written ddd.dd
            "51C-123.45   | 51C-123.45",
            "30E-255.82   | 30E-255.82",
            "29A-12345    | 29A-123.45",
            "51c12345     | 51C-123.45",
            "51C 123 45   | 51C-123.45",
            // two-letter series: foreign-invested enterprises (LD), trailers (R)
            "50LD-044.11  | 50LD-044.11",
            "51R-022.34   | 51R-022.34",
            // older 4-digit plates
            "29A-1234     | 29A-1234",
            // two-row motorbike plates, and the same written on one line
            "59-P1 332.02 | 59-P1 332.02",
            "15-MD1 453.66| 15-MD1 453.66",
            "54-L6 4897   | 54-L6 4897",
            "59X1-123.45  | 59-X1 123.45",
            "59X112345    | 59-X1 123.45",
            // two-row car plate as an OCR joins its rows with a line break
            "'51C\n123.45'| 51C-123.45",
            // Đ is read as D
            "43Đ-555.01   | 43D-555.01"})
    @DisplayName("R1.2 Vietnamese plates normalise to one canonical form")
    void normalises(String raw, String canonical) {
        assertThat(PlateNumber.parse(raw).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "5C-123.45", "51C-123.4", "51C-1234567", "10A-123.45", "00C-123.45", "51-123.45", "51CDE-123.45", "  "})
    void refusesWhatIsNotAPlate(String raw) {
        assertThatThrownBy(() -> PlateNumber.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"51C-123.45, 51C12345, false", "59-P1 332.02, 59P133202, true"})
    void compactFormAndKind(String plate, String compact, boolean motorbike) {
        PlateNumber parsed = PlateNumber.parse(plate);
        assertThat(parsed.compact()).isEqualTo(compact);
        assertThat(parsed.motorbike()).isEqualTo(motorbike);
        assertThat(parsed.provinceCode()).isEqualTo(plate.substring(0, 2));
    }
}
