package io.epewatch.intake;

import java.time.Instant;

/**
 * Where this instance stands: its role, mode, epoch (raised at each takeover and hand-back, so a stale grant is told
 * apart from a fresh one), since when and why, and, on a primary, how far it has applied the backup's journal.
 */
public record IntakeState(SystemRole role, IntakeMode mode, long epoch, Instant since, String reason, String changedBy,
                          long journalApplied) {

    public boolean accepting() {
        return mode == IntakeMode.ACCEPTING;
    }
}
