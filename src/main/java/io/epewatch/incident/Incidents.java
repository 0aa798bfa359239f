package io.epewatch.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.epewatch.calendar.WorkingCalendar;
import io.epewatch.calendar.WorkingDays;
import io.epewatch.identity.AccessScope;
import io.epewatch.identity.Caller;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import org.springframework.stereotype.Service;

/**
 * Camera and channel incidents (R1.6, R2.3–R2.5), as the people concerned read them, scoped to the caller: with their
 * cameras, follow-ups, late notices, deadline and state on the calendar as announced now. They are opened by the
 * health monitor ({@code IncidentMonitor}), by the EPE's Appendix II notification or an officer ({@link
 * IncidentNotices}), and followed up to their close ({@link IncidentFollowUps}).
 */
@Service
public class Incidents {

    private final IncidentRows rows;
    private final Enterprises enterprises;
    private final WorkingDays workingDays;
    private final Clock clock;

    Incidents(IncidentRows rows, Enterprises enterprises, WorkingDays workingDays, Clock clock) {
        this.rows = rows;
        this.enterprises = enterprises;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The working calendar as announced now. */
    public WorkingCalendar calendar() {
        return workingDays.calendar();
    }

    /** The deadlines as of now, on the calendar as announced now. */
    public IncidentTimeline timeline() {
        return new IncidentTimeline(workingDays.calendar(), clock);
    }

    public Optional<Incident> find(AccessScope scope, long id) {
        return rows.find(id).filter(r -> enterprises.visibleTaxCodes(scope).contains(r.taxCode())).map(this::complete);
    }

    /** Newest first; only the open (and overdue) ones when asked. */
    public List<Incident> list(AccessScope scope, String taxCode, boolean openOnly, int limit) {
        Set<String> visible = enterprises.visibleTaxCodes(scope, taxCode);
        if (visible.isEmpty()) {
            return List.of();
        }
        return rows.list(visible, openOnly, Math.min(Math.max(limit, 1), 500)).stream().map(this::complete).toList();
    }

    /** The incident the caller may see, when its state allows the step. */
    Incident forStep(Caller caller, long id, IncidentState.Step step) {
        Incident incident = find(caller.access(), id).orElseThrow(() -> new NotFoundException("incident", String.valueOf(id)));
        incident.require(step);
        return incident;
    }

    private Incident complete(IncidentRows.Row r) {
        List<Incident.FollowUp> followUps = rows.followUps(r.id());
        List<Incident.LateNotice> notices = rows.lateNotices(r.id());
        IncidentTimeline timeline = timeline();
        LocalDate overdueSince = timeline.overdueSince(r.deadline(), r.closedAt());
        IncidentState state = r.closedAt() != null ? IncidentState.CLOSED
                : overdueSince != null ? IncidentState.OVERDUE : IncidentState.OPEN;
        Instant lastNotice = notices.isEmpty() ? null : notices.getLast().at();
        return new Incident(r.id(), r.taxCode(), r.kind(), r.origin(), r.planned(), r.notice(), r.notifiedAt(),
                r.deadline(), r.officer(), r.measure(), r.measureBy(), r.closedAt(), r.closeReason(), r.openedBy(),
                rows.cameras(r.id()), followUps, notices, overdueSince,
                timeline.lateNoticeDue(r.deadline(), r.closedAt(), lastNotice),
                r.officer() == null ? List.of() : timeline.missingFollowUps(r.notifiedAt(), r.closedAt(),
                        followUps.stream().map(Incident.FollowUp::day).toList()), state, r.noticeFiledAt());
    }
}
