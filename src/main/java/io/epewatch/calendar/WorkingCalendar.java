package io.epewatch.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days in Vietnam (R2.3, R2.4, R2.5): Monday to Friday, less the public holidays and their substitute days,
 * with the government's yearly announcements applied over them (an extra day off, a Saturday worked). Plain Java;
 * {@link WorkingDays} keeps the announcements in the database and hands out the calendar.
 */
public final class WorkingCalendar {

    /** Far enough for any deadline the law sets; a loop past it means a calendar with no working day. */
    private static final int MAX_SPAN_DAYS = 3_660;

    private final Map<LocalDate, Adjustment> adjustments = new HashMap<>();
    private final Map<Integer, Map<LocalDate, Holiday>> holidaysByYear = new ConcurrentHashMap<>();

    public WorkingCalendar(Collection<Adjustment> adjustments) {
        adjustments.forEach(a -> this.adjustments.put(a.date(), a));
    }

    public boolean isWorkingDay(LocalDate day) {
        Adjustment announced = adjustments.get(day);
        if (announced != null) {
            return !announced.dayOff();
        }
        return !PublicHolidays.weekend(day) && !holidaysOf(day.getYear()).containsKey(day);
    }

    /** Why a day is not worked: its holiday, substitute day or announcement; empty for a working day or a weekend. */
    public Optional<Holiday> holiday(LocalDate day) {
        Adjustment announced = adjustments.get(day);
        if (announced != null) {
            return announced.dayOff()
                    ? Optional.of(new Holiday(day, announced.reason(), announced.reason(), Holiday.Kind.ANNOUNCED))
                    : Optional.empty();
        }
        return Optional.ofNullable(holidaysOf(day.getYear()).get(day));
    }

    /** The days off of a year other than weekends, in order, announcements applied. */
    public List<Holiday> holidays(int year) {
        return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .map(this::holiday).flatMap(Optional::stream).toList();
    }

    /**
     * The working day {@code days} working days after {@code from} (before it when negative): a deadline of "10
     * working days from notification" counts from the next working day.
     */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        int step = days >= 0 ? 1 : -1;
        int left = Math.abs(days);
        LocalDate day = from;
        int walked = 0;
        while (left > 0) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
            if (++walked > MAX_SPAN_DAYS + Math.abs(days)) {
                throw new IllegalStateException("no working day within ten years of " + from);
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is before it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        return (int) from.plusDays(1).datesUntil(to.plusDays(1)).filter(this::isWorkingDay).count();
    }

    private Map<LocalDate, Holiday> holidaysOf(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> {
            Map<LocalDate, Holiday> byDate = new HashMap<>();
            PublicHolidays.of(y).forEach(h -> byDate.putIfAbsent(h.date(), h));
            return byDate;
        });
    }
}
