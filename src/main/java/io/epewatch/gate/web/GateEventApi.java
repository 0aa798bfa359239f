package io.epewatch.gate.web;

import java.util.List;

import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEventInput;
import io.epewatch.gate.GateEvents;
import io.epewatch.gate.GateReceipt;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/gate-events")
@Tag(name = "Gate events", description = "Vehicles passing EPE gates, from edge ANPR cameras or any reader (ingest)")
class GateEventApi {

    private final GateEvents gateEvents;
    private final Enterprises enterprises;
    private final CurrentCaller caller;

    GateEventApi(GateEvents gateEvents, Enterprises enterprises, CurrentCaller caller) {
        this.gateEvents = gateEvents;
        this.enterprises = enterprises;
        this.caller = caller;
    }

    @PostMapping
    @PreAuthorize(Permissions.INGEST_GATE_EVENTS)
    @Operation(summary = "Record a gate passage; 201 when stored, 200 when the Idempotency-Key repeats an earlier call")
    ResponseEntity<GateEvent> record(@RequestBody GateEventInput input,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String source = "api:" + caller.get().name();
        GateReceipt receipt;
        try {
            receipt = gateEvents.record(input, idempotencyKey, source);
        } catch (GateEvents.IdempotencyRace race) {
            receipt = gateEvents.record(input, idempotencyKey, source);
        }
        return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(receipt.event());
    }

    @GetMapping
    @PreAuthorize(Permissions.READ)
    List<GateEvent> latest(@RequestParam(required = false) String enterpriseTaxCode,
                           @RequestParam(defaultValue = "100") int limit) {
        return gateEvents.latest(enterprises.visibleTaxCodes(caller.get().access(), enterpriseTaxCode),
                Math.min(Math.max(limit, 1), 500));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permissions.READ)
    GateEvent get(@PathVariable long id) {
        return gateEvents.find(caller.get().access(), id).orElseThrow(() -> new NotFoundException("gate event", String.valueOf(id)));
    }
}
