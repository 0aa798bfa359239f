package io.epewatch.risk;

/** A rule raised a warning. */
public record WarningRaised(long warningId, String rule, String enterpriseTaxCode) {
}
