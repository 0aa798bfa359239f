package io.epewatch.casework;

import java.time.Instant;
import java.util.UUID;

/** A file attached to a case: its bytes are evidence (hashed, held with the case). */
public record CaseAttachment(UUID evidenceId, String fileName, String mediaType, long sizeBytes, String addedBy,
                             Instant addedAt) {
}
