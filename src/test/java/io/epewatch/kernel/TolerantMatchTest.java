package io.epewatch.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Matching reads against declared plates and containers despite OCR slips (for the risk rules, R4.5). */
class TolerantMatchTest {

    @Test
    @DisplayName("formatting does not count; a lookalike swap costs a third; an unrelated plate does not match")
    void distances() {
        assertThat(TolerantMatch.distance("51C-123.45", "51C12345")).isZero();
        assertThat(TolerantMatch.distance("51C-128.45", "51C-123.45")).isEqualTo(1.0);
        assertThat(TolerantMatch.distance("51C-I23.45", "51C-123.45")).isEqualTo(1.0 / 3);
        assertThat(TolerantMatch.distance("MSKU0539301", "MSKUO539301")).isEqualTo(1.0 / 3);
        assertThat(TolerantMatch.matches("51C-128.45", "51C-123.45")).isTrue();
        assertThat(TolerantMatch.matches("51C-I23.4S", "51C-123.45")).as("two lookalikes").isTrue();
        assertThat(TolerantMatch.matches("51C-128.46", "51C-123.45")).as("two real errors").isFalse();
        assertThat(TolerantMatch.matches("30E-255.82", "51C-123.45")).isFalse();
        assertThat(TolerantMatch.matches(null, "51C-123.45")).isFalse();
    }

    @Test
    @DisplayName("issue 21: foreign plates match by all their characters; a read of unknown country matches any country's plate")
    void foreignPlates() {
        assertThat(TolerantMatch.matches("CN 桂A·12345", "CN 桂A·12345")).isTrue();
        assertThat(TolerantMatch.distance("CN 桂A·12345", "CN 云A·12345")).as("another province").isEqualTo(1.0);
        assertThat(TolerantMatch.matches("CN 桂A·12345", "CN 云A·12346")).isFalse();
        assertThat(TolerantMatch.matches("XX 2A1234", "KH 2A-1234")).isTrue();
        assertThat(TolerantMatch.matches("XX 2A1Z34", "KH 2A-1234")).as("a lookalike").isTrue();
        assertThat(TolerantMatch.matches("LA ກຂ 1234", "LA ກທ 1234")).as("one Lao letter").isTrue();
        assertThat(TolerantMatch.matches("LA ກຂ 1234", "LA ທທ 1234")).as("two Lao letters").isFalse();
    }
}
