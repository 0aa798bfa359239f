package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.epewatch.clearance.selectivity.Criterion;
import io.epewatch.clearance.selectivity.Criterion.Kind;
import io.epewatch.clearance.selectivity.LaneRules;
import io.epewatch.clearance.selectivity.Subject;
import io.epewatch.declaration.Declaration.Lane;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LaneRulesTest {

    private static Subject subject(String hs, String origin, long valueVnd, int compliance, int incidents, int warnings) {
        return new Subject(List.of(hs), List.of(origin), BigDecimal.valueOf(valueVnd), 0, compliance, incidents, warnings);
    }

    private static final List<Criterion> CRITERIA = List.of(
            new Criterion(1, Kind.HS_CODE, "9303", Lane.RED, null, true),
            new Criterion(2, Kind.COMPLIANCE_BELOW, "60", Lane.YELLOW, null, true),
            new Criterion(3, Kind.OPEN_CAMERA_INCIDENTS, "2", Lane.YELLOW, null, true),
            new Criterion(4, Kind.RECENT_WARNINGS, "3", Lane.RED, null, true),
            new Criterion(5, Kind.ORIGIN, "KP", Lane.RED, null, false));

    @Test
    @DisplayName("R5.8 what the cameras know sends a declaration to a check, and the decision names every criterion that fired")
    void cameraSignalsRaiseTheLane() {
        LaneRules rules = new LaneRules(CRITERIA, 0, 0);
        assertThat(rules.decide(subject("85423100", "VN", 1_000, 100, 0, 0), 0.5).lane()).isEqualTo(Lane.GREEN);
        var poorCameras = rules.decide(subject("85423100", "VN", 1_000, 45, 2, 0), 0.5);
        assertThat(poorCameras.lane()).isEqualTo(Lane.YELLOW);
        assertThat(poorCameras.fired()).extracting(f -> f.kind() + ":" + f.observed())
                .containsExactly("COMPLIANCE_BELOW:camera compliance score 45", "OPEN_CAMERA_INCIDENTS:open camera incidents 2");
        assertThat(rules.decide(subject("85423100", "VN", 1_000, 100, 0, 3), 0.5).lane()).isEqualTo(Lane.RED);
        assertThat(rules.decide(subject("93032000", "VN", 1_000, 100, 0, 0), 0.5).fired())
                .extracting(LaneDecision.Fired::lane).containsExactly(Lane.RED);
        assertThat(rules.decide(subject("85423100", "KP", 1_000, 100, 0, 0), 0.5).lane())
                .as("a disabled criterion does not fire").isEqualTo(Lane.GREEN);
    }

    @Test
    @DisplayName("R5.5 the random draw keeps the minimum share per lane, and never lowers what a criterion decided")
    void randomSharesHold() {
        LaneRules rules = new LaneRules(CRITERIA, 0.30, 0.03);
        Map<Lane, Integer> mix = new EnumMap<>(Lane.class);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            mix.merge(rules.decide(subject("85423100", "VN", 1_000, 100, 0, 0), random.nextDouble()).lane(), 1, Integer::sum);
        }
        assertThat(mix.get(Lane.RED)).isBetween(2_700, 3_300);
        assertThat(mix.get(Lane.YELLOW)).isBetween(29_000, 31_000);
        assertThat(mix.get(Lane.GREEN)).isBetween(66_000, 68_000);
        var drawnGreen = rules.decide(subject("93032000", "VN", 1_000, 100, 0, 0), 0.99);
        assertThat(drawnGreen.lane()).isEqualTo(Lane.RED);
        assertThat(drawnGreen.drawnLane()).isEqualTo(Lane.GREEN);
    }

    @Test
    void parametersAreCheckedByKind() {
        assertThat(Kind.HS_CODE.normalise(" 9303, 8542 ")).isEqualTo("9303,8542");
        assertThat(Kind.ORIGIN.normalise("cn,kp")).isEqualTo("CN,KP");
        assertThatThrownBy(() -> Kind.HS_CODE.normalise("93a3")).hasMessageContaining("HS code prefixes");
        assertThatThrownBy(() -> Kind.COMPLIANCE_BELOW.normalise("-1")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> new LaneRules(CRITERIA, 0.8, 0.3)).hasMessageContaining("at most 1");
    }
}
