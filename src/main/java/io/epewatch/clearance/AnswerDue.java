package io.epewatch.clearance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import io.epewatch.calendar.WorkingCalendar;
import io.epewatch.calendar.WorkingHours;
import io.epewatch.declaration.Declaration.Lane;

/**
 * When customs owes its answer on a yellow or red declaration. Received in office hours: documents within 2 working
 * hours, a physical inspection within 8 (Customs Law 2014 Art. 23). Received outside them (night, weekend, holiday):
 * within 4 working hours from the start of the next working day (R5.1, Decree 87/2012 Art. 4.1).
 */
final class AnswerDue {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Duration OUT_OF_HOURS = Duration.ofHours(4);
    static final Duration DOCUMENTS = Duration.ofHours(2);
    static final Duration INSPECTION = Duration.ofHours(8);

    private AnswerDue() {
    }

    /** The due time, or null for a green declaration (nothing to check). */
    static Instant of(Instant registeredAt, Lane lane, WorkingCalendar calendar, WorkingHours hours) {
        if (lane == Lane.GREEN) {
            return null;
        }
        LocalDateTime at = LocalDateTime.ofInstant(registeredAt, VIETNAM);
        boolean inHours = calendar.isWorkingDay(at.toLocalDate()) && !at.toLocalTime().isBefore(hours.opens())
                && at.toLocalTime().isBefore(hours.closes());
        if (!inHours) {
            LocalDate next = at.toLocalDate();
            if (!calendar.isWorkingDay(next) || !at.toLocalTime().isBefore(hours.opens())) {
                next = calendar.plusWorkingDays(next, 1);
            }
            return plusWorkingTime(next.atTime(hours.opens()), OUT_OF_HOURS, calendar, hours);
        }
        return plusWorkingTime(at, lane == Lane.RED ? INSPECTION : DOCUMENTS, calendar, hours);
    }

    /** {@code start} (within working hours) plus {@code amount} of working time, carried over to the next working days. */
    static Instant plusWorkingTime(LocalDateTime start, Duration amount, WorkingCalendar calendar, WorkingHours hours) {
        LocalDate day = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        Duration left = amount;
        while (true) {
            Duration today = Duration.between(from, hours.closes());
            if (left.compareTo(today) <= 0) {
                return day.atTime(from).plus(left).atZone(VIETNAM).toInstant();
            }
            left = left.minus(today);
            day = calendar.plusWorkingDays(day, 1);
            from = hours.opens();
        }
    }
}
