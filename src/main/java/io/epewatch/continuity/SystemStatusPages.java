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
 * takes declarations now, and why, and whom to call about a problem (R6.5). A system administrator (customs IT)
 * confirms a takeover here.
 */
@Controller
class SystemStatusPages {

    private final DeclarationIntake intake;
    private final BackupWatch watch;
    private final CurrentCaller caller;
    private final SupportContacts contacts;

    SystemStatusPages(DeclarationIntake intake, BackupWatch watch, CurrentCaller caller, SupportContacts contacts) {
        this.contacts = contacts;
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
        return "continuity/status";
    }

    @PostMapping("/status/takeover")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String takeOver(RedirectAttributes redirect) {
        IntakeState now = intake.state();
        boolean due = now.role() == SystemRole.BACKUP && now.mode() == IntakeMode.PRIMARY_DOWN;
        IntakeState taken = due ? watch.takeOver(caller.get().name()) : null;
        redirect.addFlashAttribute("outcome", taken != null ? "taken" : "notDue");
        return "redirect:/status";
    }
}
