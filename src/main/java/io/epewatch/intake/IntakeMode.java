package io.epewatch.intake;

/** Where this instance stands in the primary/backup pair. */
public enum IntakeMode {
    /** Takes declarations: a primary with its lease (or without a backup), a backup that has taken over. */
    ACCEPTING,
    /** A primary whose lease lapsed or was refused: the backup may be taking declarations. */
    FENCED,
    /** A primary taking back what the backup accepted, before it accepts again. */
    RECOVERING,
    /** A backup while the primary is up. */
    STANDBY,
    /** A backup that has not heard from the primary within the window, waiting for an IT administrator to confirm. */
    PRIMARY_DOWN,
    /** A backup that has stopped taking declarations and is giving them back to the returning primary. */
    HANDING_BACK
}
