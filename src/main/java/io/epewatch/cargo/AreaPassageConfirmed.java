package io.epewatch.cargo;

import org.springframework.modulith.events.Externalized;

/**
 * A port or ICD confirmed a passage through its gate (R4.4); the risk engine reads it through
 * {@link AreaConfirmations#asRecorded}. A confirmation never changes.
 */
@Externalized("epewatch.cargo::#{enterpriseTaxCode()}")
public record AreaPassageConfirmed(String id, String enterpriseTaxCode) {
}
