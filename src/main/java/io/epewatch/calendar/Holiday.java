package io.epewatch.calendar;

import java.time.LocalDate;

/**
 * A day off for everyone (Labour Code 2019, art. 112), a substitute day for one that fell on a weekend (art. 111),
 * or a change the government announced for a year (an administrator's {@link Adjustment}).
 */
public record Holiday(LocalDate date, String nameVi, String nameEn, Kind kind) {

    public enum Kind { HOLIDAY, SUBSTITUTE, ANNOUNCED }
}
