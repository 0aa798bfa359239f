package io.epewatch.camera.web;

import java.util.List;

import io.epewatch.camera.access.CameraAccess;
import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.camera.device.DeviceCheck;
import io.epewatch.camera.device.DeviceChecks;
import io.epewatch.camera.timeline.CameraTimeline;
import io.epewatch.camera.timeline.Timeline;
import io.epewatch.identity.AuditRecord;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/enterprises/{taxCode}")
@Tag(name = "Camera health", description = "Outage timelines, availability and who watched what (R1.5, R4.7)")
class CameraMonitorApi {

    private final CameraTimeline timeline;
    private final CameraAccess access;
    private final DeviceChecks devices;
    private final CurrentCaller caller;

    CameraMonitorApi(CameraTimeline timeline, CameraAccess access, DeviceChecks devices, CurrentCaller caller) {
        this.timeline = timeline;
        this.access = access;
        this.devices = devices;
        this.caller = caller;
    }

    @PostMapping("/cameras/{number}/device-check")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    @Operation(summary = "Read the camera's model, firmware and stream settings over ONVIF and hold them against its declaration (R1.8)")
    DeviceCheck checkDevice(@PathVariable String taxCode, @PathVariable String number) throws CameraFailure {
        return devices.check(caller.get(), taxCode, number);
    }

    @GetMapping("/cameras/{number}/device-checks")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "This camera's ONVIF device checks, newest first")
    List<DeviceCheck> deviceChecks(@PathVariable String taxCode, @PathVariable String number, @RequestParam(defaultValue = "20") int limit) {
        return devices.history(caller.get(), taxCode, number, limit);
    }

    @GetMapping("/availability")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "Each camera's state and availability over 24 hours, 7 days and 30 days")
    List<CameraTimeline.CameraAvailability> availability(@PathVariable String taxCode) {
        return timeline.enterprise(caller.get().access(), taxCode);
    }

    @GetMapping("/cameras/{number}/timeline")
    @PreAuthorize(Permissions.READ)
    @Operation(summary = "One camera's outage timeline over a period (DAY, WEEK or MONTH)")
    Timeline timeline(@PathVariable String taxCode, @PathVariable String number, @RequestParam(defaultValue = "WEEK") String period) {
        CameraTimeline.Period chosen = CameraTimeline.Period.parse(period)
                .orElseThrow(() -> new InvalidInputException("period", "must be DAY, WEEK or MONTH"));
        return timeline.of(caller.get().access(), taxCode, number, chosen);
    }

    @GetMapping("/cameras/{number}/access-history")
    @PreAuthorize(Permissions.READ) // the service checks scope first (404), then that the caller is customs (403)
    @Operation(summary = "Who watched, captured from, exported or used the account of this camera")
    List<AuditRecord> history(@PathVariable String taxCode, @PathVariable String number, @RequestParam(defaultValue = "100") int limit) {
        return access.history(caller.get(), taxCode, number, limit);
    }
}
