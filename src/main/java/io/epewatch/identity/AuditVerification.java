package io.epewatch.identity;

import java.time.Instant;

/**
 * The outcome of walking the audit chain against its signed checkpoints: intact, or the first problem and where.
 *
 * @param firstBrokenRecord the record where the chain breaks; null when records are missing at its end or the
 *                          checkpoint file itself was altered
 * @param checkpoints       signed checkpoints (and an external anchor, if given) the chain was compared with
 * @param latestCheckpoint  when the newest of them was written; null when none was written yet
 */
public record AuditVerification(boolean intact, long recordsChecked, Long firstBrokenRecord, String problem,
                                int checkpoints, Instant latestCheckpoint) {

    static AuditVerification intact(long checked, int checkpoints, Instant latestCheckpoint) {
        return new AuditVerification(true, checked, null, null, checkpoints, latestCheckpoint);
    }

    static AuditVerification broken(long checked, Long record, String problem, int checkpoints, Instant latestCheckpoint) {
        return new AuditVerification(false, checked, record, problem, checkpoints, latestCheckpoint);
    }
}
