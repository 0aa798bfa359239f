package io.epewatch.notification;

/** What a notice is about. */
public enum NoticeKind {
    /** An incident was opened (R2.3, R2.4). */
    INCIDENT_OPENED,
    /** Its restoration deadline is the next working day. */
    DEADLINE_TOMORROW,
    /** Its deadline passed without restoration; the EPE owes a late notice. */
    INCIDENT_OVERDUE,
    /** A working day passed without the assigned officer's follow-up (R2.5). */
    FOLLOW_UP_MISSING,
    /** A planned check is due today (R4.1). */
    CHECK_DUE_TODAY,
    /** Customs' notice that its clearance system failed, or is back (R5.9). */
    OUTAGE_NOTICE
}
