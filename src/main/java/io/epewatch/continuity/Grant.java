package io.epewatch.continuity;

import io.epewatch.intake.IntakeMode;

/** The backup's answer to the primary: whether it holds the lease now, in which epoch, and the backup's mode. */
record Grant(boolean granted, long epoch, IntakeMode backupMode, long leaseMillis) {
}
