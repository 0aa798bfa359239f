package io.epewatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import io.epewatch.calendar.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Deadlines, overdue and missing follow-ups of an incident, with an injected clock (R2.3–R2.5). */
class IncidentTimelineTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(List.of());
    /** Friday before Tết Bính Ngọ (17 February 2026), 15:00 in Vietnam. */
    private static final Instant FRIDAY_BEFORE_TET = at("2026-02-13T15:00");

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), IncidentTimeline.VIETNAM).toInstant();
    }

    private static IncidentTimeline on(String localDateTime) {
        return new IncidentTimeline(CALENDAR, Clock.fixed(at(localDateTime), IncidentTimeline.VIETNAM));
    }

    @Test
    @DisplayName("R2.3 R2.4 notified the Friday before Tết: equipment due 6 March, channel due 25 February")
    void deadlinesAcrossTet() {
        IncidentTimeline timeline = on("2026-02-13T15:00");
        assertThat(timeline.deadline(IncidentKind.EQUIPMENT, FRIDAY_BEFORE_TET)).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(timeline.deadline(IncidentKind.CHANNEL, FRIDAY_BEFORE_TET)).isEqualTo(LocalDate.of(2026, 2, 25));
    }

    @Test
    @DisplayName("R2.4 a channel incident past its deadline is overdue and owes a late notice until one is filed")
    void overdueNeedsALateNotice() {
        LocalDate deadline = LocalDate.of(2026, 2, 25);
        assertThat(on("2026-02-25T23:59").overdueSince(deadline, null)).isNull();
        assertThat(on("2026-02-25T23:59").lateNoticeDue(deadline, null, null)).isFalse();
        IncidentTimeline dayAfter = on("2026-02-26T08:00");
        assertThat(dayAfter.overdueSince(deadline, null)).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(dayAfter.lateNoticeDue(deadline, null, null)).isTrue();
        // a notice filed before the deadline passed does not count; one filed after it does
        assertThat(dayAfter.lateNoticeDue(deadline, null, at("2026-02-24T10:00"))).isTrue();
        assertThat(dayAfter.lateNoticeDue(deadline, null, at("2026-02-26T09:00"))).isFalse();
        // restored on the deadline day: never overdue
        assertThat(on("2026-03-10T08:00").overdueSince(deadline, at("2026-02-25T17:00"))).isNull();
    }

    @Test
    @DisplayName("R2.5 each working day after notification without a follow-up is flagged; Tết days are not")
    void missingFollowUps() {
        IncidentTimeline timeline = on("2026-02-26T09:00");
        // working days after 13 Feb up to yesterday: 23, 24, 25 Feb (16–20 Feb are Tết)
        assertThat(timeline.missingFollowUps(FRIDAY_BEFORE_TET, null, List.of(LocalDate.of(2026, 2, 24))))
                .containsExactly(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 25));
        assertThat(timeline.missingFollowUps(FRIDAY_BEFORE_TET, null,
                List.of(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 24), LocalDate.of(2026, 2, 25)))).isEmpty();
        // closed on the 24th: nothing is due after it
        assertThat(timeline.missingFollowUps(FRIDAY_BEFORE_TET, at("2026-02-24T11:00"), List.of()))
                .containsExactly(LocalDate.of(2026, 2, 23));
    }
}
