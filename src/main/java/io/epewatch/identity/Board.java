package io.epewatch.identity;

/** The headquarters boards that use the system (R6.2); the IT board administers HQ accounts (R6.3). */
public enum Board {
    SUPERVISION,
    TAX,
    RISK_MANAGEMENT,
    IT
}
