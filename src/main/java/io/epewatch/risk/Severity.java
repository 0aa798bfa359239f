package io.epewatch.risk;

/** How urgently an officer should look at a warning; the inbox sorts by score, severity names the band. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
