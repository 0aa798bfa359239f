package io.epewatch.continuity;

import io.epewatch.identity.CurrentCaller;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** R5.9: the officers' register of manual procedures while both clearance systems were down, and their regularisation. */
@Controller
class ManualProcedurePages {

    private final ManualProcedures procedures;
    private final CurrentCaller caller;
    private final MessageSource messages;

    ManualProcedurePages(ManualProcedures procedures, CurrentCaller caller, MessageSource messages) {
        this.procedures = procedures;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/clearance/manual")
    @PreAuthorize("hasAnyRole('OFFICER', 'HEAD', 'HQ_ANALYST', 'SYSTEM_ADMIN')")
    String page(@RequestParam(defaultValue = "false") boolean open, Model model) {
        model.addAttribute("records", procedures.list(caller.get(), open));
        model.addAttribute("openOnly", open);
        if (!model.containsAttribute("input")) {
            model.addAttribute("input", new ManualProcedures.ManualInput("", "", "", "", "", ""));
        }
        return "continuity/manual";
    }

    @PostMapping("/clearance/manual")
    @PreAuthorize("hasAnyRole('OFFICER', 'HEAD')")
    String record(ManualProcedures.ManualInput input, Model model, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("recorded", procedures.record(caller.get(), input).procedure().id());
            return "redirect:/clearance/manual";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            model.addAttribute("input", input);
            return page(false, model);
        }
    }

    @PostMapping("/clearance/manual/{id}/regularisation")
    @PreAuthorize("hasAnyRole('OFFICER', 'HEAD')")
    String regularise(@PathVariable long id, @RequestParam(required = false) String declarationNumber, Model model,
                      RedirectAttributes redirect) {
        try {
            procedures.regularise(caller.get(), id, declarationNumber);
            redirect.addFlashAttribute("regularised", id);
            return "redirect:/clearance/manual";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            model.addAttribute("failedId", id);
            return page(false, model);
        }
    }
}
