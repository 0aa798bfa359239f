package io.epewatch.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lunar calendar is computed for UTC+7 and gives the dates Vietnam published. */
class LunarCalendarTest {

    /** Mùng 1 Tết as published in Vietnam, 2000–2035. */
    private static final Map<Integer, String> TET = new LinkedHashMap<>();

    static {
        String[] dates = {"02-05", "01-24", "02-12", "02-01", "01-22", "02-09", "01-29", "02-17", "02-07", "01-26",
                "02-14", "02-03", "01-23", "02-10", "01-31", "02-19", "02-08", "01-28", "02-16", "02-05",
                "01-25", "02-12", "02-01", "01-22", "02-10", "01-29", "02-17", "02-06", "01-26", "02-13",
                "02-02", "01-23", "02-11", "01-31", "02-19", "02-08"};
        for (int i = 0; i < dates.length; i++) {
            TET.put(2000 + i, (2000 + i) + "-" + dates[i]);
        }
    }

    @Test
    @DisplayName("R2.3 Tết 2000–2035 falls on the published Vietnamese dates")
    void tetDates() {
        TET.forEach((year, date) -> assertThat(LunarCalendar.newYear(year)).as("Tết %d", year).isEqualTo(LocalDate.parse(date)));
    }

    @Test
    @DisplayName("in UTC+7 Tết 1985, 2007 and 2030 fall where Vietnam keeps them, not on the Chinese dates")
    void vietnameseNotChinese() {
        // the new moon of 2 February 2030 comes at about 16:08 UTC: before midnight in Hanoi, after it in Beijing
        assertThat(LunarCalendar.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 2));
        assertThat(LunarCalendar.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21)); // China: 20 February
        assertThat(LunarCalendar.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17)); // China: 18 February
    }

    @Test
    @DisplayName("Hùng Kings' day is the 10th of the 3rd lunar month; leap months are found")
    void otherLunarDates() {
        assertThat(LunarCalendar.toSolar(2023, 3, 10, false)).isEqualTo(LocalDate.of(2023, 4, 29));
        assertThat(LunarCalendar.toSolar(2024, 3, 10, false)).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(LunarCalendar.toSolar(2025, 3, 10, false)).isEqualTo(LocalDate.of(2025, 4, 7));
        // 2023 had a leap 2nd month (22 March – 19 April 2023); 2025 a leap 6th month (25 July – 22 August 2025)
        assertThat(LunarCalendar.toSolar(2023, 2, 1, true)).isEqualTo(LocalDate.of(2023, 3, 22));
        assertThat(LunarCalendar.toSolar(2025, 6, 1, true)).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThatThrownBy(() -> LunarCalendar.toSolar(2024, 4, 1, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
