package io.epewatch.casework;

import java.util.EnumSet;
import java.util.Set;

import io.epewatch.kernel.InvalidInputException;

/** Where a case stands (R4.6–R4.8), and where it may go from there. */
public enum CaseState {
    /** Opened from a warning, nobody on it yet. */
    NEW,
    /** An officer analyses it (R4.6). */
    ANALYSING,
    /** The officer wrote the analysis and the proposed handling (R4.6). */
    PROPOSED,
    /** Suspected fraud reported to the head (R4.8). */
    ESCALATED,
    /** The head ordered an inspection (R4.8). */
    INSPECTION_ORDERED,
    /** Decided: no violation, or a violation with its reference. */
    CLOSED;

    /**
     * The moves the procedure allows: an officer takes a new case (or takes over one being analysed), proposes, and
     * escalates signs of fraud (R4.6, R4.8); the head orders an inspection of an escalated case and closes a proposed,
     * escalated or inspected one (R4.8). A closed case stays closed.
     */
    public Set<CaseState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ANALYSING);
            case ANALYSING -> EnumSet.of(ANALYSING, PROPOSED);
            case PROPOSED -> EnumSet.of(ESCALATED, CLOSED);
            case ESCALATED -> EnumSet.of(INSPECTION_ORDERED, CLOSED);
            case INSPECTION_ORDERED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseState.class);
        };
    }

    public boolean canMoveTo(CaseState to) {
        return next().contains(to);
    }

    /** The states from which a case may move to {@code to}. */
    public static Set<CaseState> before(CaseState to) {
        Set<CaseState> from = EnumSet.noneOf(CaseState.class);
        for (CaseState state : values()) {
            if (state.canMoveTo(to)) {
                from.add(state);
            }
        }
        return from;
    }

    /** @throws InvalidInputException naming the state when the procedure does not allow the move */
    public void requireMoveTo(CaseState to) {
        if (!canMoveTo(to)) {
            throw new InvalidInputException("state", "caseState", "the case is " + this + "; this step needs it " + before(to));
        }
    }
}
