package io.epewatch.risk.web;

import java.util.List;

import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.risk.Severity;
import io.epewatch.risk.Warning;
import io.epewatch.risk.WarningQuery;
import io.epewatch.risk.WarningStatus;
import io.epewatch.risk.Warnings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/warnings")
@Tag(name = "Warnings", description = "Risk warnings raised by the rules (R4.5)")
class WarningApi {

    private final Warnings warnings;
    private final CurrentCaller caller;

    WarningApi(Warnings warnings, CurrentCaller caller) {
        this.warnings = warnings;
        this.caller = caller;
    }

    @GetMapping
    @PreAuthorize(Permissions.RISK_WARNINGS)
    @Operation(summary = "Warnings in the caller's scope, newest first",
            description = "rule narrows to one rule code, severity to that severity and above, unseen=true to the "
                    + "warnings nobody has marked as seen")
    List<Warning> list(@RequestParam(required = false) String enterpriseTaxCode,
                       @RequestParam(required = false) WarningStatus status,
                       @RequestParam(required = false) String rule,
                       @RequestParam(required = false) Severity severity,
                       @RequestParam(defaultValue = "false") boolean unseen,
                       @RequestParam(defaultValue = "100") int limit) {
        return warnings.list(caller.get().access(), new WarningQuery(enterpriseTaxCode, status, rule, severity, unseen),
                limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permissions.RISK_WARNINGS)
    Warning get(@PathVariable long id) {
        return warnings.find(caller.get().access(), id).orElseThrow(() -> new NotFoundException("warning", String.valueOf(id)));
    }
}
