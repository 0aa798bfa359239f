package io.epewatch.identity.web;

import java.time.Instant;
import java.util.Set;

import io.epewatch.identity.AccountAdministration;
import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.NewAccount;
import io.epewatch.identity.Role;
import io.epewatch.identity.Units;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.Timestamps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators' pages: accounts and roles (R6.3), API tokens, the audit trail and its verification. */
@Controller
class AdministrationPages {

    private final AccountAdministration administration;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final Units units;
    private final CurrentCaller caller;
    private final MessageSource messages;
    private final boolean backup;

    AdministrationPages(AccountAdministration administration, ApiTokens tokens, AuditTrail audit, Units units,
                        CurrentCaller caller, MessageSource messages, @Value("${epewatch.pair.role:PRIMARY}") String pairRole) {
        this.backup = "BACKUP".equalsIgnoreCase(pairRole);
        this.administration = administration;
        this.tokens = tokens;
        this.audit = audit;
        this.units = units;
        this.caller = caller;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    String users(Model model) {
        java.util.List<io.epewatch.identity.Account> accounts = administration.manageable(caller.get());
        model.addAttribute("accounts", accounts);
        model.addAttribute("units", units.all());
        model.addAttribute("roles", administration.grantableRoles(caller.get()));
        // each account is offered only the roles this administrator may grant it (the server checks again)
        java.util.Map<String, java.util.List<Role>> grantable = new java.util.HashMap<>();
        for (io.epewatch.identity.Account a : accounts) {
            grantable.put(a.username(), java.util.Arrays.stream(Role.values()).filter(r -> !a.roles().contains(r))
                    .filter(r -> !a.username().equals(caller.get().name()))
                    .filter(r -> administration.mayGrant(caller.get(), r, a.unitId(), a.enterpriseTaxCode())).toList());
        }
        model.addAttribute("grantable", grantable);
        model.addAttribute("backup", backup);
        return "identity/users";
    }

    /** R6.3: shown once, on this page; the owner changes it at first sign-in. */
    @PostMapping("/admin/users/{username}/password")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    String issuePassword(@PathVariable String username, Model model) {
        model.addAttribute("issuedPassword", administration.issuePassword(caller.get(), username));
        model.addAttribute("issuedFor", username);
        return users(model);
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    String open(@RequestParam String username, @RequestParam String displayName, @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) String enterpriseTaxCode, @RequestParam Role role, Model model) {
        try {
            String password = administration.open(caller.get(), new NewAccount(username, displayName, unitId, enterpriseTaxCode, role));
            model.addAttribute("created", username);
            model.addAttribute("initialPassword", password);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
        }
        return users(model);
    }

    @PostMapping("/admin/users/{username}/roles")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    String changeRole(@PathVariable String username, @RequestParam Role role, @RequestParam boolean grant) {
        if (grant) {
            administration.grant(caller.get(), username, role);
        } else {
            administration.revoke(caller.get(), username, role);
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/tokens")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.list(caller.get()));
        model.addAttribute("scopes", new java.util.TreeSet<>(ApiTokens.SCOPES));
        return "identity/tokens";
    }

    @PostMapping("/admin/tokens")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String issue(@RequestParam String name, @RequestParam(required = false) Set<String> scopes,
                 @RequestParam(required = false) String expiresOn, Model model) {
        try {
            Instant expires = expiresOn == null || expiresOn.isBlank() ? null
                    : Timestamps.parseAny(expiresOn + "T00:00:00+07:00", "expiresOn");
            model.addAttribute("issued", tokens.issue(caller.get(), name, scopes, expires));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
        }
        return tokens(model);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String revoke(@PathVariable long id) {
        tokens.revoke(caller.get(), id);
        return "redirect:/admin/tokens";
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String enterpriseTaxCode,
                 @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) boolean verify, Model model) {
        try {
            model.addAttribute("records", audit.search(new AuditTrail.Query(actor, enterpriseTaxCode, action,
                    from == null || from.isBlank() ? null : Timestamps.parseAny(from + "T00:00:00+07:00", "from"),
                    to == null || to.isBlank() ? null : Timestamps.parseAny(to + "T23:59:59+07:00", "to")), 300));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.reasonsByField(messages, LocaleContextHolder.getLocale()));
            model.addAttribute("records", java.util.List.of());
        }
        if (verify) {
            model.addAttribute("verification", audit.verify());
        }
        model.addAttribute("query", java.util.Map.of("actor", blank(actor), "enterpriseTaxCode", blank(enterpriseTaxCode),
                "action", blank(action), "from", blank(from), "to", blank(to)));
        return "identity/audit";
    }

    /** The newest signed checkpoint as a file to keep elsewhere (R3.1); fetching it is itself audited. */
    @GetMapping("/admin/audit/anchor")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    org.springframework.http.ResponseEntity<String> anchor() {
        return AuditAnchorDownload.of(audit, caller.get());
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
