package io.epewatch.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerNumberTest {

    /** Numbers read by eye off real port-gate frames (shared/data/containers) and the ISO 6346 standard's own example. */
    @ParameterizedTest
    @ValueSource(strings = {"CSQU3054383", "MSKU4670691", "TEMU2709541", "FCIU5977394", "DFSU6889054"})
    @DisplayName("R1.2 real container numbers pass the ISO 6346 check digit")
    void realNumbersAreValid(String number) {
        assertThat(ContainerNumber.parse(number).valid()).isTrue();
        assertThat(ContainerNumber.parseDeclared(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @CsvSource({"msku 467069-1, MSKU4670691", "MSKU-467.069/1, MSKU4670691", "' csqu3054383 ', CSQU3054383"})
    void printedFormsNormalise(String raw, String canonical) {
        assertThat(ContainerNumber.parse(raw).value()).isEqualTo(canonical);
    }

    @Test
    void aWrongCheckDigitIsAcceptedAsReadButFlagged() {
        ContainerNumber misread = ContainerNumber.parse("CSQU3054384");
        assertThat(misread.valid()).isFalse();
        assertThat(misread.invalidReason()).isEqualTo("check digit is 4 but ISO 6346 gives 3");
        assertThatThrownBy(() -> ContainerNumber.parseDeclared("CSQU3054384"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 6346 gives 3");
    }

    @Test
    void aCategoryOtherThanUJZIsInvalid() {
        // right shape, and even a matching check digit would not make X a category
        ContainerNumber number = ContainerNumber.parse("CSQX3054383");
        assertThat(number.valid()).isFalse();
        assertThat(number.invalidReason()).contains("category letter must be U, J or Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MSKU12", "MSK1234565X", "1234MSKU565", "MSKU12345678", "", "МSKU4670691"})
    void wrongShapesAreRefused(String raw) {
        // the last one starts with a Cyrillic М, a lookalike a bad OCR or copy-paste produces
        assertThatThrownBy(() -> ContainerNumber.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRemainderOfTenIsWrittenZero() {
        // the weighted sum of MSCU100007 leaves 10 modulo 11, which ISO 6346 writes as check digit 0
        assertThat(ContainerNumber.withCheckDigit("MSCU100007").value()).isEqualTo("MSCU1000070");
        assertThat(ContainerNumber.parse("MSCU1000070").valid()).isTrue();
    }
}
