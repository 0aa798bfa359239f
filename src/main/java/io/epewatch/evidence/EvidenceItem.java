package io.epewatch.evidence;

import java.time.Instant;
import java.util.UUID;

/** A stored piece of evidence. {@code sha256} is of the exact bytes stored. */
public record EvidenceItem(UUID id, String sha256, String mediaType, long sizeBytes, String enterpriseTaxCode,
                           String cameraNumber, Instant capturedAt, Instant storedAt, boolean legalHold, String holdReason) {
}
