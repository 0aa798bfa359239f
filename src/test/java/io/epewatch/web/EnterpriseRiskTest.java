package io.epewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import io.epewatch.incident.ComplianceScore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The enterprise risk score's formula: warnings weigh 70 %, compliance (incidents and camera uptime) 30 %. */
class EnterpriseRiskTest {

    private static final ComplianceScore CLEAN = ComplianceScore.of(0, 0, 0, 0, 0);

    @Test
    @DisplayName("no open warning and cameras always online score 0; unwatched cameras do not count")
    void cleanEnterprise() {
        EnterpriseRisk.Score score = EnterpriseRisk.combine(List.of(), Arrays.asList(100.0, null), 0, CLEAN);
        assertThat(score.score()).isZero();
        assertThat(score.availability()).isEqualTo(100.0);
        assertThat(EnterpriseRisk.combine(List.of(), Arrays.asList(null, null), 0, CLEAN).availability()).isNull();
    }

    @Test
    @DisplayName("R2.1 R2.5 cameras offline a fifth of the month and a compliance score of 60; warnings add a third of their scores")
    void warningsAndCompliance() {
        EnterpriseRisk.Score score = EnterpriseRisk.combine(List.of(70, 50), List.of(80.0, 80.0), 1,
                ComplianceScore.of(2, 0, 5, 1, 0)); // 100 − 10 − 10 − 10 − 0 = 70
        assertThat(score.compliance().score()).isEqualTo(70);
        assertThat(score.warningsPart()).isEqualTo(40);   // 120 / 3
        assertThat(score.compliancePart()).isEqualTo(25); // (30 + 20) / 2
        assertThat(score.score()).isEqualTo(36);          // 0.7 × 40 + 0.3 × 25 = 35.5
        assertThat(score.camerasDown()).isEqualTo(1);
    }

    @Test
    @DisplayName("many warnings cap their part at 100, so the score never passes 100")
    void capped() {
        EnterpriseRisk.Score score = EnterpriseRisk.combine(List.of(100, 100, 100, 100), List.of(0.0), 1, ComplianceScore.of(30, 0, 0, 0, 0));
        assertThat(score.warningsPart()).isEqualTo(100);
        assertThat(score.score()).isEqualTo(100);
    }
}
