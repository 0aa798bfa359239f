package io.epewatch.evidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

import io.epewatch.evidence.EvidenceItem;
import io.epewatch.evidence.EvidenceStore;
import io.epewatch.identity.AuditTrail;
import io.epewatch.identity.Caller;
import io.epewatch.identity.CurrentCaller;
import io.epewatch.identity.Permissions;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.registry.Enterprises;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A piece of evidence shown in the page (a passage's clip, issue 20): to customs staff who may see its enterprise, its
 * bytes checked against the SHA-256 recorded when it was stored; each viewing audited. Ranges are served, so a
 * video can be sought.
 */
@Controller
class EvidenceMedia {

    /** A clip is a few MB; what is larger is exported, not played from here. */
    private static final long LARGEST_SHOWN = 64L * 1024 * 1024;

    private final EvidenceStore store;
    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final CurrentCaller caller;

    EvidenceMedia(EvidenceStore store, Enterprises enterprises, AuditTrail audit, CurrentCaller caller) {
        this.store = store;
        this.enterprises = enterprises;
        this.audit = audit;
        this.caller = caller;
    }

    @GetMapping("/evidence/{id}/content")
    @PreAuthorize(Permissions.CUSTOMS_WATCH)
    ResponseEntity<ByteArrayResource> content(@PathVariable UUID id) {
        Caller me = caller.get();
        EvidenceItem item = store.find(id).filter(i -> !enterprises.visibleTaxCodes(me.access(), i.enterpriseTaxCode()).isEmpty())
                .filter(i -> i.sizeBytes() <= LARGEST_SHOWN)
                .orElseThrow(() -> new NotFoundException("evidence", id.toString()));
        byte[] bytes;
        try (InputStream in = store.open(id).orElseThrow(() -> new NotFoundException("evidence", id.toString()))) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!io.epewatch.kernel.Sha256.hex(bytes).equals(item.sha256())) {
            throw new IllegalStateException("evidence " + id + " failed its integrity check; not shown");
        }
        audit.record(me.name(), "EVIDENCE_VIEWED", item.enterpriseTaxCode(), "evidence:" + id, Map.of("camera", String.valueOf(item.cameraNumber())));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(item.mediaType())).header("Cache-Control", "private, no-store")
                .body(new ByteArrayResource(bytes));
    }
}
