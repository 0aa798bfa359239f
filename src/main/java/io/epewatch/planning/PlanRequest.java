package io.epewatch.planning;

import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.epewatch.calendar.WorkingCalendar;

/**
 * What a monthly plan is made from.
 *
 * @param riskByEnterprise each enterprise the sub-department manages, with its risk score 0–100
 * @param capacity         how many checks each officer can do in the month
 * @param unscheduledShare how many unscheduled checks to draw, as a share of the enterprises (at least one)
 */
record PlanRequest(YearMonth month, WorkingCalendar calendar, LocalTime opens, LocalTime closes,
                          Map<String, Integer> riskByEnterprise, Map<String, Integer> capacity, double unscheduledShare) {

    /** The working days of the month, in order. */
    public List<java.time.LocalDate> workingDays() {
        return month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1)).filter(calendar::isWorkingDay).toList();
    }
}
