package io.epewatch.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import io.epewatch.calendar.WorkingCalendar;
import io.epewatch.calendar.WorkingHours;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NoticeDueTest {

    private final WorkingCalendar calendar = new WorkingCalendar(List.of());
    private final WorkingHours hours = new WorkingHours(0, WorkingHours.DEFAULT_OPENS, WorkingHours.DEFAULT_CLOSES);

    private String due(String failed) {
        return LocalDateTime.ofInstant(NoticeDue.of(LocalDateTime.parse(failed).atZone(NoticeDue.VIETNAM).toInstant(), calendar, hours),
                NoticeDue.VIETNAM).toString();
    }

    @Test
    @DisplayName("R5.9 a failure in office hours: the notice is due 2 hours later, even past closing time")
    void inOfficeHours() {
        assertThat(due("2026-12-07T09:15")).isEqualTo("2026-12-07T11:15");
        assertThat(due("2026-12-07T16:00")).isEqualTo("2026-12-07T18:00");
    }

    @Test
    @DisplayName("R5.9 a failure on Friday night or at the weekend: due 2 hours into Monday")
    void outOfHours() {
        assertThat(due("2026-12-04T20:00")).isEqualTo("2026-12-07T09:30");
        assertThat(due("2026-12-06T10:00")).isEqualTo("2026-12-07T09:30");
        assertThat(due("2026-12-07T05:00")).as("before opening on a working day: that morning").isEqualTo("2026-12-07T09:30");
    }

    @Test
    @DisplayName("R5.9 a failure on the eve of Tết 2031: due 2 hours into the first working day after it")
    void acrossTet() {
        assertThat(due("2031-01-21T18:00")).isEqualTo("2031-01-29T09:30");
    }
}
