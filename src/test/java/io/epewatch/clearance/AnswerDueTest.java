package io.epewatch.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.epewatch.calendar.WorkingCalendar;
import io.epewatch.calendar.WorkingHours;
import io.epewatch.declaration.Declaration.Lane;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerDueTest {

    private final WorkingCalendar calendar = new WorkingCalendar(List.of());
    private final WorkingHours hours = new WorkingHours(1, WorkingHours.DEFAULT_OPENS, WorkingHours.DEFAULT_CLOSES);

    private static Instant local(String at) {
        return LocalDateTime.parse(at).atZone(AnswerDue.VIETNAM).toInstant();
    }

    private String due(String registered, Lane lane) {
        return LocalDateTime.ofInstant(AnswerDue.of(local(registered), lane, calendar, hours), AnswerDue.VIETNAM).toString();
    }

    @Test
    @DisplayName("R5.1 a yellow or red declaration received on Friday evening is answered by 11:30 on Monday")
    void outOfHoursAcrossAWeekend() {
        assertThat(due("2026-12-04T17:00", Lane.YELLOW)).isEqualTo("2026-12-07T11:30");
        assertThat(due("2026-12-05T10:00", Lane.RED)).isEqualTo("2026-12-07T11:30");
        assertThat(due("2026-12-07T06:00", Lane.YELLOW)).as("before opening on a working day: that same day")
                .isEqualTo("2026-12-07T11:30");
    }

    @Test
    @DisplayName("R5.1 received on the eve of Tết 2031, the answer is due 4 working hours into the first working day after it")
    void outOfHoursAcrossTet() {
        // Tết 2031: 22–24 January off, mùng 3–4 on the weekend give the 27th and 28th; work resumes Wednesday the 29th
        assertThat(due("2031-01-21T18:00", Lane.YELLOW)).isEqualTo("2031-01-29T11:30");
        assertThat(due("2031-01-23T09:00", Lane.RED)).isEqualTo("2031-01-29T11:30");
    }

    @Test
    @DisplayName("Customs Law Art. 23: in office hours documents take 2 working hours, an inspection 8, carried to the next working day")
    void inHoursCarriedOver() {
        assertThat(due("2026-12-04T15:30", Lane.YELLOW)).isEqualTo("2026-12-07T08:30");
        assertThat(due("2026-12-07T09:00", Lane.RED)).isEqualTo("2026-12-08T08:00");
        assertThat(due("2026-12-07T09:00", Lane.YELLOW)).isEqualTo("2026-12-07T11:00");
        assertThat(AnswerDue.of(local("2026-12-07T09:00"), Lane.GREEN, calendar, hours)).as("green: nothing to check").isNull();
    }
}
