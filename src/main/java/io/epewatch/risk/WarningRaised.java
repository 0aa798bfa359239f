package io.epewatch.risk;

import org.springframework.modulith.events.Externalized;

/** A rule raised a warning. */
@Externalized("epewatch.warnings::#{enterpriseTaxCode()}")
public record WarningRaised(long warningId, String rule, String enterpriseTaxCode) {
}
