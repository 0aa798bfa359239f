package io.epewatch.identity;

/** The outcome of walking the audit chain: intact, or the first record where it breaks and why. */
public record AuditVerification(boolean intact, long recordsChecked, Long firstBrokenRecord, String problem) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    static AuditVerification broken(long checked, long record, String problem) {
        return new AuditVerification(false, checked, record, problem);
    }
}
