package io.epewatch.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Vietnam's public holidays of a Gregorian year (Labour Code 2019, art. 112), lunar ones computed by {@link
 * LunarCalendar}: New Year's Day; Tết — the last day of the lunar year and the first four of the new one (the
 * government may shift them each year: administrators record that as {@link Adjustment}s); Hùng Kings' day (10th day
 * of the 3rd lunar month); 30 April; 1 May; National Day 2 September with its adjacent day (1 September, or 3
 * September when the 2nd is a Monday, as the government has fixed it in recent years). A holiday on a Saturday or
 * Sunday gives a substitute day off on the next working day (art. 111).
 */
final class PublicHolidays {

    private PublicHolidays() {
    }

    static List<Holiday> of(int year) {
        List<Holiday> days = new ArrayList<>();
        days.add(holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch", "New Year's Day"));
        LocalDate tet = LunarCalendar.newYear(year);
        days.add(holiday(tet.minusDays(1), "Tết Nguyên đán (cuối năm Âm lịch)", "Lunar New Year (last day of the year)"));
        for (int i = 0; i < 4; i++) {
            days.add(holiday(tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")", "Lunar New Year (day " + (i + 1) + ")"));
        }
        days.add(holiday(LunarCalendar.toSolar(year, 3, 10, false), "Giỗ Tổ Hùng Vương (10/3 Âm lịch)", "Hùng Kings' Commemoration"));
        days.add(holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)", "Reunification Day"));
        days.add(holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động (1/5)", "International Workers' Day"));
        LocalDate national = LocalDate.of(year, Month.SEPTEMBER, 2);
        days.add(holiday(national, "Quốc khánh (2/9)", "National Day"));
        days.add(holiday(national.getDayOfWeek() == DayOfWeek.MONDAY ? national.plusDays(1) : national.minusDays(1),
                "Quốc khánh (ngày liền kề)", "National Day (adjacent day)"));
        days.sort(Comparator.comparing(Holiday::date));
        return withSubstitutes(days);
    }

    /** Each holiday on a weekend gives the next day that is neither a weekend, a holiday nor given already. */
    private static List<Holiday> withSubstitutes(List<Holiday> holidays) {
        Set<LocalDate> taken = new HashSet<>();
        holidays.forEach(h -> taken.add(h.date()));
        List<Holiday> all = new ArrayList<>(holidays);
        for (Holiday h : holidays) {
            if (!weekend(h.date())) {
                continue;
            }
            LocalDate day = h.date().plusDays(1);
            while (weekend(day) || taken.contains(day)) {
                day = day.plusDays(1);
            }
            taken.add(day);
            all.add(new Holiday(day, "Nghỉ bù " + h.nameVi(), "Substitute for " + h.nameEn(), Holiday.Kind.SUBSTITUTE));
        }
        all.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(all);
    }

    static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Holiday holiday(LocalDate date, String vi, String en) {
        return new Holiday(date, vi, en, Holiday.Kind.HOLIDAY);
    }
}
