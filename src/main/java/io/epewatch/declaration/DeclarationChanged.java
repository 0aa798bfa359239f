package io.epewatch.declaration;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/** A declaration was received for the first time or in a new version. */
@Externalized("epewatch.declarations::#{enterpriseTaxCode()}")
public record DeclarationChanged(String number, int version, String enterpriseTaxCode, Declaration.Direction direction,
                                 Instant registeredAt) {
}
