package io.epewatch.evidence;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where evidence bytes live (the port; filesystem now, S3-compatible later). Metadata, links and holds are the same
 * for every adapter.
 */
public interface EvidenceStore {

    EvidenceItem store(NewEvidence evidence, List<EvidenceLink> links);

    Optional<EvidenceItem> find(UUID id);

    /** The bytes, if the item exists and has not been purged. */
    Optional<InputStream> open(UUID id);

    /** Whether the stored bytes still have the SHA-256 recorded when they were stored. */
    boolean intact(UUID id);

    /** A legal hold keeps an item past its retention until released; items linked to an open case are held. */
    void hold(UUID id, String reason);

    void release(UUID id);

    List<EvidenceItem> linkedTo(EvidenceLink link);

    /** What one camera of an enterprise captured within [from, to], oldest first. */
    List<EvidenceItem> capturedBy(String enterpriseTaxCode, String cameraNumber, java.time.Instant from, java.time.Instant to);
}
