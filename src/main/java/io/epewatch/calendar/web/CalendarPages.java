package io.epewatch.calendar.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import io.epewatch.calendar.WorkingDays;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.kernel.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The working calendar for everyone (the year's days off, computed and announced); system administrators enter the
 * government's announcements with their source, or withdraw them.
 */
@Controller
class CalendarPages {

    private final WorkingDays workingDays;
    private final CurrentCaller caller;
    private final MessageSource messages;

    CalendarPages(WorkingDays workingDays, CurrentCaller caller, MessageSource messages) {
        this.workingDays = workingDays;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/calendar")
    String calendar(@RequestParam(required = false) Integer year, Model model) {
        return page(year, Map.of(), Map.of(), model);
    }

    @PostMapping("/calendar/announcements")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String announce(@RequestParam Map<String, String> form, Model model) {
        try {
            workingDays.announce(caller.get(), form.get("day"), form.containsKey("dayOff") ? "true".equals(form.get("dayOff")) : null,
                    form.get("reason"), form.get("source"));
        } catch (InvalidInputException e) {
            return page(null, form, e.reasonsByField(messages, LocaleContextHolder.getLocale()), model);
        }
        return "redirect:/calendar?year=" + form.get("day").substring(0, 4);
    }

    @PostMapping("/calendar/announcements/withdraw")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String withdraw(@RequestParam(required = false) String day, Model model) {
        try {
            workingDays.withdraw(caller.get(), day);
        } catch (InvalidInputException e) {
            return page(null, Map.of(), e.reasonsByField(messages, LocaleContextHolder.getLocale()), model);
        }
        return "redirect:/calendar?year=" + day.substring(0, 4);
    }

    /** A unit's administrators (or a system administrator) set its working hours. */
    @PostMapping("/calendar/working-hours")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    String hours(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String opens,
                 @RequestParam(required = false) String closes, Model model) {
        Long unit = unitId != null ? unitId : caller.get().unitId();
        try {
            if (unit == null) {
                throw new InvalidInputException("unitId", "chooseSubDepartment", "choose a sub-department");
            }
            workingDays.setHours(caller.get(), unit, opens, closes);
        } catch (InvalidInputException e) {
            return page(null, Map.of(), e.reasonsByField(messages, LocaleContextHolder.getLocale()), model);
        }
        return "redirect:/calendar?hoursSaved";
    }

    private String page(Integer year, Map<String, String> form, Map<String, String> errors, Model model) {
        int y = year == null || year < 1900 || year > 2100 ? LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("holidays", workingDays.calendar().holidays(y));
        model.addAttribute("announcements", workingDays.adjustments().stream().filter(a -> a.date().getYear() == y).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Long unit = caller.get().unitId();
        model.addAttribute("hours", unit == null ? null : workingDays.hours(unit));
        return "calendar/calendar";
    }
}
