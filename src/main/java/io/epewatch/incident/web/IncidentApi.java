package io.epewatch.incident.web;

import java.util.List;
import java.util.Map;

import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEventInput;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.incident.Incident;
import io.epewatch.incident.IncidentFollowUps;
import io.epewatch.incident.IncidentNotices;
import io.epewatch.incident.Incidents;
import io.epewatch.incident.ManualGateLog;
import io.epewatch.incident.NoticeInput;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Camera and channel outages, their deadlines and follow-up (R2.3–R2.5)")
class IncidentApi {

    /** One vehicle of the manual gate log; {@code entryId} makes a repeat return the first entry. */
    record GateLogEntry(String cameraNumber, String direction, String capturedAt, String plate,
                        List<String> containerNumbers, String entryId) {
    }

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final IncidentFollowUps followUps;
    private final ManualGateLog gateLog;
    private final CurrentCaller caller;

    IncidentApi(Incidents incidents, IncidentNotices notices, IncidentFollowUps followUps, ManualGateLog gateLog,
                CurrentCaller caller) {
        this.incidents = incidents;
        this.notices = notices;
        this.followUps = followUps;
        this.gateLog = gateLog;
        this.caller = caller;
    }

    @GetMapping("/{id}/gate-log")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "The manual gate log kept during the incident (R2.3)")
    List<GateEvent> gateLog(@PathVariable long id) {
        return gateLog.entries(caller.get().access(), id);
    }

    @PostMapping("/{id}/gate-log")
    @PreAuthorize(Permissions.CUSTOMS_AND_EPE)
    @Operation(summary = "Write a vehicle into the manual gate log: {cameraNumber, direction: IN|OUT, capturedAt, plate, "
            + "containerNumbers, entryId}; it becomes a gate event of source manual-log")
    ResponseEntity<GateEvent> writeGateLog(@PathVariable long id, @RequestBody GateLogEntry entry) {
        return ResponseEntity.status(HttpStatus.CREATED).body(gateLog.write(caller.get(), id, new GateEventInput(null,
                entry.cameraNumber(), entry.direction(), entry.capturedAt(), entry.plate(), entry.containerNumbers()),
                entry.entryId()));
    }

    @GetMapping
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "Incidents in the caller's scope, newest first; open=true for the open and overdue ones")
    List<Incident> list(@RequestParam(required = false) String enterpriseTaxCode,
                        @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "100") int limit) {
        return incidents.list(caller.get().access(), enterpriseTaxCode, open, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permissions.READ)
    Incident get(@PathVariable long id) {
        return incidents.find(caller.get().access(), id).orElseThrow(() -> new NotFoundException("incident", String.valueOf(id)));
    }

    @PostMapping
    @PreAuthorize(Permissions.CUSTOMS_AND_EPE)
    @Operation(summary = "File an Appendix II notification: {enterpriseTaxCode, kind: EQUIPMENT|CHANNEL, description, "
            + "affectedCameras, effect, expectedRestoration, technicalContactName, technicalContactPhone, planned}")
    ResponseEntity<Incident> file(@RequestBody NoticeInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(notices.file(caller.get(), input));
    }

    @PostMapping("/{id}/late-notice")
    @PreAuthorize(Permissions.CUSTOMS_AND_EPE)
    @Operation(summary = "The EPE's late notice once the deadline has passed: {reason, newExpectedRestoration}")
    Incident lateNotice(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return notices.fileLateNotice(caller.get(), id, value(body, "reason"), value(body, "newExpectedRestoration"));
    }

    @PostMapping("/{id}/assign")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "Assign the following officer: {officer} (left out: the caller)")
    Incident assign(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return followUps.assign(caller.get(), id, value(body, "officer"));
    }

    @PostMapping("/{id}/follow-ups")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "The day's follow-up: {text}")
    Incident followUp(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return followUps.followUp(caller.get(), id, value(body, "text"));
    }

    @PostMapping("/{id}/measure")
    @PreAuthorize(Permissions.CASE_DECISION)
    @Operation(summary = "The head's supervision measure during the outage: {measure}")
    Incident measure(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return followUps.recordMeasure(caller.get(), id, value(body, "measure"));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(Permissions.CASEWORK)
    @Operation(summary = "Close by hand: {reason}")
    Incident close(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return followUps.close(caller.get(), id, value(body, "reason"));
    }

    private static String value(Map<String, String> body, String key) {
        return body == null ? null : body.get(key);
    }
}
