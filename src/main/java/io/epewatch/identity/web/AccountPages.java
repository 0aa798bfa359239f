package io.epewatch.identity.web;

import java.util.List;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.UserAccounts;
import io.epewatch.identity.internal.MfaAccounts;
import io.epewatch.identity.internal.SecurityProperties;
import io.epewatch.identity.internal.SignInStep;
import io.epewatch.identity.internal.Totp;
import io.epewatch.kernel.InvalidInputException;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in person's own account: the password change, TOTP enrolment and the TOTP step of sign-in. */
@Controller
class AccountPages {

    private static final String PENDING_SECRET = "epewatch.mfa.pending-secret";

    private final UserAccounts accounts;
    private final MfaAccounts mfa;
    private final Totp totp;
    private final SecurityProperties security;
    private final CurrentCaller caller;
    private final MessageSource messages;

    AccountPages(UserAccounts accounts, MfaAccounts mfa, Totp totp, SecurityProperties security, CurrentCaller caller,
                 MessageSource messages) {
        this.accounts = accounts;
        this.mfa = mfa;
        this.totp = totp;
        this.security = security;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String passwordForm(HttpSession session, Model model) {
        model.addAttribute("required", SignInStep.of(session) == SignInStep.CHANGE_PASSWORD);
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
                          @RequestParam(required = false) String repeatPassword, HttpSession session, Model model) {
        String username = caller.get().name();
        try {
            if (newPassword != null && !newPassword.equals(repeatPassword)) {
                throw new InvalidInputException(List.of(new io.epewatch.kernel.FieldProblem("repeatPassword",
                        "does not match the new password", "passwordRepeat", List.of())));
            }
            accounts.changePassword(username, currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            return passwordForm(session, model);
        }
        var account = accounts.find(username).orElseThrow();
        SignInStep next = SignInStep.of(session) == SignInStep.CHANGE_PASSWORD
                ? (account.mfaEnabled() ? SignInStep.MFA_VERIFY
                        : security.mfaRequired(account.roles()) ? SignInStep.MFA_ENROL : SignInStep.DONE)
                : SignInStep.of(session);
        SignInStep.set(session, next);
        return "redirect:" + (next == SignInStep.DONE ? "/?passwordChanged" : next.page());
    }

    @GetMapping("/account/mfa")
    String enrolForm(HttpSession session, Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("secret", secret);
        model.addAttribute("qr", totp.qrDataUri(secret, caller.get().name()));
        return "identity/mfa-enrol";
    }

    @PostMapping("/account/mfa")
    String enrol(@RequestParam(required = false) String code, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return "redirect:/account/mfa";
        }
        try {
            List<String> recoveryCodes = mfa.enrol(caller.get().name(), secret, code);
            session.removeAttribute(PENDING_SECRET);
            SignInStep.set(session, SignInStep.DONE);
            model.addAttribute("recoveryCodes", recoveryCodes);
            return "identity/mfa-recovery";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            return enrolForm(session, model);
        }
    }

    @GetMapping("/account/mfa/verify")
    String verifyForm() {
        return "identity/mfa-verify";
    }

    @PostMapping("/account/mfa/verify")
    String verify(@RequestParam(required = false) String code, HttpSession session, Model model) {
        if (mfa.verify(caller.get().name(), code)) {
            SignInStep.set(session, SignInStep.DONE);
            return "redirect:/";
        }
        model.addAttribute("errors", java.util.Map.of("code", messages.getMessage("problem.totp", null,
                "is not a current code or an unused recovery code", LocaleContextHolder.getLocale())));
        return "identity/mfa-verify";
    }
}
