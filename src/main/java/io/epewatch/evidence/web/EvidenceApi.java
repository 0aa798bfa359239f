package io.epewatch.evidence.web;

import java.util.UUID;

import io.epewatch.evidence.EvidenceExports;
import io.epewatch.evidence.ExportPackage;
import io.epewatch.evidence.ExportRequest;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/evidence/exports")
@Tag(name = "Evidence", description = "Signed export packages of camera evidence (R2.2)")
class EvidenceApi {

    private final EvidenceExports exports;
    private final CurrentCaller caller;

    EvidenceApi(EvidenceExports exports, CurrentCaller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Permissions.CUSTOMS)
    @Operation(summary = "Export one camera's evidence in a time window as a signed package (audited, reason required)")
    ExportPackage export(@RequestBody ExportRequest request) {
        return exports.export(caller.get(), request);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permissions.CUSTOMS)
    ResponseEntity<Resource> download(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + id + ".zip\"")
                .body(new FileSystemResource(exports.download(caller.get(), id)));
    }
}
