package io.epewatch.declaration;

import java.time.Instant;

/** A declaration was received for the first time or in a new version. */
public record DeclarationChanged(String number, int version, String enterpriseTaxCode, Declaration.Direction direction,
                                 Instant registeredAt) {
}
