package io.epewatch.identity;

import java.time.Instant;

/** One record of the audit trail. {@code details} is the JSON text exactly as hashed. */
public record AuditRecord(long id, Instant at, String actor, String action, String enterpriseTaxCode, String target,
                          String details, String prevHash, String hash) {
}
