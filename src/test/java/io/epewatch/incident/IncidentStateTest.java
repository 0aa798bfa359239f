package io.epewatch.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.epewatch.kernel.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which steps an incident allows is the incident's own rule (R2.3–R2.5), not each service's. */
class IncidentStateTest {

    private static Incident incident(IncidentState state) {
        return new Incident(1, "0312345678", IncidentKind.EQUIPMENT, Incident.Origin.MONITOR, false, null,
                Instant.parse("2026-03-02T02:00:00Z"), LocalDate.of(2026, 3, 16), null, null, null, null, null, "monitor",
                List.of(), List.of(), List.of(), null, false, List.of(), state, null);
    }

    @Test
    @DisplayName("R2.5 an open incident is assigned, followed up, measured and closed; R2.3 a late notice waits for the deadline to pass")
    void openAndOverdue() {
        assertThat(IncidentState.OPEN.allowed()).containsExactlyInAnyOrder(IncidentState.Step.ASSIGN,
                IncidentState.Step.FOLLOW_UP, IncidentState.Step.MEASURE, IncidentState.Step.CLOSE);
        assertThat(IncidentState.OVERDUE.allowed()).contains(IncidentState.Step.LATE_NOTICE);
        assertThatThrownBy(() -> incident(IncidentState.OPEN).require(IncidentState.Step.LATE_NOTICE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-03-16");
    }

    @Test
    @DisplayName("a closed incident refuses every step, naming why")
    void closedTakesNoSteps() {
        for (IncidentState.Step step : IncidentState.Step.values()) {
            assertThatThrownBy(() -> incident(IncidentState.CLOSED).require(step))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("closed");
        }
    }
}
