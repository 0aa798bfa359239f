package io.epewatch.planning.web;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.epewatch.identity.Account;
import io.epewatch.identity.Caller;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.identity.Role;
import io.epewatch.identity.UserAccounts;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.planning.Checklist;
import io.epewatch.planning.SupervisionPlans;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The head's monthly plan and the officer's own checks (R4.1–R4.3). */
@Controller
@PreAuthorize(Permissions.CASEWORK)
class PlanningPages {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final SupervisionPlans plans;
    private final UserAccounts accounts;
    private final CurrentCaller caller;
    private final MessageSource messages;

    PlanningPages(SupervisionPlans plans, UserAccounts accounts, CurrentCaller caller, MessageSource messages) {
        this.plans = plans;
        this.accounts = accounts;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/plans")
    String plan(@RequestParam(required = false) String month, Model model) {
        return page(month, Map.of(), model);
    }

    /** Capacity fields are named {@code capacity.USERNAME}; blank or 0 leaves the officer out. */
    @PostMapping("/plans")
    @PreAuthorize(Permissions.CASE_DECISION)
    String draw(@RequestParam Map<String, String> form, Model model) {
        Map<String, Integer> capacity = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("capacity.") && value != null && !value.isBlank() && !value.strip().equals("0")) {
                try {
                    capacity.put(key.substring("capacity.".length()), Integer.parseInt(value.strip()));
                } catch (NumberFormatException e) {
                    capacity.put(key.substring("capacity.".length()), -1); // refused by the service, beside the field
                }
            }
        });
        try {
            plans.generate(caller.get(), form.get("month"), capacity);
        } catch (InvalidInputException e) {
            return page(form.get("month"), e.reasonsByField(messages, LocaleContextHolder.getLocale()), model);
        }
        return "redirect:/plans?month=" + form.get("month");
    }

    /** The head moves a check to another time or officer. */
    @PostMapping("/plans/checks/{id}/move")
    @PreAuthorize(Permissions.CASE_DECISION)
    String move(@PathVariable long id, @RequestParam(required = false) String at, @RequestParam(required = false) String officer,
                @RequestParam(required = false) String month, Model model) {
        try {
            plans.move(caller.get(), id, at, officer);
        } catch (InvalidInputException e) {
            return page(month, e.reasonsByField(messages, LocaleContextHolder.getLocale()), model);
        }
        return "redirect:/plans?month=" + (month == null ? "" : month);
    }

    @GetMapping("/checks")
    String mine(Model model) {
        YearMonth now = YearMonth.now(VIETNAM);
        // last month too: a check done on the last day may be recorded the next morning
        model.addAttribute("checks", plans.checksOf(caller.get().name(), now.minusMonths(1).atDay(1), now.plusMonths(1).atEndOfMonth()));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "planning/checks";
    }

    @PostMapping("/checks/{id}/result")
    String result(@PathVariable long id, @RequestParam Map<String, String> form, Model model) {
        try {
            plans.record(caller.get(), id, new Checklist(form.containsKey("camerasOnline"), form.containsKey("imagesMatchLogbook"),
                    form.containsKey("gateLogConsistent"), form.get("remarks")));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            return mine(model);
        }
        return "redirect:/checks";
    }

    private String page(String month, Map<String, String> errors, Model model) {
        Caller me = caller.get();
        YearMonth ym;
        try {
            ym = month == null || month.isBlank() ? YearMonth.now(VIETNAM).plusMonths(1) : YearMonth.parse(month.strip());
        } catch (java.time.format.DateTimeParseException e) {
            ym = YearMonth.now(VIETNAM).plusMonths(1);
        }
        model.addAttribute("month", ym.toString());
        model.addAttribute("plan", me.unitId() == null ? null : plans.plan(me.access(), me.unitId(), ym).orElse(null));
        List<Account> officers = accounts.all().stream().filter(Account::enabled)
                .filter(a -> me.unitId() != null && me.unitId().equals(a.unitId()) && a.roles().contains(Role.OFFICER)).toList();
        model.addAttribute("officers", officers);
        model.addAttribute("head", me.roles().contains(Role.HEAD));
        model.addAttribute("errors", errors);
        return "planning/plan";
    }
}
