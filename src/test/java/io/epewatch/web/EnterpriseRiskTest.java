package io.epewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The enterprise risk score's formula: warnings weigh 70 %, camera compliance over 30 days 30 %. */
class EnterpriseRiskTest {

    @Test
    @DisplayName("no open warning and cameras always online score 0; unwatched cameras do not count")
    void cleanEnterprise() {
        EnterpriseRisk.Score score = EnterpriseRisk.combine(List.of(), Arrays.asList(100.0, null), 0);
        assertThat(score.score()).isZero();
        assertThat(score.availability()).isEqualTo(100.0);
        assertThat(EnterpriseRisk.combine(List.of(), Arrays.asList(null, null), 0).availability()).isNull();
    }

    @Test
    @DisplayName("R2.1 cameras offline a fifth of the month add 6 points; warnings add a third of their scores, times 0.7")
    void warningsAndCompliance() {
        EnterpriseRisk.Score score = EnterpriseRisk.combine(List.of(70, 50), List.of(80.0, 80.0), 1);
        assertThat(score.warningsPart()).isEqualTo(40);   // 120 / 3
        assertThat(score.compliancePart()).isEqualTo(20); // 100 − 80
        assertThat(score.score()).isEqualTo(34);          // 0.7 × 40 + 0.3 × 20
        assertThat(score.camerasDown()).isEqualTo(1);
    }

    @Test
    @DisplayName("many warnings cap their part at 100, so the score never passes 100")
    void capped() {
        EnterpriseRisk.Score score = EnterpriseRisk.combine(List.of(100, 100, 100, 100), List.of(0.0), 1);
        assertThat(score.warningsPart()).isEqualTo(100);
        assertThat(score.score()).isEqualTo(100);
    }
}
