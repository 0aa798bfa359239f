package io.epewatch.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.epewatch.calendar.WorkingCalendar;
import io.epewatch.identity.AccessScope;
import org.springframework.stereotype.Service;

/** The compliance score of an enterprise from its incidents of the last twelve months (R2.5; formula in {@link ComplianceScore}). */
@Service
public class Compliance {

    private static final Duration YEAR = Duration.ofDays(365);

    private final Incidents incidents;

    Compliance(Incidents incidents) {
        this.incidents = incidents;
    }

    public ComplianceScore of(AccessScope scope, String taxCode) {
        IncidentTimeline timeline = incidents.timeline();
        Instant since = timeline.today().atStartOfDay(IncidentTimeline.VIETNAM).toInstant().minus(YEAR);
        List<Incident> recent = incidents.list(scope, taxCode, false, 500).stream()
                .filter(i -> i.notifiedAt().isAfter(since)).toList();
        return score(recent, timeline, incidents.calendar());
    }

    static ComplianceScore score(List<Incident> recent, IncidentTimeline timeline, WorkingCalendar calendar) {
        int unplanned = 0;
        int planned = 0;
        int late = 0;
        int noticesMissing = 0;
        int missed = 0;
        for (Incident i : recent) {
            if (i.planned()) {
                planned++;
                continue;
            }
            unplanned++;
            LocalDate end = i.closedAt() == null ? timeline.today() : IncidentTimeline.day(i.closedAt());
            late += Math.max(0, calendar.workingDaysBetween(i.deadline(), end));
            if (i.lateNoticeDue()) {
                noticesMissing++;
            }
            if (i.origin() == Incident.Origin.MONITOR && !notified(i, recent, calendar)) {
                missed++;
            }
        }
        return ComplianceScore.of(unplanned, planned, late, noticesMissing, missed);
    }

    /** Whether the EPE filed a notice for the same outage: from the day before it began to the next working day. */
    private static boolean notified(Incident outage, List<Incident> all, WorkingCalendar calendar) {
        LocalDate began = IncidentTimeline.day(outage.notifiedAt());
        LocalDate until = calendar.plusWorkingDays(began, 1);
        if (outage.noticeFiledAt() != null && !IncidentTimeline.day(outage.noticeFiledAt()).isAfter(until)) {
            return true;
        }
        return all.stream().anyMatch(n -> n.origin() == Incident.Origin.NOTICE
                && !IncidentTimeline.day(n.notifiedAt()).isBefore(began.minusDays(1))
                && !IncidentTimeline.day(n.notifiedAt()).isAfter(until)
                && n.notice().affectedCameras().stream().anyMatch(outage.notice().affectedCameras()::contains));
    }
}
