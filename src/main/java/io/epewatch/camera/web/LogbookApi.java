package io.epewatch.camera.web;

import java.util.List;

import io.epewatch.camera.CameraLogbook;
import io.epewatch.camera.LogbookEntry;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/enterprises/{taxCode}/logbook")
@Tag(name = "Camera logbook", description = "Camera operating states, by the monitor and by people (R1.5, R1.6)")
class LogbookApi {

    private final CameraLogbook logbook;
    private final CurrentCaller caller;

    LogbookApi(CameraLogbook logbook, CurrentCaller caller) {
        this.logbook = logbook;
        this.caller = caller;
    }

    @GetMapping
    @PreAuthorize(Permissions.READ)
    List<LogbookEntry> entries(@PathVariable String taxCode, @RequestParam(defaultValue = "200") int limit) {
        return logbook.entries(caller.get().access(), taxCode, limit);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.EDIT_REGISTRY)
    @Operation(summary = "Log a power cut, repair, maintenance or planned work for a camera (R1.5, R1.6)")
    LogbookEntry add(@PathVariable String taxCode, @RequestBody CameraLogbook.ManualEntry entry) {
        return logbook.add(caller.get(), taxCode, entry);
    }
}
