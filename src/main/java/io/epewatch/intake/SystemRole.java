package io.epewatch.intake;

/** Which clearance system this instance is (R6.1): the same code, by configuration. */
public enum SystemRole {
    PRIMARY,
    /** Ecus6 to VNACCS: takes declarations only while the primary is declared down, and numbers from its own series. */
    BACKUP
}
