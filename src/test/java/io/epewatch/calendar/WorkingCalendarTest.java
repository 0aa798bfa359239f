package io.epewatch.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Working days for the deadlines of Decision 247 (R2.3, R2.4): weekends, holidays, substitutes, announcements. */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = new WorkingCalendar(List.of());

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    @DisplayName("R2.3 R2.4 notified the Friday before Tết 2026: 3 working days end 25 Feb, 10 end 6 Mar")
    void acrossTet() {
        // Tết Bính Ngọ: 17 Feb 2026; days off 16–20 Feb (the last day of the year and mùng 1–4)
        assertThat(calendar.isWorkingDay(d("2026-02-16"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-02-20"))).isFalse();
        assertThat(calendar.plusWorkingDays(d("2026-02-13"), 3)).isEqualTo(d("2026-02-25"));
        assertThat(calendar.plusWorkingDays(d("2026-02-13"), 10)).isEqualTo(d("2026-03-06"));
        assertThat(calendar.workingDaysBetween(d("2026-02-13"), d("2026-03-06"))).isEqualTo(10);
    }

    @Test
    @DisplayName("Hùng Kings' day on a Sunday gives Monday off; 30/4 and 1/5 are off")
    void aprilAndMay() {
        // 10/3 Bính Ngọ is Sunday 26 April 2026: Monday 27 April is its substitute
        assertThat(calendar.holiday(d("2026-04-27")).orElseThrow().kind()).isEqualTo(Holiday.Kind.SUBSTITUTE);
        assertThat(calendar.plusWorkingDays(d("2026-04-24"), 1)).isEqualTo(d("2026-04-28"));
        assertThat(calendar.plusWorkingDays(d("2026-04-24"), 3)).isEqualTo(d("2026-05-04"));
    }

    @Test
    @DisplayName("2 September with its adjacent day: 1 September, or 3 September when the 2nd is a Monday")
    void nationalDay() {
        assertThat(calendar.isWorkingDay(d("2026-09-01"))).isFalse();
        assertThat(calendar.plusWorkingDays(d("2026-08-28"), 2)).isEqualTo(d("2026-09-03"));
        assertThat(calendar.isWorkingDay(d("2024-09-03"))).isFalse(); // 2 Sep 2024 was a Monday
        assertThat(calendar.isWorkingDay(d("2024-08-30"))).isTrue();
        // 2 Sep 2023 was a Saturday: 1 Sep (Friday) adjacent, Monday 4 Sep its substitute
        assertThat(calendar.isWorkingDay(d("2023-09-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2023-09-04"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2023-09-05"))).isTrue();
    }

    @Test
    @DisplayName("the government's announced swaps apply: an extra day off, and a Saturday worked instead")
    void announcedSwaps() {
        WorkingCalendar announced = new WorkingCalendar(List.of(
                new Adjustment(d("2026-02-23"), true, "Nghỉ Tết thêm", "Thông báo của Bộ Nội vụ (thử)"),
                new Adjustment(d("2026-02-28"), false, "Làm bù", "Thông báo của Bộ Nội vụ (thử)")));
        assertThat(announced.isWorkingDay(d("2026-02-23"))).isFalse();
        assertThat(announced.isWorkingDay(d("2026-02-28"))).isTrue();
        // 24, 25, 26 Feb
        assertThat(announced.plusWorkingDays(d("2026-02-13"), 3)).isEqualTo(d("2026-02-26"));
        assertThat(announced.holidays(2026)).anySatisfy(h -> {
            assertThat(h.date()).isEqualTo(d("2026-02-23"));
            assertThat(h.kind()).isEqualTo(Holiday.Kind.ANNOUNCED);
        });
    }

    @Test
    @DisplayName("counting backwards and between gives the same days; the same day is zero")
    void backwardsAndBetween() {
        assertThat(calendar.plusWorkingDays(d("2026-03-06"), -10)).isEqualTo(d("2026-02-13"));
        assertThat(calendar.workingDaysBetween(d("2026-03-06"), d("2026-02-13"))).isEqualTo(-10);
        assertThat(calendar.plusWorkingDays(d("2026-11-24"), 0)).isEqualTo(d("2026-11-24"));
        assertThat(calendar.workingDaysBetween(d("2026-11-24"), d("2026-11-24"))).isZero();
    }
}
