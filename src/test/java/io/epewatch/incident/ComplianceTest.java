package io.epewatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import io.epewatch.calendar.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The compliance score's formula over an enterprise's incidents (R2.5), on 2026-03-20 with an injected clock. */
class ComplianceTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(List.of());
    private static final IncidentTimeline TIMELINE = new IncidentTimeline(CALENDAR,
            Clock.fixed(at("2026-03-20T09:00"), IncidentTimeline.VIETNAM));

    private static Instant at(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), IncidentTimeline.VIETNAM).toInstant();
    }

    private static Incident incident(Incident.Origin origin, boolean planned, String notified, String deadline,
                                     String closed, boolean lateNoticeDue, String camera) {
        AppendixII notice = new AppendixII("Công ty", "KCX", "0312345678", "", List.of(camera), "", null, "", "");
        return new Incident(1, "0312345678", IncidentKind.EQUIPMENT, origin, planned, notice, at(notified),
                LocalDate.parse(deadline), null, null, null, closed == null ? null : at(closed), null, "x", List.of(),
                List.of(), List.of(), null, lateNoticeDue, List.of(), io.epewatch.incident.IncidentState.OPEN, null);
    }

    @Test
    @DisplayName("R2.5 a clean year scores 100; planned work is counted but never deducted")
    void clean() {
        ComplianceScore score = Compliance.score(List.of(
                incident(Incident.Origin.NOTICE, true, "2026-03-02T08:00", "2026-03-16", "2026-03-03T10:00", false, "G1")),
                TIMELINE, CALENDAR);
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.plannedShare()).isEqualTo(100);
    }

    @Test
    @DisplayName("R2.3 R2.5 restored 3 working days late without a late notice, and an outage the EPE never notified")
    void deductions() {
        ComplianceScore score = Compliance.score(List.of(
                // due Friday 6 March, restored Wednesday 11 March: 3 working days late, no late notice filed
                incident(Incident.Origin.NOTICE, false, "2026-02-13T08:00", "2026-03-06", "2026-03-11T10:00", false, "G1"),
                // still open, due 13 March: 5 working days late by Friday 20 March, late notice owed
                incident(Incident.Origin.MONITOR, false, "2026-03-10T08:00", "2026-03-13", null, true, "Y1")),
                TIMELINE, CALENDAR);
        assertThat(score.workingDaysLate()).isEqualTo(8);
        assertThat(score.lateNoticesMissing()).isEqualTo(1);
        assertThat(score.missedNotifications()).isEqualTo(1); // nobody notified Y1
        assertThat(score.score()).isEqualTo(100 - 2 * 5 - 2 * 8 - 10 - 10);
    }

    @Test
    @DisplayName("an outage found by the monitor and notified by the EPE the next working day is not a missed notification")
    void notifiedInTime() {
        ComplianceScore score = Compliance.score(List.of(
                incident(Incident.Origin.MONITOR, false, "2026-03-13T18:00", "2026-03-27", null, false, "G1"),
                incident(Incident.Origin.NOTICE, false, "2026-03-16T09:00", "2026-03-30", null, false, "G1")),
                TIMELINE, CALENDAR);
        assertThat(score.missedNotifications()).isZero();
    }
}
