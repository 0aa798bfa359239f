package io.epewatch.incident;

/**
 * How well an enterprise kept Decision 247's incident duties over the last twelve months (R2.5), 0–100:
 * <pre>
 * 100 − 5 × unplanned incidents − 2 × working days restored late (all incidents together)
 *     − 10 × late notices owed but not filed − 10 × outages the monitor found that the EPE did not notify
 * </pre>
 * floored at 0. Planned work (R1.6) is counted and shown, never deducted.
 *
 * @param missedNotifications outages opened by the monitor with no Appendix II notice from the EPE by the end of the
 *                            next working day
 */
public record ComplianceScore(int score, int incidents, int planned, int workingDaysLate, int lateNoticesMissing,
                              int missedNotifications) {

    public static ComplianceScore of(int unplanned, int planned, int workingDaysLate, int lateNoticesMissing,
                                     int missedNotifications) {
        int score = 100 - 5 * unplanned - 2 * workingDaysLate - 10 * lateNoticesMissing - 10 * missedNotifications;
        return new ComplianceScore(Math.max(0, score), unplanned + planned, planned, workingDaysLate, lateNoticesMissing,
                missedNotifications);
    }

    /** The share of incidents that were planned work, in percent; 0 without incidents. */
    public int plannedShare() {
        return incidents == 0 ? 0 : Math.round(100f * planned / incidents);
    }
}
