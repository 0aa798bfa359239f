package io.epewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppendixIApplicabilityTest {

    @Test
    @DisplayName("R1.8 an EPE established after Decision 247 took effect must meet Appendix I")
    void establishedAfterDecisionApplies() {
        assertThat(AppendixIApplicability.of(LocalDate.of(2023, 5, 10), LocalDate.of(2023, 4, 20), false))
                .isEqualTo(AppendixIApplicability.APPLIES);
        assertThat(AppendixIApplicability.of(LocalDate.of(2022, 3, 2), null, true))
                .as("the decision is in force from its signing day").isEqualTo(AppendixIApplicability.APPLIES);
    }

    @Test
    @DisplayName("R1.8 an EPE licensed before Decree 18 took effect (2021-04-25) is exempt")
    void licensedBeforeDecree18IsExempt() {
        assertThat(AppendixIApplicability.of(LocalDate.of(2021, 6, 1), LocalDate.of(2021, 4, 24), false))
                .isEqualTo(AppendixIApplicability.EXEMPT_LICENSED_BEFORE_DECREE_18);
    }

    @Test
    @DisplayName("R1.8 an EPE established between the two dates and operating with cameras is exempt")
    void establishedBetweenWithCamerasIsExempt() {
        assertThat(AppendixIApplicability.of(LocalDate.of(2021, 4, 25), null, true))
                .isEqualTo(AppendixIApplicability.EXEMPT_OPERATING_WITH_CAMERAS);
        assertThat(AppendixIApplicability.of(LocalDate.of(2022, 3, 1), null, true))
                .isEqualTo(AppendixIApplicability.EXEMPT_OPERATING_WITH_CAMERAS);
        assertThat(AppendixIApplicability.of(LocalDate.of(2022, 3, 1), null, false))
                .as("without cameras it has to equip itself to today's minimum").isEqualTo(AppendixIApplicability.APPLIES);
    }

    @Test
    void withoutDatesItIsUnknown() {
        assertThat(AppendixIApplicability.of(null, null, false)).isEqualTo(AppendixIApplicability.UNKNOWN);
    }

    @Test
    @DisplayName("R1.7 gates, storage doors, yards and inside storage connect online; other required areas store on site")
    void onlineConnectionFollowsLocationKind() {
        assertThat(LocationKind.GATE.mustConnectOnline()).isTrue();
        assertThat(LocationKind.WAREHOUSE_GATE.mustConnectOnline()).isTrue();
        assertThat(LocationKind.YARD.mustConnectOnline()).isTrue();
        assertThat(LocationKind.WAREHOUSE_INSIDE.mustConnectOnline()).isTrue();
        assertThat(LocationKind.OTHER_REQUIRED.mustConnectOnline()).isFalse();
    }
}
