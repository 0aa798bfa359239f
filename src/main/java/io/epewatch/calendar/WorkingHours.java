package io.epewatch.calendar;

import java.time.LocalTime;

/** The hours a sub-department works on a working day (checks are planned within them, R4.1). */
public record WorkingHours(long unitId, LocalTime opens, LocalTime closes) {

    /** Office hours of state agencies when a unit has set none. */
    public static final LocalTime DEFAULT_OPENS = LocalTime.of(7, 30);
    public static final LocalTime DEFAULT_CLOSES = LocalTime.of(16, 30);
}
