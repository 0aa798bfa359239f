package io.epewatch.casework.web;

import java.util.List;
import java.util.Map;

import io.epewatch.casework.CaseFile;
import io.epewatch.casework.CaseNote;
import io.epewatch.casework.CaseTransition;
import io.epewatch.casework.Cases;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Casework (R4.6–R4.8) for officers and heads. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Warnings worked as cases: analyse, propose, escalate, inspect, close")
class CaseApi {

    private final Cases cases;
    private final CurrentCaller caller;

    CaseApi(Cases cases, CurrentCaller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @GetMapping
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "My queue: open cases in my scope, most urgent first (a head's escalations first)")
    List<CaseFile> queue() {
        return cases.queue(caller.get(), 200);
    }

    @PostMapping
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "Open the case of a warning {warningId} (the same warning again returns its case)")
    ResponseEntity<CaseFile> open(@RequestBody Map<String, Long> body) {
        Long warningId = body.get("warningId");
        if (warningId == null) {
            throw new io.epewatch.kernel.InvalidInputException("warningId", "is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(cases.open(caller.get(), warningId));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permissions.CASEWORK)
    Map<String, Object> get(@PathVariable long id) {
        CaseFile c = cases.find(caller.get().access(), id).orElseThrow(() -> new NotFoundException("case", String.valueOf(id)));
        List<CaseTransition> steps = cases.transitions(caller.get().access(), id);
        List<CaseNote> notes = cases.notes(caller.get().access(), id);
        return Map.of("case", c, "transitions", steps, "notes", notes);
    }

    @PostMapping("/{id}/take")
    @PreAuthorize(Permissions.CASEWORK)
    CaseFile take(@PathVariable long id) {
        return cases.take(caller.get(), id);
    }

    @PostMapping("/{id}/propose")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "R4.6: {analysis, proposal}")
    CaseFile propose(@PathVariable long id, @RequestBody Map<String, String> body) {
        return cases.propose(caller.get(), id, body.get("analysis"), body.get("proposal"));
    }

    @PostMapping("/{id}/escalate")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "R4.8: report to the head {note}")
    CaseFile escalate(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return cases.escalate(caller.get(), id, body == null ? null : body.get("note"));
    }

    @PostMapping("/{id}/order-inspection")
    @PreAuthorize(Permissions.CASE_DECISION)
    CaseFile orderInspection(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return cases.orderInspection(caller.get(), id, body == null ? null : body.get("note"));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(Permissions.CASE_DECISION)
    @Operation(summary = "R4.8: {outcome: NO_VIOLATION|VIOLATION, reference (for a violation), note}")
    CaseFile close(@PathVariable long id, @RequestBody Map<String, String> body) {
        return cases.close(caller.get(), id, body.get("outcome"), body.get("reference"), body.get("note"));
    }

    @PostMapping("/{id}/notes")
    @PreAuthorize(Permissions.CASEWORK)
    ResponseEntity<CaseNote> note(@PathVariable long id, @RequestBody Map<String, String> body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cases.addNote(caller.get(), id, body.get("text")));
    }
}
