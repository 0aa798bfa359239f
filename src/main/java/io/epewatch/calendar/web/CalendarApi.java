package io.epewatch.calendar.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.calendar.Adjustment;
import io.epewatch.calendar.Holiday;
import io.epewatch.calendar.WorkingCalendar;
import io.epewatch.calendar.WorkingDays;
import io.epewatch.calendar.WorkingHours;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.InputCheck;
import io.epewatch.kernel.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Working days and holidays for deadlines (R2.3–R2.5), the government's announcements, units' working hours. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Calendar", description = "Vietnamese working days, holidays and announcements")
class CalendarApi {

    private static final int MAX_DAYS = 3_650;

    private final WorkingDays workingDays;
    private final CurrentCaller caller;

    CalendarApi(WorkingDays workingDays, CurrentCaller caller) {
        this.workingDays = workingDays;
        this.caller = caller;
    }

    @GetMapping("/calendar/days/{day}")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "Whether a day is a working day, and why not")
    Map<String, Object> day(@PathVariable String day) {
        LocalDate date = date("day", day);
        WorkingCalendar calendar = workingDays.calendar();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("day", date);
        answer.put("workingDay", calendar.isWorkingDay(date));
        calendar.holiday(date).ifPresent(h -> answer.put("holiday", h));
        return answer;
    }

    @GetMapping("/calendar/plus-working-days")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "The working day N working days after (or before, N < 0) a day: a deadline")
    Map<String, Object> plus(@RequestParam(required = false) String from, @RequestParam(required = false) String days) {
        InputCheck check = new InputCheck();
        LocalDate start = check.parse("from", from, Timestamps::date);
        Integer count = check.parse("days", days, raw -> {
            int n = Integer.parseInt(raw.strip());
            if (Math.abs(n) > MAX_DAYS) {
                throw new IllegalArgumentException("must be between -" + MAX_DAYS + " and " + MAX_DAYS);
            }
            return n;
        });
        check.throwIfAny();
        return Map.of("from", start, "days", count, "day", workingDays.calendar().plusWorkingDays(start, count));
    }

    @GetMapping("/calendar/working-days-between")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "Working days after `from` up to and including `to`")
    Map<String, Object> between(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        InputCheck check = new InputCheck();
        LocalDate a = check.parse("from", from, Timestamps::date);
        LocalDate b = check.parse("to", to, Timestamps::date);
        if (a != null && b != null && Math.abs(b.toEpochDay() - a.toEpochDay()) > MAX_DAYS) {
            check.reject("to", "must be within ten years of from");
        }
        check.throwIfAny();
        return Map.of("from", a, "to", b, "workingDays", workingDays.calendar().workingDaysBetween(a, b));
    }

    @GetMapping("/calendar/holidays")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "The days off of a year besides weekends: holidays, substitutes, announcements")
    List<Holiday> holidays(@RequestParam(required = false) String year) {
        InputCheck check = new InputCheck();
        Integer y = check.parse("year", year, raw -> {
            int n = Integer.parseInt(raw.strip());
            if (n < 1900 || n > 2100) {
                throw new IllegalArgumentException("must be between 1900 and 2100");
            }
            return n;
        });
        check.throwIfAny();
        return workingDays.calendar().holidays(y);
    }

    @GetMapping("/calendar/announcements")
    @PreAuthorize(Permissions.READ)
    List<Adjustment> announcements() {
        return workingDays.adjustments();
    }

    @PutMapping("/calendar/announcements/{day}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Record the government's announcement for a day: {dayOff, reason, source}")
    Adjustment announce(@PathVariable String day, @RequestBody Map<String, Object> body) {
        Object dayOff = body.get("dayOff");
        return workingDays.announce(caller.get(), day, dayOff instanceof Boolean b ? b : null,
                text(body.get("reason")), text(body.get("source")));
    }

    @DeleteMapping("/calendar/announcements/{day}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    ResponseEntity<Void> withdraw(@PathVariable String day) {
        workingDays.withdraw(caller.get(), day);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/units/{unitId}/working-hours")
    @PreAuthorize(Permissions.READ)
    WorkingHours hours(@PathVariable long unitId) {
        return workingDays.hours(unitId);
    }

    @PutMapping("/units/{unitId}/working-hours")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    @Operation(summary = "Set a sub-department's working hours: {opens: HH:mm, closes: HH:mm}")
    WorkingHours setHours(@PathVariable long unitId, @RequestBody Map<String, Object> body) {
        return workingDays.setHours(caller.get(), unitId, text(body.get("opens")), text(body.get("closes")));
    }

    private static LocalDate date(String field, String raw) {
        InputCheck check = new InputCheck();
        LocalDate date = check.parse(field, raw, Timestamps::date);
        check.throwIfAny();
        return date;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
