package io.epewatch.continuity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.epewatch.calendar.WorkingCalendar;
import io.epewatch.calendar.WorkingHours;

/**
 * When customs must have published its outage notice (R5.9, Decree 87/2012 Art. 15): within 2 hours of the failure,
 * or, when it failed outside office hours, within 2 hours of the start of the next working day.
 */
final class NoticeDue {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Duration WITHIN = Duration.ofHours(2);

    private NoticeDue() {
    }

    static Instant of(Instant happened, WorkingCalendar calendar, WorkingHours hours) {
        LocalDateTime at = LocalDateTime.ofInstant(happened, VIETNAM);
        LocalDate day = at.toLocalDate();
        boolean inHours = calendar.isWorkingDay(day) && !at.toLocalTime().isBefore(hours.opens())
                && at.toLocalTime().isBefore(hours.closes());
        if (inHours) {
            return happened.plus(WITHIN);
        }
        if (!calendar.isWorkingDay(day) || !at.toLocalTime().isBefore(hours.opens())) {
            day = calendar.plusWorkingDays(day, 1);
        }
        return day.atTime(hours.opens()).plus(WITHIN).atZone(VIETNAM).toInstant();
    }
}
