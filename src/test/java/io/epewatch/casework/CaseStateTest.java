package io.epewatch.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.epewatch.kernel.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The procedure's moves (R4.6–R4.8) belong to the state itself, so no service can skip a step. */
class CaseStateTest {

    @Test
    @DisplayName("R4.6–R4.8 a case goes NEW → ANALYSING → PROPOSED → (ESCALATED → INSPECTION_ORDERED →) CLOSED, never backwards")
    void allowedMoves() {
        assertThat(CaseState.NEW.next()).containsExactly(CaseState.ANALYSING);
        assertThat(CaseState.ANALYSING.canMoveTo(CaseState.ANALYSING)).as("another officer takes it over").isTrue();
        assertThat(CaseState.PROPOSED.next()).containsExactlyInAnyOrder(CaseState.ESCALATED, CaseState.CLOSED);
        assertThat(CaseState.ESCALATED.next()).containsExactlyInAnyOrder(CaseState.INSPECTION_ORDERED, CaseState.CLOSED);
        assertThat(CaseState.CLOSED.next()).as("a decided case stays decided").isEmpty();
        assertThat(CaseState.NEW.canMoveTo(CaseState.CLOSED)).as("no decision without an analysis").isFalse();
        assertThat(CaseState.INSPECTION_ORDERED.canMoveTo(CaseState.PROPOSED)).isFalse();
        assertThat(CaseState.before(CaseState.CLOSED))
                .containsExactlyInAnyOrder(CaseState.PROPOSED, CaseState.ESCALATED, CaseState.INSPECTION_ORDERED);
    }

    @Test
    @DisplayName("an illegal move is refused naming the state and the states the step needs")
    void illegalMoveIsRefused() {
        assertThatThrownBy(() -> CaseState.NEW.requireMoveTo(CaseState.ESCALATED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NEW").hasMessageContaining("PROPOSED");
    }
}
