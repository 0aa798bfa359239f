package io.epewatch.casework;

/** Where a case stands (R4.6–R4.8). */
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
    CLOSED
}
