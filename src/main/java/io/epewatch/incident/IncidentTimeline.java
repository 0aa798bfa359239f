package io.epewatch.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.epewatch.calendar.WorkingCalendar;

/**
 * The deadlines of an incident, by Vietnamese working days (R2.3–R2.5): restoration is due {@link
 * IncidentKind#workingDays()} working days after the day of notification; past that day without restoration the
 * incident is overdue and the EPE owes a late notice; the assigned officer records a follow-up every working day
 * after the notification, and a working day without one is missing. Plain Java: the clock and calendar are given.
 */
public final class IncidentTimeline {

    /** Deadlines are Vietnamese calendar days. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final WorkingCalendar calendar;
    private final Clock clock;

    public IncidentTimeline(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The last day to restore service. */
    public LocalDate deadline(IncidentKind kind, Instant notifiedAt) {
        return calendar.plusWorkingDays(day(notifiedAt), kind.workingDays());
    }

    /** The first day the incident is overdue, or null while it is not (closed in time, or the deadline not passed). */
    public LocalDate overdueSince(LocalDate deadline, Instant closedAt) {
        LocalDate end = closedAt == null ? today() : day(closedAt);
        return end.isAfter(deadline) ? deadline.plusDays(1) : null;
    }

    /** Whether the EPE must still file a late notice: overdue, and none filed since the deadline passed. */
    public boolean lateNoticeDue(LocalDate deadline, Instant closedAt, Instant lastLateNoticeAt) {
        LocalDate overdue = overdueSince(deadline, closedAt);
        return closedAt == null && overdue != null && (lastLateNoticeAt == null || day(lastLateNoticeAt).isBefore(overdue));
    }

    /**
     * Working days after the notification, up to yesterday (today's update may still come) or the closing day, on
     * which no follow-up was recorded (R2.5).
     */
    public List<LocalDate> missingFollowUps(Instant notifiedAt, Instant closedAt, Collection<LocalDate> followedUp) {
        LocalDate last = closedAt == null ? today().minusDays(1) : day(closedAt).minusDays(1);
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d = day(notifiedAt).plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d) && !followedUp.contains(d)) {
                missing.add(d);
            }
        }
        return missing;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    public static LocalDate day(Instant at) {
        return at.atZone(VIETNAM).toLocalDate();
    }
}
