package io.epewatch.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A camera or channel incident of an enterprise and where it stands (R2.3–R2.5).
 *
 * @param planned          work declared in advance (R1.6): tracked and shown, not held against the EPE
 * @param overdueSince     the first day past the deadline without restoration; null while not overdue
 * @param lateNoticeDue    overdue and the EPE has filed no late notice since
 * @param missingFollowUps working days after notification on which the assigned officer recorded nothing
 * @param status           closed, else overdue once past the deadline, else open
 * @param noticeFiledAt    when the EPE filed its Appendix II notice for this incident; null while it has not
 */
public record Incident(long id, String enterpriseTaxCode, IncidentKind kind, Origin origin, boolean planned,
                       AppendixII notice, Instant notifiedAt, LocalDate deadline, String assignedOfficer,
                       String supervisionMeasure, String measureBy, Instant closedAt, String closeReason,
                       String openedBy, List<AffectedCamera> cameras, List<FollowUp> followUps,
                       List<LateNotice> lateNotices, LocalDate overdueSince, boolean lateNoticeDue,
                       List<LocalDate> missingFollowUps, IncidentState status, Instant noticeFiledAt) {

    /** @throws io.epewatch.kernel.InvalidInputException when the incident's state does not allow the step now */
    public void require(IncidentState.Step step) {
        status.require(step, this);
    }

    /** Who opened it: the health monitor, the EPE's Appendix II notification, or an officer. */
    public enum Origin { MONITOR, NOTICE, OFFICER }

    public record AffectedCamera(String number, Instant downSince, Instant backAt) {
    }

    public record FollowUp(LocalDate day, String text, String by, Instant at) {
    }

    public record LateNotice(String reason, Instant newExpected, String by, Instant at) {
    }
}
