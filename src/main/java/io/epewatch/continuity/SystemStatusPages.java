package io.epewatch.continuity;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.intake.DeclarationIntake;
import io.epewatch.intake.IntakeMode;
import io.epewatch.intake.IntakeState;
import io.epewatch.intake.SystemRole;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public status page (R5.9, R6.1): for anyone, signed in or not, which clearance system this is and whether it
 * takes declarations now, and why, the outage notices customs published (R5.9), and whom to call about a problem
 * (R6.5). A system administrator (customs IT)
 * confirms a takeover here.
 */
@Controller
class SystemStatusPages {

    private final DeclarationIntake intake;
    private final BackupWatch watch;
    private final CurrentCaller caller;
    private final SupportContacts contacts;
    private final OutageNotices notices;
    private final org.springframework.context.MessageSource messages;

    private final java.time.Clock clock;

    SystemStatusPages(DeclarationIntake intake, BackupWatch watch, CurrentCaller caller, SupportContacts contacts,
                      OutageNotices notices, org.springframework.context.MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.contacts = contacts;
        this.notices = notices;
        this.messages = messages;
        this.intake = intake;
        this.watch = watch;
        this.caller = caller;
    }

    @GetMapping("/status")
    String status(Model model) {
        IntakeState state = intake.state();
        model.addAttribute("state", state);
        model.addAttribute("contacts", contacts.all());
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean itAdmin = who != null && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SYSTEM_ADMIN"));
        model.addAttribute("mayConfirm", itAdmin && state.role() == SystemRole.BACKUP && state.mode() == IntakeMode.PRIMARY_DOWN);
        model.addAttribute("notices", notices.published());
        model.addAttribute("drafts", itAdmin ? notices.all().stream().filter(n -> !n.published()).toList() : java.util.List.of());
        model.addAttribute("now", clock.instant());
        return "continuity/status";
    }

    /** Customs IT publishes an outage notice with the words it chose (R5.9). */
    @PostMapping("/status/notices/{id}/publish")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String publish(@org.springframework.web.bind.annotation.PathVariable long id,
                   @org.springframework.web.bind.annotation.RequestParam(required = false) String title,
                   @org.springframework.web.bind.annotation.RequestParam(required = false) String body, Model model,
                   RedirectAttributes redirect) {
        try {
            notices.publish(caller.get(), id, title, body);
        } catch (io.epewatch.kernel.InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            model.addAttribute("failedNotice", id);
            return status(model);
        }
        redirect.addFlashAttribute("outcome", "published");
        return "redirect:/status";
    }

    @PostMapping("/status/takeover")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String takeOver(RedirectAttributes redirect) {
        IntakeState taken = watch.takeOver(caller.get().name());
        redirect.addFlashAttribute("outcome", taken != null ? "taken" : "notDue");
        return "redirect:/status";
    }
}
