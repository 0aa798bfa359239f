package io.epewatch.continuity;

import java.util.List;

import io.epewatch.identity.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * R5.9 on the API: manual procedures kept while both clearance systems were down. Recording the same paper
 * declaration again with the same details answers the record already kept.
 */
@RestController
@RequestMapping("/api/v1/manual-procedures")
class ManualProcedureApi {

    private final ManualProcedures procedures;
    private final CurrentCaller caller;

    ManualProcedureApi(ManualProcedures procedures, CurrentCaller caller) {
        this.procedures = procedures;
        this.caller = caller;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OFFICER', 'HEAD', 'HQ_ANALYST', 'SYSTEM_ADMIN')")
    List<ManualProcedures.ManualProcedure> list(@RequestParam(defaultValue = "false") boolean open) {
        return procedures.list(caller.get(), open);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OFFICER', 'HEAD', 'HQ_ANALYST', 'SYSTEM_ADMIN')")
    ManualProcedures.ManualProcedure one(@PathVariable long id) {
        return procedures.get(caller.get(), id);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OFFICER', 'HEAD')")
    ResponseEntity<ManualProcedures.ManualProcedure> record(@RequestBody ManualProcedures.ManualInput input) {
        ManualProcedures.Recorded kept = procedures.record(caller.get(), input);
        return ResponseEntity.status(kept.first() ? HttpStatus.CREATED : HttpStatus.OK).body(kept.procedure());
    }

    record Regularisation(String declarationNumber) {
    }

    @PostMapping("/{id}/regularisation")
    @PreAuthorize("hasAnyRole('OFFICER', 'HEAD')")
    ManualProcedures.ManualProcedure regularise(@PathVariable long id, @RequestBody Regularisation body) {
        return procedures.regularise(caller.get(), id, body.declarationNumber());
    }
}
