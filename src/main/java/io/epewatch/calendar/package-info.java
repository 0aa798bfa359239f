/**
 * The Vietnamese working-day calendar (R2.3–R2.5, R4.1): weekends, public holidays with the lunar ones computed for
 * UTC+7 ({@link io.epewatch.calendar.LunarCalendar}), substitute days, the government's yearly announcements entered
 * by administrators, and each sub-department's working hours. {@link io.epewatch.calendar.WorkingDays} is its API;
 * {@link io.epewatch.calendar.WorkingCalendar} answers {@code isWorkingDay}, {@code plusWorkingDays},
 * {@code workingDaysBetween}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "kernel"})
package io.epewatch.calendar;
