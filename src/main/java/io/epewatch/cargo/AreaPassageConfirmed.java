package io.epewatch.cargo;

/**
 * A port or ICD confirmed a passage through its gate (R4.4); the risk engine reads it through
 * {@link AreaConfirmations#asRecorded}. A confirmation never changes.
 */
public record AreaPassageConfirmed(String id, String enterpriseTaxCode) {
}
