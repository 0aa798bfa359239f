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
            // Đ is read as D; electric motorbikes carry MĐ and a digit (Circular 58/2020)
            "43Đ-555.01   | 43D-555.01",
            "29-MĐ1 123.45| 29-MD1 123.45",
            // trailers and semi-trailers (R, RM), temporary plates (series T) are cars by layout
            "51RM-012.34  | 51RM-012.34",
            "29T-012.34   | 29T-012.34",
            // diplomatic missions (NG), foreign organisations (NN), international organisations (QT): country, order
            "80NG-123-45  | 80NG-123-45",
            "80 NG 123 45 | 80NG-123-45",
            "80NG12345    | 80NG-123-45",
            "29NN-456-01  | 29NN-456-01",
            "80QT 012-34  | 80QT-012-34",
            // military: branch letter pair, two pairs of digits
            "TM-12-34     | TM-12-34",
            "KA 56 78     | KA-56-78",
            "KH 12 34     | KH-12-34",
            // the country written before a Vietnamese plate
            "VN 51C 12345 | 51C-123.45"})
    @DisplayName("R1.2 Vietnamese plates normalise to one canonical form")
    void normalises(String raw, String canonical) {
        assertThat(PlateNumber.parse(raw).value()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // issue 21: trucks from across the border keep their country
            "KH 2A-1234   | KH 2A-1234 | KH",
            "2A-1234      | KH 2A-1234 | KH",
            "3AB 5678     | KH 3AB-5678| KH",
            "LA ກຂ 1234   | LA ກຂ 1234 | LA",
            "ກທ1234       | LA ກທ 1234 | LA",
            "桂A·12345     | CN 桂A·12345 | CN",
            "云a 2t156     | CN 云A·2T156 | CN",
            "CN 粤B-D12345 | CN 粤B·D12345 | CN",
            "XX 1กข 1234  | XX 1กข1234 | XX",
            "xx: AB-123-CD| XX AB123CD | XX"})
    @DisplayName("R1.2 plates of Laos, Cambodia and China, and of an unknown country, keep their country")
    void foreignPlatesKeepTheirCountry(String raw, String canonical, PlateNumber.Country country) {
        PlateNumber plate = PlateNumber.parse(raw);
        assertThat(plate.value()).isEqualTo(canonical);
        assertThat(plate.country()).isEqualTo(country);
        assertThat(PlateNumber.parse(plate.value())).isEqualTo(plate);
        assertThat(plate.provinceCode()).isNull();
        assertThat(plate.motorbike()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"KH 12-3456", "CN 51C-123.45", "LA 2A-1234", "XX A", "XX ABCDEF", "京I·12345", "51C-20.88",
            "80NG-1234", "80-NG1 123.45", "XA-12-34", "05QT-123-45"})
    @DisplayName("R1.2 a layout that does not fit its country, a dot before two digits only, an unknown province: refused")
    void refusesWhatFitsNoLayout(String raw) {
        assertThatThrownBy(() -> PlateNumber.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"ab-12 34, XX AB1234", "'  1กข 1234', XX 1กข1234"})
    void anUnreadableLayoutIsKeptAsReadWithItsCountryUnknown(String raw, String canonical) {
        assertThat(PlateNumber.unknownCountry(raw).value()).isEqualTo(canonical);
        assertThatThrownBy(() -> PlateNumber.unknownCountry("ABCD")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "5C-123.45", "51C-123.4", "51C-1234567", "10A-123.45", "00C-123.45", "51-123.45", "51CDE-123.45", "  "})
    void refusesWhatIsNotAPlate(String raw) {
        assertThatThrownBy(() -> PlateNumber.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"51C-123.45, 51C12345, false", "59-P1 332.02, 59P133202, true", "80NG-123-45, 80NG12345, false"})
    void compactFormAndKind(String plate, String compact, boolean motorbike) {
        PlateNumber parsed = PlateNumber.parse(plate);
        assertThat(parsed.compact()).isEqualTo(compact);
        assertThat(parsed.motorbike()).isEqualTo(motorbike);
        assertThat(parsed.provinceCode()).isEqualTo(plate.substring(0, 2));
    }
}
