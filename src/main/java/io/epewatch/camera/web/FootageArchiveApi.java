package io.epewatch.camera.web;

import io.epewatch.camera.archive.FootageArchive;
import io.epewatch.camera.connector.CameraFailure;
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

/** The EPE's footage on its own recorder, searched and kept as evidence from customs (R2.2, ONVIF Profile G). */
@RestController
@RequestMapping("/api/v1/enterprises/{taxCode}/cameras/{number}")
@Tag(name = "Footage archive", description = "Search the recordings the EPE keeps 12 months, and pull a span into evidence (R2.2)")
class FootageArchiveApi {

    record ClipRequest(String from, String to, String reason) {
    }

    private final FootageArchive archive;
    private final CurrentCaller caller;

    FootageArchiveApi(FootageArchive archive, CurrentCaller caller) {
        this.archive = archive;
        this.caller = caller;
    }

    @GetMapping("/recordings")
    @PreAuthorize(Permissions.CUSTOMS_WATCH)
    @Operation(summary = "What the camera's device holds for [from, to) (at most 30 minutes); audited")
    FootageArchive.Search recordings(@PathVariable String taxCode, @PathVariable String number, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) throws CameraFailure {
        return archive.search(caller.get(), taxCode, number, from, to);
    }

    @PostMapping("/clips")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.KEEP_FOOTAGE)
    @Operation(summary = "Pull [from, to) from the device into evidence: MP4 clip, SHA-256, legal hold, signed export package; audited")
    FootageArchive.Clip pull(@PathVariable String taxCode, @PathVariable String number, @RequestBody ClipRequest request) throws CameraFailure {
        return archive.pull(caller.get(), taxCode, number, request.from(), request.to(), request.reason());
    }
}
