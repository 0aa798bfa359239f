package io.epewatch.identity.web;

import java.util.Map;

import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** The audit anchor as a download, for the page and the API alike; who fetched it is itself in the trail. */
final class AuditAnchorDownload {

    private AuditAnchorDownload() {
    }

    static ResponseEntity<String> of(AuditTrail audit, Caller caller) {
        return audit.anchor().map(line -> {
            audit.recordAlone(caller.name(), AuditTrail.Actions.AUDIT_ANCHOR_EXPORTED, null, "audit", Map.of());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"epewatch-audit-anchor.json\"")
                    .body(line + "\n");
        }).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                "The audit trail is empty, or it no longer continues its last checkpoint: verify it first"));
    }
}
