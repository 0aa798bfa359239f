package io.epewatch.evidence.storage;

import java.io.InputStream;
import java.time.Instant;

/**
 * Where the bytes of evidence items lie, by key ({@code yyyy/MM/dd/<id>.<ext>}); what an item is — its hash, links,
 * hold and retention — is {@link CatalogedEvidenceStore}'s, in PostgreSQL, whatever holds the bytes.
 */
interface EvidenceObjects {

    /** The name kept with each item ({@code evidence_item.backend}), so items stay readable after a switch. */
    String name();

    /**
     * Stores the bytes durably before returning. {@code retainUntil} is when R2.2 lets the item go; a store that can
     * lock objects refuses to delete it before then.
     */
    void put(String key, byte[] content, String mediaType, Instant retainUntil);

    /** The bytes; an {@link java.io.UncheckedIOException} when they are gone. */
    InputStream open(String key);

    void delete(String key);

    /** Mirrors the item's legal hold on the stored object where the store can hold objects; a no-op elsewhere. */
    void hold(String key, boolean held);
}
