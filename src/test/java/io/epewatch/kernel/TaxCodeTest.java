package io.epewatch.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxCodeTest {

    @ParameterizedTest
    @CsvSource({"0301234567, 0301234567", "0301234567-001, 0301234567-001", "0301234567001, 0301234567-001", "' 0312345678 ', 0312345678"})
    void acceptsTenDigitsOrBranchForm(String raw, String canonical) {
        assertThat(TaxCode.parse(raw).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"030123456", "03012345678", "0301234567-01", "030123456A", "0301234567_001", ""})
    void refusesOtherShapes(String raw) {
        assertThatThrownBy(() -> TaxCode.parse(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 digits");
    }
}
