package io.epewatch.risk;

/** Where a warning stands. Case handling (analyse, escalate, inspect) comes with the casework module. */
public enum WarningStatus {
    OPEN,
    /** Later data explained it (a declaration arrived); kept with the reason, never deleted. */
    RESOLVED_BY_DATA
}
