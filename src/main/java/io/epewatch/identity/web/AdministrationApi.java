package io.epewatch.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.epewatch.identity.Account;
import io.epewatch.identity.AccountAdministration;
import io.epewatch.identity.ApiTokens;
import io.epewatch.identity.AuditRecord;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.AuditVerification;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.NewAccount;
import io.epewatch.identity.Role;
import io.epewatch.kernel.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Administration", description = "Accounts, roles (R6.3), API tokens and the audit trail")
class AdministrationApi {

    private final AccountAdministration administration;
    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final CurrentCaller caller;

    AdministrationApi(AccountAdministration administration, ApiTokens tokens, AuditTrail audit, CurrentCaller caller) {
        this.administration = administration;
        this.tokens = tokens;
        this.audit = audit;
        this.caller = caller;
    }

    @GetMapping("/users")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    List<Account> users() {
        return administration.manageable(caller.get());
    }

    /** The initial password is in the answer once; the account must change it at first sign-in. */
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    @Operation(summary = "Open an account; a unit admin only in their own unit and never with an administrative role (R6.3)")
    Map<String, String> open(@RequestBody NewAccount input) {
        return Map.of("username", input.username(), "initialPassword", administration.open(caller.get(), input));
    }

    /** R6.3: a one-time password, in the answer once; the owner must change it at the next sign-in. */
    @PostMapping("/users/{username}/password")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    @Operation(summary = "Issue a one-time password (forgotten password, or an account mirrored to the backup without one)")
    Map<String, String> issuePassword(@PathVariable String username) {
        return Map.of("username", username, "oneTimePassword", administration.issuePassword(caller.get(), username));
    }

    @PutMapping("/users/{username}/roles/{role}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    Account grant(@PathVariable String username, @PathVariable Role role) {
        administration.grant(caller.get(), username, role);
        return administration.find(username);
    }

    @DeleteMapping("/users/{username}/roles/{role}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN','UNIT_ADMIN')")
    Account revoke(@PathVariable String username, @PathVariable Role role) {
        administration.revoke(caller.get(), username, role);
        return administration.find(username);
    }

    record TokenRequest(String name, Set<String> scopes, String expiresAt) {
    }

    @GetMapping("/tokens")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<ApiTokens.TokenInfo> tokens() {
        return tokens.list(caller.get());
    }

    /** The token is in the answer once; only its hash is kept. */
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    Map<String, String> issue(@RequestBody TokenRequest request) {
        Instant expires = request.expiresAt() == null || request.expiresAt().isBlank() ? null : Timestamps.parseAny(request.expiresAt(), "expiresAt");
        return Map.of("name", request.name(), "token", tokens.issue(caller.get(), request.name(), request.scopes(), expires));
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    void revokeToken(@PathVariable long id) {
        tokens.revoke(caller.get(), id);
    }

    @GetMapping("/audit")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<AuditRecord> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String enterpriseTaxCode,
                            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(defaultValue = "200") int limit) {
        return audit.search(new AuditTrail.Query(actor, enterpriseTaxCode, action,
                from == null || from.isBlank() ? null : Timestamps.parseAny(from, "from"),
                to == null || to.isBlank() ? null : Timestamps.parseAny(to, "to")), limit);
    }

    @GetMapping("/audit/verification")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Walk the audit chain against its signed checkpoints; the first problem if it was rewritten")
    AuditVerification verify() {
        return audit.verify();
    }

    @GetMapping("/audit/anchor")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "The newest signed checkpoint, one line to keep outside this installation (verify-audit --anchor=FILE)")
    ResponseEntity<String> anchor() {
        return AuditAnchorDownload.of(audit, caller.get());
    }
}
