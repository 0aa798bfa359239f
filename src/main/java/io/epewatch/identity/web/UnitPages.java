package io.epewatch.identity.web;


import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.UnitKind;
import io.epewatch.identity.Units;
import io.epewatch.kernel.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The unit tree; system administrators add departments and sub-departments. */
@Controller
class UnitPages {

    private final Units units;
    private final CurrentCaller caller;
    private final MessageSource messages;

    UnitPages(Units units, CurrentCaller caller, MessageSource messages) {
        this.units = units;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/units")
    String list(Model model) {
        model.addAttribute("units", units.all());
        model.addAttribute("kinds", UnitKind.values());
        return "identity/units";
    }

    @PostMapping("/units")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(@RequestParam String code, @RequestParam String name, @RequestParam UnitKind kind,
                  @RequestParam(required = false) Long parentId, Model model) {
        try {
            units.create(caller.get(), code, name, kind, parentId);
            return "redirect:/units";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            return list(model);
        }
    }

    @PostMapping("/units/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String rename(@PathVariable long id, @RequestParam String name, Model model) {
        try {
            units.rename(caller.get(), id, name);
            return "redirect:/units";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            return list(model);
        }
    }
}
